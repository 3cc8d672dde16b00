import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm'
import type { PaymentKind, PaymentMethod } from '@shared/domain/payments'
import { instant, int, text } from '../db/columns'
import { WorkOrder } from '../intake/work-order.entity'

/** Money received or paid back against an order (deposits, pickup payments, refunds). Day close sums these. */
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

  /** 'refund': money paid back; amountFen is negative, so a sum is the net held for the order. */
  @Column(text())
  kind: PaymentKind

  @Column(text())
  method: PaymentMethod

  @Column(int())
  amountFen: number

  @Column(instant())
  receivedAt: string

  @Column(int())
  userId: number

  /** Set on a loaner's deposit and its refund: money held for the loaner, not for the repair. */
  @Column(int({ nullable: true }))
  loanId: number | null
}
