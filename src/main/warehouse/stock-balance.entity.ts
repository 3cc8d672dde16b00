import { Column, Entity, PrimaryColumn } from 'typeorm'
import type { StockLocation } from '@shared/contract/warehouse/common'
import { int } from '../db/columns'

/**
 * On-hand quantity per part and location. Written only by the ledger's AFTER INSERT trigger; a
 * guard trigger refuses any other value than the newest ledger row's balanceAfter (and DELETE).
 */
@Entity('stock_balance')
export class StockBalance {
  @PrimaryColumn({ type: 'integer' })
  partId: number

  @PrimaryColumn({ type: 'text' })
  location: StockLocation

  @Column(int())
  qty: number
}
