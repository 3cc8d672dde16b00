import { overdueReceivedBefore } from '@shared/domain/orders'
import type { EntityManager } from 'typeorm'
import type { StoreSettings } from '@shared/contract/settings'
import { SERVICE_TYPES, type ServiceType } from '@shared/contract/intake'
import {
  REPORT_TOP_PARTS,
  type DashboardData,
  type DashboardTiles,
  type DayRow,
  type PartRow,
  type RangeReport,
  type ServiceTypeRow,
  type TechnicianRow,
  type TurnaroundReport,
  type TurnaroundStats
} from '@shared/contract/reports'
import { BENCH_STATUSES, HAND_BACK_STATUSES } from '@shared/domain/order-status'
import { addDays, diffDays, localDate, startOfLocalDay, type PlainDate } from '@shared/domain/dates'
import { prepared } from '../db/prepared'
import { reworkRate } from '../customers/comebacks'
import { followupRates } from './followup-rates'

/**
 * The manager's reports (issue 9). Every query is a range scan on an indexed time column of the
 * store-local range [start of `from`, start of the day after `to`): work_order(receivedAt),
 * work_order(returnedAt), order_event(toStatus, at), stock_move(at), payment(receivedAt).
 * Rows are bucketed into days in JS against precomputed day boundaries (no time-zone call per row).
 */

// work_order(receivedAt): orders taken in during the range.
const RECEIVED = `SELECT serviceType, receivedAt FROM work_order WHERE receivedAt >= ? AND receivedAt < ? AND status <> 'void'`
// work_order(returnedAt) + payment(orderId): orders handed back, with their net repair money (loaner money apart).
// `+status`: never the status index (pickedUp is nearly every order of a five-year store).
const PICKED_UP = `SELECT w.serviceType, w.receivedAt, w.returnedAt,
    (SELECT COALESCE(SUM(p.amountFen), 0) FROM payment p WHERE p.orderId = w.id AND p.loanId IS NULL) AS netFen
  FROM work_order w WHERE w.returnedAt >= ? AND w.returnedAt < ? AND +w.status = 'pickedUp'`
// stock_move(at): issues (negative) and returns (positive) against work orders. `+docType`: never the
// (docType, docId) index, which would walk every issue of five years.
const PARTS = `SELECT m.partId, p.sku, p.name, -SUM(m.qty) AS qty, -SUM(m.qty * m.unitCostFen) AS valueFen
  FROM stock_move m JOIN part p ON p.id = m.partId
  WHERE +m.docType IN ('issue', 'return') AND m.at >= ? AND m.at < ? GROUP BY m.partId`
// order_event(toStatus, at): the technician's step that finishes the repair (a QC verdict is not one).
const FINISHED = `WITH f AS (SELECT DISTINCT userId, orderId FROM order_event
      WHERE toStatus IN ('qualityCheck', 'ready') AND kind <> 'qc' AND at >= ? AND at < ?)
  SELECT f.userId, COALESCE(u.displayName, '#' || f.userId) AS name, COUNT(DISTINCT f.orderId) AS finished,
    COALESCE(SUM(c.minutes), 0) AS labourMinutes, COALESCE(SUM(c.amountFen), 0) AS labourFen
  FROM f LEFT JOIN repair_charge c ON c.orderId = f.orderId AND c.kind = 'labour'
    LEFT JOIN "user" u ON u.id = f.userId GROUP BY f.userId`
// order_event(toStatus, at) for the verdicts; order_event(orderId, id) for who handed the order to QC.
const QC = `WITH q AS MATERIALIZED (SELECT e.toStatus,
      (SELECT m.userId FROM order_event m WHERE m.orderId = e.orderId AND m.id < e.id AND m.toStatus = 'qualityCheck' ORDER BY m.id DESC LIMIT 1) AS techId
    FROM order_event e WHERE e.toStatus IN ('ready', 'repairing') AND e.kind = 'qc' AND e.at >= ? AND e.at < ?)
  SELECT q.techId AS userId, COALESCE(u.displayName, '#' || q.techId) AS name, COUNT(*) AS checked, SUM(q.toStatus = 'repairing') AS failed
  FROM q LEFT JOIN "user" u ON u.id = q.techId WHERE q.techId IS NOT NULL GROUP BY q.techId`

