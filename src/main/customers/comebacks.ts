import type { EntityManager } from 'typeorm'
import type { ComebackView, ReworkRate } from '@shared/contract/customers'
import { addDays, addMonths, DEFAULT_TIME_ZONE, localDate, startOfLocalDay } from '@shared/domain/dates'
import { conflict, notFound } from '../core/errors'
import { audit } from '../audit/audit'
import { prepared } from '../db/prepared'
import { logOrderEvent } from '../repairs/status'

/** A device back within this many months of its pickup is a comeback (返修). */
export const COMEBACK_MONTHS = 3

// work_order ("serial") index; the newest pickup of this device within the window.
// Seek by serial only (+: neither the status index nor the returnedAt range may be chosen instead).
const EARLIER_PICKUP = `SELECT id, orderNo, returnedAt FROM work_order
  WHERE serial = ? AND +status = 'pickedUp' AND +returnedAt >= ? AND +returnedAt <= ? AND id <> ?
  ORDER BY returnedAt DESC LIMIT 1`
const INSERT_COMEBACK = `INSERT INTO comeback (orderId, earlierOrderId, flagged, detectedAt, unflagReason) VALUES (?, ?, 1, ?, '')`
const COMEBACK_VIEW = `SELECT cb.orderId, cb.earlierOrderId, w.orderNo AS earlierOrderNo, w.returnedAt AS earlierReturnedAt,
    cb.detectedAt, cb.flagged, cb.unflagReason, cb.unflaggedAt
  FROM comeback cb JOIN work_order w ON w.id = cb.earlierOrderId WHERE cb.orderId = ?`
const UNFLAG = `UPDATE comeback SET flagged = 0, unflagReason = ?, unflaggedById = ?, unflaggedAt = ? WHERE orderId = ? AND flagged = 1`
const ORDER_STATUS = `SELECT status FROM work_order WHERE id = ?`
const COMEBACKS_IN = `SELECT COUNT(*) AS n FROM comeback WHERE detectedAt >= ? AND detectedAt < ? AND flagged = 1`
// order_event ("at") index: every hand-back is one status step to pickedUp.
const PICKED_UP_IN = `SELECT COUNT(DISTINCT orderId) AS n FROM order_event WHERE at >= ? AND at < ? AND toStatus = 'pickedUp'`
const STORE_TIME_ZONE = `SELECT value FROM setting WHERE key = 'timeZone'`

/**
 * At intake: the same IMEI/serial picked up (returnedAt) within COMEBACK_MONTHS before `at` flags the
 * new order as a comeback of the latest such order; its labour is free while flagged
 * (repairs/charges.ts). An order without a serial (IMEI 待补) is never matched.
 */
export async function detectComeback(
  em: EntityManager,
  d: { orderId: number; serial: string; at: Date; userId: number; timeZone: string }
): Promise<ComebackView | null> {
  const serial = d.serial.trim()
  if (!serial) return null
  // Checked once per order (at intake, or when a pending IMEI is supplied): an order already linked keeps its link.
  const already = comebackFor(em, d.orderId)
  if (already) return already
  const since = startOfLocalDay(addMonths(localDate(d.at, d.timeZone), -COMEBACK_MONTHS), d.timeZone)
  const earlier = prepared(em, EARLIER_PICKUP).get(serial, since, d.at.toISOString(), d.orderId) as
    | { id: number; orderNo: string; returnedAt: string }
    | undefined
  if (!earlier) return null
  prepared(em, INSERT_COMEBACK).run(d.orderId, earlier.id, d.at.toISOString())
  const detail = { earlierOrderId: earlier.id, earlierOrderNo: earlier.orderNo, earlierReturnedAt: earlier.returnedAt }
  logOrderEvent(em, { orderId: d.orderId, at: d.at, userId: d.userId, kind: 'comeback', detail: { ...detail, flagged: true } })
  await audit(em, { at: d.at, userId: d.userId, action: 'comeback.flag', entity: 'work_order', entityId: d.orderId, detail })
  return comebackFor(em, d.orderId)
}

export function comebackFor(em: EntityManager, orderId: number): ComebackView | null {
  const row = prepared(em, COMEBACK_VIEW).get(orderId) as (Omit<ComebackView, 'flagged'> & { flagged: number }) | undefined
  return row ? { ...row, flagged: row.flagged === 1 } : null
}

/** The clerk decides it is not a comeback after all (another fault): labour is charged again. Audited. */
export async function unflagComeback(em: EntityManager, u: { orderId: number; reason: string; at: Date; userId: number }): Promise<ComebackView> {
  const status = (prepared(em, ORDER_STATUS).get(u.orderId) as { status: string } | undefined)?.status
  if (!status) throw notFound()
  const before = comebackFor(em, u.orderId)
  if (!before) throw notFound()
  if (status === 'pickedUp' || status === 'void') throw conflict('comebacks.err.closed', { status: `@status.${status}` })
  if (prepared(em, UNFLAG).run(u.reason, u.userId, u.at.toISOString(), u.orderId).changes !== 1) throw conflict('comebacks.err.notFlagged')
  logOrderEvent(em, { orderId: u.orderId, at: u.at, userId: u.userId, kind: 'comeback', note: u.reason, detail: { earlierOrderId: before.earlierOrderId, flagged: false } })
  await audit(em, {
    at: u.at,
    userId: u.userId,
    action: 'comeback.unflag',
    entity: 'work_order',
    entityId: u.orderId,
    detail: { reason: u.reason, earlierOrderNo: before.earlierOrderNo },
    changes: { comeback: { old: true, new: false } }
  })
  return comebackFor(em, u.orderId)!
}

/**
 * The rework rate for the manager's reports: comebacks flagged (and still flagged) that were taken
 * in between the two store-local dates (inclusive), over the orders picked up in the same days.
 */
export function reworkRate(em: EntityManager, fromDate: string, toDate: string, timeZone?: string): ReworkRate {
  const stored = timeZone ? null : (prepared(em, STORE_TIME_ZONE).get() as { value: string } | undefined)
  const tz = timeZone ?? (stored ? (JSON.parse(stored.value) as string) : DEFAULT_TIME_ZONE)
  const from = startOfLocalDay(fromDate, tz)
  const to = startOfLocalDay(addDays(toDate, 1), tz)
  const comebacks = (prepared(em, COMEBACKS_IN).get(from, to) as { n: number }).n
  const pickedUp = (prepared(em, PICKED_UP_IN).get(from, to) as { n: number }).n
  return { from: fromDate, to: toDate, comebacks, pickedUp, rate: pickedUp ? comebacks / pickedUp : 0 }
}
