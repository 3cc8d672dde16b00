import type { EntityManager } from 'typeorm'
import { BENCH_STATUSES, type OrderStatus } from '@shared/domain/order-status'
import { overdueReceivedBefore } from '@shared/domain/orders'
import { QUEUE_MAX, type QueueRow, type QueueStatus, type QueueView } from '@shared/contract/repairs'
import { prepared } from '../db/prepared'

export interface QueueQuery {
  /** The store's business day (localDate(now, settings.timeZone)). */
  today: string
  /** The store's time zone (orders received before the local day a week ago are overdue). */
  timeZone: string
  /** A technician's orders; null = nobody's yet; absent = everyone's. */
  technicianId?: number | null
  /** One status; absent = every bench status (BENCH_STATUSES). */
  status?: QueueStatus
  /** 1 … QUEUE_MAX (default 100). */
  limit?: number
}

const SELECT = `SELECT w.id AS orderId, w.orderNo, w.brand, w.model, c.name AS customerName, w.status,
    w.technicianId, u.displayName AS technicianName, w.promisedDate, w.receivedAt,
    (w.promisedDate < ? OR w.receivedAt < ?) AS overdue
  FROM work_order w JOIN customer c ON c.id = w.customerId LEFT JOIN "user" u ON u.id = w.technicianId`
const BENCH_IN = `w.status IN (${BENCH_STATUSES.map((s) => `'${s}'`).join(', ')})`
const ORDER = `ORDER BY overdue DESC, w.promisedDate, w.id LIMIT ?`

/**
 * Every statement the queue can issue (query-plans test): the status index
 * (status, promisedDate) or the technician index (technicianId, status, promisedDate) narrows the
 * 500,000-order store to the open orders; only those are sorted.
 */
export const QUEUE_QUERIES = {
  shop: `${SELECT} WHERE ${BENCH_IN} ${ORDER}`,
  shopStatus: `${SELECT} WHERE w.status = ? ${ORDER}`,
  technician: `${SELECT} WHERE w.technicianId = ? AND ${BENCH_IN} ${ORDER}`,
  technicianStatus: `${SELECT} WHERE w.technicianId = ? AND w.status = ? ${ORDER}`,
  unassigned: `${SELECT} WHERE w.technicianId IS NULL AND ${BENCH_IN} ${ORDER}`,
  unassignedStatus: `${SELECT} WHERE w.technicianId IS NULL AND w.status = ? ${ORDER}`
}

interface Row {
  orderId: number
  orderNo: string
  brand: string
  model: string
  customerName: string
  status: OrderStatus
  technicianId: number | null
  technicianName: string | null
  promisedDate: string
  receivedAt: string
  overdue: number
}

/**
 * The technician queue: open orders, overdue first (promised date before today in the store's zone,
 * or in the shop more than 7 days: isOverdue in shared/domain/orders.ts), then by promised date. Bounded: at most
 * `limit` rows, `more` says whether there were others. Lean SQL, index-backed (see QUEUE_QUERIES).
 */
export function technicianQueue(em: EntityManager, q: QueueQuery): QueueView {
  const limit = Math.min(Math.max(1, q.limit ?? 100), QUEUE_MAX)
  const cutoff = overdueReceivedBefore(q.today, q.timeZone)
  const head: unknown[] = [q.today, cutoff]
  let sql: string
  let args: unknown[]
  if (q.technicianId === undefined) {
    ;[sql, args] = q.status ? [QUEUE_QUERIES.shopStatus, [q.status]] : [QUEUE_QUERIES.shop, []]
  } else if (q.technicianId === null) {
    ;[sql, args] = q.status ? [QUEUE_QUERIES.unassignedStatus, [q.status]] : [QUEUE_QUERIES.unassigned, []]
  } else {
    ;[sql, args] = q.status ? [QUEUE_QUERIES.technicianStatus, [q.technicianId, q.status]] : [QUEUE_QUERIES.technician, [q.technicianId]]
  }
  const rows = prepared(em, sql).all(...head, ...args, limit + 1) as Row[]
  return {
    rows: rows.slice(0, limit).map(
      (r): QueueRow => ({
        orderId: r.orderId,
        orderNo: r.orderNo,
        device: `${r.brand} ${r.model}`.trim(),
        customerName: r.customerName,
        status: r.status,
        technician: r.technicianId !== null ? { id: r.technicianId, displayName: r.technicianName ?? '' } : null,
        promisedDate: r.promisedDate,
        receivedAt: r.receivedAt,
        overdue: r.overdue === 1
      })
    ),
    more: rows.length > limit,
    today: q.today
  }
}