const OPEN_STATUSES = [...BENCH_STATUSES, ...HAND_BACK_STATUSES]
const list = (xs: readonly string[]) => xs.map((s) => `'${s}'`).join(', ')
// work_order(status, promisedDate): the few open orders, never the handed-back history.
const OPEN_BY_STATUS = `SELECT status, COUNT(*) AS n FROM work_order WHERE status IN (${list(OPEN_STATUSES)}) GROUP BY status`
// The shared overdue rule (isOverdue / overdueReceivedBefore in shared/domain/orders.ts), for the bench's open orders.
const OVERDUE = `SELECT COUNT(*) AS n FROM work_order WHERE status IN (${list(BENCH_STATUSES)}) AND (promisedDate < ? OR receivedAt < ?)`
// payment(receivedAt)
const TAKINGS = `SELECT method, SUM(amountFen) AS amountFen, COUNT(*) AS n FROM payment WHERE receivedAt >= ? AND receivedAt < ? AND loanId IS NULL GROUP BY method`

/** Day boundaries of the range: bounds[i] is the start of day i, bounds[days] the end of the range. */
function dayBounds(from: PlainDate, to: PlainDate, tz: string): { days: PlainDate[]; bounds: string[] } {
  const n = diffDays(from, to) + 1
  const days: PlainDate[] = []
  const bounds: string[] = []
  for (let i = 0; i <= n; i++) {
    const d = addDays(from, i)
    if (i < n) days.push(d)
    bounds.push(startOfLocalDay(d, tz))
  }
  return { days, bounds }
}

/** Index of the day an instant (UTC ISO, inside the range) falls in. ISO strings compare as times. */
function dayIndex(bounds: string[], at: string): number {
  let lo = 0
  let hi = bounds.length - 2
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (bounds[mid] <= at) lo = mid
    else hi = mid - 1
  }
  return lo
}

/** Linear interpolation between closest ranks (Excel PERCENTILE.INC); `sorted` ascending. */
export function percentile(sorted: number[], q: number): number | null {
  if (!sorted.length) return null
  const pos = (sorted.length - 1) * q
  const lo = Math.floor(pos)
  const hi = Math.ceil(pos)
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo)
}

function stats(hours: number[]): TurnaroundStats {
  const sorted = [...hours].sort((a, b) => a - b)
  const round = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10)
  return { count: sorted.length, medianHours: round(percentile(sorted, 0.5)), p90Hours: round(percentile(sorted, 0.9)) }
}

const BUCKETS: { label: string; maxDays: number }[] = [
  { label: '0', maxDays: 0 },
  { label: '1', maxDays: 1 },
  { label: '2', maxDays: 2 },
  { label: '3', maxDays: 3 },
  { label: '4-6', maxDays: 6 },
  { label: '7-13', maxDays: 13 },
  { label: '14-29', maxDays: 29 },
  { label: '30+', maxDays: Infinity }
]

function turnaround(rows: { serviceType: ServiceType; hours: number }[]): TurnaroundReport {
  const histogram = BUCKETS.map((b) => ({ bucket: b.label, count: 0 }))
  for (const r of rows) histogram[BUCKETS.findIndex((b) => Math.floor(r.hours / 24) <= b.maxDays)].count++
  return {
    all: stats(rows.map((r) => r.hours)),
    byServiceType: SERVICE_TYPES.map((serviceType) => ({ serviceType, ...stats(rows.filter((r) => r.serviceType === serviceType).map((r) => r.hours)) })),
    histogram
  }
}

