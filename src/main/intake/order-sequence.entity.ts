import { Column, Entity, PrimaryColumn } from 'typeorm'
import { int } from '../db/columns'

/**
 * The work-order number allocator: one row per month (YYMM). Incremented inside the intake
 * transaction, so a failed save rolls the counter back with it: no gaps, no reuse.
 */
@Entity('order_sequence')
export class OrderSequence {
  @PrimaryColumn({ type: 'text' })
  period: string

  @Column(int())
  lastSerial: number
}
