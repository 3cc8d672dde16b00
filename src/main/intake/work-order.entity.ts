import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm'
import type { ConditionCheck, WarrantyVerdict } from '@shared/domain/warranty'
import type { OrderStatus, PaymentMethod, ServiceType } from '@shared/contract/intake'
import { bool, instant, int, json, text } from '../db/columns'
import { Customer } from '../customers/customer.entity'
import { User } from '../auth/user.entity'

@Entity('work_order')
// Last 6 of an IMEI/serial (global search): an expression index, created by migration SearchIndexes.
@Index('IDX_work_order_serial_last6', { synchronize: false })
// The technician queue (repairs/queue.ts): open orders by status, and by technician + status.
@Index('IDX_work_order_status_promised', ['status', 'promisedDate'])
@Index('IDX_work_order_tech_status_promised', ['technicianId', 'status', 'promisedDate'])
// The manager's reports (reports/service.ts): orders taken in during a date range.
@Index('IDX_work_order_received_at', ['receivedAt'])
// Picked up in a date range: the follow-up call list and the complaint rate (migration FollowUpsComplaints).
@Index('IDX_work_order_returnedAt', ['returnedAt'])
export class WorkOrder {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number

  /** YYMM-NNNN, gap-free per month (see OrderSequence). */
  @Column(text({ unique: true }))
  orderNo: string

  /** Short code printed on the claim ticket; asked for at pickup. */
  @Index()
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

  @Index()
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

  /** Taken in while the IMEI could not be read; `serial` is filled in later (orders.supplyImei). */
  @Column(bool({ default: false }))
  imeiUnreadable: boolean

  @Column(text({ default: '' }))
  imeiUnreadableReason: string

  /** The device passcode, AES-256-GCM sealed with a key kept outside the database (see passcode.ts). */
  @Column(text({ nullable: true }))
  passcodeSealed: string | null

  /** Last correction (orders.correct); tickets printed after it are marked 更正. */
  @Column(instant({ nullable: true }))
  correctedAt: string | null

  @Column(instant({ nullable: true }))
  voidedAt: string | null

  /** Plain id (no FK): added by ALTER TABLE, which cannot add a named constraint. */
  @Column(int({ nullable: true }))
  voidedById: number | null

  @Column(text({ nullable: true }))
  voidReason: string | null

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