/** Every figure of the reports for store-local days `from` … `to` (inclusive). The bench times this. */
export function rangeReport(em: EntityManager, settings: Pick<StoreSettings, 'timeZone'>, from: PlainDate, to: PlainDate): RangeReport {
  const tz = settings.timeZone
  const { days, bounds } = dayBounds(from, to, tz)
  const start = bounds[0]
  const end = bounds[bounds.length - 1]

  const byType = new Map<ServiceType, ServiceTypeRow>(SERVICE_TYPES.map((s) => [s, { serviceType: s, received: 0, pickedUp: 0, revenueFen: 0 }]))
  const perDay: DayRow[] = days.map((date) => ({ date, received: 0, pickedUp: 0, revenueFen: 0 }))

  for (const r of prepared(em, RECEIVED).iterate(start, end) as Iterable<{ serviceType: ServiceType; receivedAt: string }>) {
    const row = byType.get(r.serviceType)
    if (row) row.received++
    perDay[dayIndex(bounds, r.receivedAt)].received++
  }
  const turn: { serviceType: ServiceType; hours: number }[] = []
  for (const r of prepared(em, PICKED_UP).iterate(start, end) as Iterable<{ serviceType: ServiceType; receivedAt: string; returnedAt: string; netFen: number }>) {
    const row = byType.get(r.serviceType)
    if (row) {
      row.pickedUp++
      row.revenueFen += r.netFen
    }
    const day = perDay[dayIndex(bounds, r.returnedAt)]
    day.pickedUp++
    day.revenueFen += r.netFen
    turn.push({ serviceType: r.serviceType, hours: (Date.parse(r.returnedAt) - Date.parse(r.receivedAt)) / 3_600_000 })
  }
  const serviceTypes = [...byType.values()]
  const totals = serviceTypes.reduce((a, r) => ({ received: a.received + r.received, pickedUp: a.pickedUp + r.pickedUp, revenueFen: a.revenueFen + r.revenueFen }), {
    received: 0,
    pickedUp: 0,
    revenueFen: 0
  })

  const parts = (prepared(em, PARTS).all(start, end) as PartRow[]).filter((p) => p.qty !== 0 || p.valueFen !== 0)
  parts.sort((a, b) => b.valueFen - a.valueFen || b.qty - a.qty || a.partId - b.partId)

  const techs = new Map<number, TechnicianRow>()
  const tech = (userId: number, name: string) => {
    let t = techs.get(userId)
    if (!t) techs.set(userId, (t = { userId, name, finished: 0, labourMinutes: 0, labourFen: 0, qcChecked: 0, qcFailed: 0, qcFailRate: null }))
    return t
  }
  for (const r of prepared(em, FINISHED).all(start, end) as { userId: number; name: string; finished: number; labourMinutes: number; labourFen: number }[]) {
    Object.assign(tech(r.userId, r.name), { finished: r.finished, labourMinutes: r.labourMinutes, labourFen: r.labourFen })
  }
  for (const r of prepared(em, QC).all(start, end) as { userId: number; name: string; checked: number; failed: number }[]) {
    Object.assign(tech(r.userId, r.name), { qcChecked: r.checked, qcFailed: r.failed, qcFailRate: r.checked ? r.failed / r.checked : null })
  }

  const rates = followupRates(em, from, to, tz)
  return {
    from,
    to,
    days: days.length,
    serviceTypes,
    totals,
    perDay,
    turnaround: turnaround(turn),
    comeback: reworkRate(em, from, to, tz),
    parts: {
      top: parts.slice(0, REPORT_TOP_PARTS),
      totalQty: parts.reduce((a, p) => a + p.qty, 0),
      totalValueFen: parts.reduce((a, p) => a + p.valueFen, 0),
      partCount: parts.length
    },
    technicians: [...techs.values()].sort((a, b) => b.finished - a.finished || a.name.localeCompare(b.name, 'zh-CN')),
    satisfaction: rates.satisfaction,
    complaints: rates.complaints
  }
}

/** Today's tiles: devices in the shop, overdue, waiting for collection, today's takings. */
export function dashboardTiles(em: EntityManager, settings: Pick<StoreSettings, 'timeZone'>, now: Date): DashboardTiles {
  const tz = settings.timeZone
  const today = localDate(now, tz)
  let inShop = 0
  let uncollected = 0
  for (const r of prepared(em, OPEN_BY_STATUS).all() as { status: string; n: number }[]) {
    inShop += r.n
    if (HAND_BACK_STATUSES.includes(r.status as never)) uncollected += r.n
  }
  const overdue = (prepared(em, OVERDUE).get(today, overdueReceivedBefore(today, tz)) as { n: number }).n
  const takings = prepared(em, TAKINGS).all(startOfLocalDay(today, tz), startOfLocalDay(addDays(today, 1), tz)) as { method: string; amountFen: number; n: number }[]
  return {
    inShop,
    overdue,
    uncollected,
    takingsFen: takings.reduce((a, r) => a + r.amountFen, 0),
    takingsCount: takings.reduce((a, r) => a + r.n, 0),
    takingsByMethod: takings.map((r) => ({ method: r.method, amountFen: r.amountFen }))
  }
}

/** The dashboard's first paint: today's tiles and this month so far. The bench times this. */
export function dashboardData(em: EntityManager, settings: Pick<StoreSettings, 'timeZone'>, now: Date): DashboardData {
  const today = localDate(now, settings.timeZone)
  const monthStart = `${today.slice(0, 8)}01`
  return { today, tiles: dashboardTiles(em, settings, now), month: rangeReport(em, settings, monthStart, today) }
}

/** Every statement above, for the query-plan checks (test/schema/query-plans.test.ts, reports.test.ts). */
export const REPORT_QUERIES = { RECEIVED, PICKED_UP, PARTS, FINISHED, QC, OPEN_BY_STATUS, OVERDUE, TAKINGS }
