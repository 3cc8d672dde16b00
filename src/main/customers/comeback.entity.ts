import { Column, Entity, Index, PrimaryColumn } from 'typeorm'
import { bool, instant, int, text } from '../db/columns'

/**
 * A device back within 3 months of its last pickup (返修): the new order, linked to the earlier one.
 * Flagged at intake (labour free while flagged, see repairs/charges.ts); a clerk may un-flag it with
 * a reason. Kept (not deleted) when un-flagged so the rework rate can tell detected from confirmed.
 */
@Entity('comeback')
@Index(['detectedAt'])
export class Comeback {
  /** The new order. */
  @PrimaryColumn({ type: 'integer' })
  orderId: number

  @Index()
  @Column(int())
  earlierOrderId: number

  @Column(bool({ default: true }))
  flagged: boolean

  @Column(instant())
  detectedAt: string

  @Column(text({ default: '' }))
  unflagReason: string

  @Column(int({ nullable: true }))
  unflaggedById: number | null

  @Column(instant({ nullable: true }))
  unflaggedAt: string | null
}
