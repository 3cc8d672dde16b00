import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'
import type { OrderEventKind, OrderStatus } from '@shared/domain/order-status'
import { instant, int, json, text } from '../db/columns'

/**
 * The order's timeline: who did what, when, with a note. Append-only (triggers in migration
 * RepairsCore): the day report and the technician work report count these rows.
 */
@Entity('order_event')
@Index(['orderId', 'id'])
@Index(['at'])
@Index(['userId', 'at'])
// Reports: status steps of one kind in a date range (finished repairs, QC verdicts, pickups); covering
// (kind, userId, orderId), so a month's ~16,000 steps are read from the index alone.
@Index('IDX_order_event_to_status_at', ['toStatus', 'at', 'kind', 'userId', 'orderId'])
export class OrderEvent {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number

  @Column(int())
  orderId: number

  @Column(instant())
  at: string

  @Column(int())
  userId: number

  @Column(text())
  kind: OrderEventKind

  /** Set on kind 'status' (and on any event that also moved the order). */
  @Column(text({ nullable: true }))
  fromStatus: OrderStatus | null

  @Column(text({ nullable: true }))
  toStatus: OrderStatus | null

  @Column(text({ default: '' }))
  note: string

  /** Kind-specific facts (a quote's new amount, a late call's new date, a QC reason...). */
  @Column(json<Record<string, unknown>>({ nullable: true }))
  detail: Record<string, unknown> | null
}
