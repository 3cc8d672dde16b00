import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
import type { StockLocation } from '@shared/contract/warehouse/common'
import { instant, int, text } from '../db/columns'

/** A move between 'main' and 'quarantine' (two ledger rows, docType 'transfer'). */
@Entity('stock_transfer')
export class StockTransfer {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number

  /** TR2611-0001. */
  @Column(text({ unique: true }))
  transferNo: string

  @Column(int())
  partId: number

  @Column(int())
  qty: number

  @Column(text())
  fromLocation: StockLocation

  @Column(text())
  toLocation: StockLocation

  @Column(text())
  reason: string

  @Column(int())
  userId: number

  /** Back to 'main' needs a manager's approval. */
  @Column(int({ nullable: true }))
  approvedById: number | null

  @Column(instant())
  at: string
}
