import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'
import type { StockLocation } from '@shared/contract/warehouse/common'
import { instant, int, text } from '../db/columns'

/** One part at one location in a count: book at the snapshot, what was counted, book at that moment. */
@Entity('stocktake_line')
@Index(['stocktakeId', 'partId', 'location'], { unique: true })
@Index(['stocktakeId', 'bin', 'id'])
// Covers the progress counts (lines, counted, uncounted with stock) read after every scan
@Index('IDX_stocktake_line_progress', ['stocktakeId', 'countedQty', 'expectedQty'])
export class StocktakeLine {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number

  @Column(int())
  stocktakeId: number

  @Column(int())
  partId: number

  @Column(text())
  location: StockLocation

  /** The part's bin when the line was made (sheet order). */
  @Column(text({ default: '' }))
  bin: string

  /** Book quantity at the snapshot (the ledger row stocktake.snapshotMoveId). */
  @Column(int())
  expectedQty: number

  @Column(int({ nullable: true }))
  countedQty: number | null

  /** Book quantity when the count was last entered; approval posts counted − this. */
  @Column(int({ nullable: true }))
  bookAtCount: number | null

  @Column(instant({ nullable: true }))
  countedAt: string | null

  @Column(int({ nullable: true }))
  countedById: number | null

  /** Posted at approval: the adjustment (counted − book at count) and the ledger row. */
  @Column(int({ nullable: true }))
  postedQty: number | null

  @Column(int({ nullable: true }))
  postedUnitCostFen: number | null

  @Column(int({ nullable: true }))
  moveId: number | null
}
