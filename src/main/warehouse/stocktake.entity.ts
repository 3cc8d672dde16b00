import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'
import type { StocktakeStatus } from '@shared/contract/warehouse/stocktake'
import { instant, int, text } from '../db/columns'

/**
 * A count (盘点) of every part or of a bin range. snapshotMoveId is the newest ledger row when it
 * started: each line's expected quantity is the book at that row, and a ledger row after it is a
 * movement during the count (see stocktake-service.ts for how approval keeps both).
 */
@Entity('stocktake')
@Index(['status', 'id'])
export class Stocktake {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number

  /** ST2611-0001 */
  @Column(text({ unique: true }))
  stNo: string

  @Column(text())
  status: StocktakeStatus

  /** '' = no lower bound. */
  @Column(text({ default: '' }))
  binFrom: string

  /** '' = no upper bound; otherwise inclusive, with every bin under it (A-03 covers A-03-05). */
  @Column(text({ default: '' }))
  binTo: string

  @Column(int())
  snapshotMoveId: number

  @Column(instant())
  createdAt: string

  @Column(int())
  createdById: number

  @Column(instant({ nullable: true }))
  closedAt: string | null

  /** Approving manager, or who cancelled. */
  @Column(int({ nullable: true }))
  closedById: number | null

  @Column(text({ default: '' }))
  cancelReason: string

  @Column(int({ default: 0 }))
  adjustedLines: number

  @Column(int({ default: 0 }))
  netFen: number
}
