import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'
import type { CashMoveKind } from '@shared/contract/dayclose'
import type { PaymentMethod } from '@shared/domain/payments'
import { instant, int, text } from '../db/columns'

/**
 * Money into or out of the till that is not a customer's payment: the opening float, cash in / out
 * with a reason, and corrections of a closed day (kind 'adjustment', booked on the day it is made,
 * `closedDayRef` naming the closed day). Append-only; rows of a closed day cannot change and none can
 * be added inside a closed day (triggers in migration DayClose).
 */
@Entity('cash_move')
@Index(['at'])
export class CashMove {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number

  @Column(text())
  kind: CashMoveKind

  @Column(text({ default: 'cash' }))
  method: PaymentMethod

  /** Signed fen: cash out is negative. */
  @Column(int())
  amountFen: number

  @Column(text({ default: '' }))
  reason: string

  @Column(instant())
  at: string

  @Column(int())
  userId: number

  @Column(text({ nullable: true }))
  closedDayRef: string | null
}
