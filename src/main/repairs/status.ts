import type { EntityManager } from 'typeorm'
import { canTransition, type OrderEventKind, type OrderStatus } from '@shared/domain/order-status'
import { conflict } from '../core/errors'
import { prepared } from '../db/prepared'

export interface OrderEventInput {
  orderId: number
  at: Date
  userId: number
  kind: OrderEventKind
  fromStatus?: OrderStatus | null
  toStatus?: OrderStatus | null
  note?: string
  detail?: Record<string, unknown> | null
}

const INSERT_EVENT = `INSERT INTO order_event (orderId, at, userId, kind, fromStatus, toStatus, note, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
const SET_STATUS = `UPDATE work_order SET status = ? WHERE id = ? AND status = ?`

/** One line on the order's timeline (append-only). */
export function logOrderEvent(em: EntityManager, e: OrderEventInput): number {
  const detail = e.detail ? JSON.stringify(e.detail) : null
  return Number(
    prepared(em, INSERT_EVENT).run(e.orderId, e.at.toISOString(), e.userId, e.kind, e.fromStatus ?? null, e.toStatus ?? null, e.note ?? '', detail).lastInsertRowid
  )
}

/**
 * The only way an order's status changes: the step must be in the status machine's table
 * (shared/domain/order-status.ts), and `from` must still be the stored status (a second window that
 * moved the order first wins; this one is told). Logs the step on the timeline.
 */
export function moveOrder(em: EntityManager, step: Omit<OrderEventInput, 'kind' | 'fromStatus' | 'toStatus'> & { from: OrderStatus; to: OrderStatus; kind?: OrderEventKind }): number {
  if (!canTransition(step.from, step.to)) throw conflict('repairs.err.illegalStep', { from: `@status.${step.from}`, to: `@status.${step.to}` })
  const changed = prepared(em, SET_STATUS).run(step.to, step.orderId, step.from).changes
  if (changed !== 1) throw conflict('repairs.err.statusChanged')
  return logOrderEvent(em, { ...step, kind: step.kind ?? 'status', fromStatus: step.from, toStatus: step.to })
}
