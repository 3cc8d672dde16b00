import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm'
import type { PaymentMethod } from '@shared/contract/intake'
import { instant, int, text } from '../db/columns'
import { WorkOrder } from './work-order.entity'

/** Money received against an order (the intake deposit now; pickup payments later). Day close sums these. */
@Entity('payment')
@Index(['receivedAt'])
export class Payment {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number

  @ManyToOne(() => WorkOrder, { nullable: false })
  @JoinColumn({ name: 'orderId' })
  order: WorkOrder

  @Index()
  @Column(int())
  orderId: number

  /** 'refund': money paid back (a voided order's deposit); amountFen is negative, so a sum is the net. */
  @Column(text())
  kind: 'deposit' | 'refund'

  @Column(text())
  method: PaymentMethod

  @Column(int())
  amountFen: number

  @Column(instant())
  receivedAt: string

  @Column(int())
  userId: number
}
