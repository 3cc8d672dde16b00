import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'
import type { MoveType, StockLocation } from '@shared/contract/warehouse/common'
import { instant, int, text } from '../db/columns'

/**
 * The stock ledger: one immutable row per movement (triggers refuse UPDATE and DELETE, refuse a
 * row whose balanceAfter is not the previous balance + qty, refuse a negative balance, and keep
 * stock_balance in step; see migration WarehouseLedger). Write rows only through ledger.postMove.
 */
@Entity('stock_move')
@Index(['partId', 'location', 'id'])
@Index(['partId', 'at'])
@Index(['docType', 'docId'])
@Index(['orderId'])
// The day close's parts figures: one business day's rows by time.
@Index(['at'])
export class StockMove {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number

  @Column(int())
  partId: number

  @Column(text())
  location: StockLocation

  /** Signed, never 0: + into the location, - out of it. */
  @Column(int())
  qty: number

  /** Unit cost in fen this row moved at (receipt: the supplier's price; out: the moving average). */
  @Column(int())
  unitCostFen: number

  /** This part's balance at this location after this row (the stock card's running balance). */
  @Column(int())
  balanceAfter: number

  /** The part's moving-average cost after this row: valuation at a past date reads it. */
  @Column(int())
  avgCostAfter: number

  @Column(text())
  docType: MoveType

  @Column(int())
  docId: number

  @Column(text())
  docNo: string

  /** The work order, for issues and returns. */
  @Column(int({ nullable: true }))
  orderId: number | null

  @Column(int())
  userId: number

  @Column(instant())
  at: string

  @Column(text({ default: '' }))
  note: string
}
