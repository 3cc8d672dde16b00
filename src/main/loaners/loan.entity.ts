import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'
import type { LoanOutcome } from '@shared/contract/loaners'
import { instant, int, text } from '../db/columns'

/**
 * One loaner lent against one order. Open while returnedAt is null: at most one open loan per
 * loaner and per order (partial unique indexes). The deposit and its refund are `payment` rows
 * (kind deposit / refund, with loanId) so the day close sums them; a kept deposit needs a manager.
 */
@Entity('loaner_loan')
@Index('IDX_loaner_loan_open_loaner', ['loanerId'], { unique: true, where: '"returnedAt" IS NULL' })
@Index('IDX_loaner_loan_open_order', ['orderId'], { unique: true, where: '"returnedAt" IS NULL' })
@Index('IDX_loaner_loan_open_due', ['dueDate', 'id'], { where: '"returnedAt" IS NULL' })
@Index(['orderId', 'id'])
@Index(['loanerId', 'id'])
export class LoanerLoan {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number

  @Column(int())
  loanerId: number

  @Column(int())
  orderId: number

  @Column(int())
  depositFen: number

  @Column(text({ nullable: true }))
  depositMethod: string | null

  @Column(int({ nullable: true }))
  depositPaymentId: number | null

  /** Store-local date the loaner is due back (the order's promised date unless set). */
  @Column(text())
  dueDate: string

  @Column(text({ default: '' }))
  conditionOut: string

  @Column(instant())
  lentAt: string

  @Column(int())
  lentById: number

  @Column(instant({ nullable: true }))
  returnedAt: string | null

  @Column(int({ nullable: true }))
  returnedById: number | null

  @Column(text({ default: '' }))
  conditionIn: string

  /** refunded | kept (a manager approved keeping it, with a reason) | none (no deposit was taken). */
  @Column(text({ nullable: true }))
  outcome: LoanOutcome | null

  @Column(text({ default: '' }))
  keptReason: string

  @Column(int({ nullable: true }))
  approvedById: number | null

  @Column(int({ nullable: true }))
  refundPaymentId: number | null
}
