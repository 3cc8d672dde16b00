import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm'
import type { ConditionCheck, WarrantyVerdict } from '@shared/domain/warranty'
import type { OrderStatus, PaymentMethod, ServiceType } from '@shared/contract/intake'
import { bool, instant, int, json, text } from '../db/columns'
import { Customer } from './customer.entity'
import { User } from '../auth/user.entity'

@Entity('work_order')
export class WorkOrder {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number

  /** YYMM-NNNN, gap-free per month (see OrderSequence). */
  @Column(text({ unique: true }))
  orderNo: string

  /** Short code printed on the claim ticket; asked for at pickup. */
  @Column(text())
  claimCode: string

  @Column(text())
  status: OrderStatus

  @Column(instant())
  receivedAt: string

  /** Set when the device leaves the shop; closed stays count toward 三包 repair-time extension. */
  @Column(instant({ nullable: true }))
  returnedAt: string | null

  @ManyToOne(() => Customer, { nullable: false })
  @JoinColumn({ name: 'customerId' })
  customer: Customer

  @Column(int())
  customerId: number

  @Column(text())
  category: string

  @Column(text())
  brand: string

  @Column(text())
  model: string

  @Index()
  @Column(text({ default: '' }))
  serial: string

  @Column(text({ default: '' }))
  colour: string

  @Column(text({ nullable: true }))
  invoiceDate: string | null

  @Column(text({ default: '' }))
  invoiceNo: string

  @Column(text())
  faultDescription: string

  @Column(json<string[]>())
  faultCodes: string[]

  @Column(json<ConditionCheck>())
  condition: ConditionCheck

  @Column(json<string[]>())
  accessories: string[]

  @Column(text({ default: '' }))
  accessoriesOther: string

  /** The computed verdict exactly as shown to the clerk at save time. */
  @Column(json<WarrantyVerdict>())
  warrantyVerdict: WarrantyVerdict

  /** Final verdict after any override. */
  @Column(bool())
  inWarranty: boolean

  @Column(bool({ nullable: true }))
  overrideInWarranty: boolean | null

  @Column(text({ nullable: true }))
  overrideReason: string | null

  @Column(text())
  serviceType: ServiceType

  @Column(int())
  estimateFen: number

  @Column(int({ default: 0 }))
  depositFen: number

  @Column(text({ nullable: true }))
  depositMethod: PaymentMethod | null

  @Column(text())
  promisedDate: string

  @ManyToOne(() => User, { nullable: true })
  @JoinColumn({ name: 'technicianId' })
  technician: User | null

  @Column(int({ nullable: true }))
  technicianId: number | null

  @ManyToOne(() => User, { nullable: false })
  @JoinColumn({ name: 'createdById' })
  createdBy: User

  @Column(int())
  createdById: number
}
