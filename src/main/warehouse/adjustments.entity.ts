import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'
import type { AdjustmentStatus } from '@shared/contract/warehouse/moves'
import type { StockLocation } from '@shared/contract/warehouse/common'
import { instant, int, text } from '../db/columns'

/** A stock correction: requested (changes nothing), then approved by a manager (posts) or rejected. */
@Entity('stock_adjustment')
@Index(['status', 'id'])
export class StockAdjustment {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number

  /** AD2611-0001. */
  @Column(text({ unique: true }))
  adjNo: string

  @Column(int())
  partId: number

  @Column(text())
  location: StockLocation

  /** Signed, never 0. */
  @Column(int())
  qty: number

  @Column(text())
  reason: string

  @Column(text())
  status: AdjustmentStatus

  @Column(int())
  requestedById: number

  @Column(instant())
  requestedAt: string

  @Column(int({ nullable: true }))
  decidedById: number | null

  @Column(instant({ nullable: true }))
  decidedAt: string | null

  @Column(text({ default: '' }))
  rejectReason: string

  @Column(int({ nullable: true }))
  moveId: number | null
}
