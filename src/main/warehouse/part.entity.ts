import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'
import { bool, instant, int, text } from '../db/columns'

/** A stocked part (catalogue row). Its stock lives in the ledger (StockMove) and StockBalance. */
@Entity('part')
// Barcode unique when set: a partial unique index, created by migration WarehouseLedger.
@Index('IDX_part_barcode', { synchronize: false })
@Index(['bin', 'id'])
export class Part {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number

  @Column(text({ unique: true }))
  sku: string

  @Column(text())
  name: string

  @Column(text({ default: '' }))
  spec: string

  /** Compatible brands/models, free text ("iPhone 12/12 Pro, 华为 P40"): searchable. */
  @Column(text({ default: '' }))
  models: string

  @Column(text())
  unit: string

  /** '' = none. Unique among parts that have one. */
  @Column(text({ default: '' }))
  barcode: string

  /** Shelf spot ("A-01-03"); the stocktake can count a bin range and prints sheets in bin order. */
  @Column(text({ default: '' }))
  bin: string

  @Column(int({ default: 0 }))
  minStock: number

  @Column(int({ default: 0 }))
  salePriceFen: number

  /** Moving-average unit cost in whole fen, updated by every receipt (see ledger.ts). */
  @Column(int({ default: 0 }))
  avgCostFen: number

  @Column(bool({ default: true }))
  active: boolean

  @Column(instant())
  createdAt: string

  @Column(instant())
  updatedAt: string
}
