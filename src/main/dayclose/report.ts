import type { EntityManager } from 'typeorm'
import { DENOMINATIONS, IN_SHOP_MAX, type CashMoveView, type MethodTotals, type ZReport } from '@shared/contract/dayclose'
import type { StoreSettings } from '@shared/contract/settings'
import { PAYMENT_METHODS, type PaymentMethod } from '@shared/domain/payments'
import { addDays, diffDays, localDateTime, startOfLocalDay } from '@shared/domain/dates'
import { isOverdue } from '@shared/domain/orders'
import { prepared } from '../db/prepared'
import { NOTICE_LIMIT } from '@shared/contract/customers'

/**
 * The figures of one business day, every query a range seek on a time index (payment.receivedAt,
 * order_event.at, cash_move.at, stock_move.at, repair_charge.createdAt) or a seek on the few open
 * orders (work_order status) and those handed back or voided since the day's end (work_order
 * returnedAt, order_event toStatus + at): a day's cost does not grow with the years behind it.
 */

export interface DayRange {
  day: string
  startAt: string
  endAt: string
}

export function dayRange(day: string, timeZone: string): DayRange {
  return { day, startAt: startOfLocalDay(day, timeZone), endAt: startOfLocalDay(addDays(day, 1), timeZone) }
}

const PAY_BY_METHOD = `SELECT method,
    COALESCE(SUM(CASE WHEN amountFen > 0 THEN amountFen ELSE 0 END), 0) AS received,
    COALESCE(SUM(CASE WHEN amountFen < 0 THEN -amountFen ELSE 0 END), 0) AS refunds
  FROM payment WHERE receivedAt >= ? AND receivedAt < ? GROUP BY method`
const MOVES = `SELECT m.id, m.kind, m.method, m.amountFen, m.reason, m.at, m.closedDayRef, COALESCE(u.displayName, '') AS userName
  FROM cash_move m LEFT JOIN "user" u ON u.id = m.userId WHERE m.at >= ? AND m.at < ? ORDER BY m.at, m.id LIMIT 2000`
const ORDER_STEPS = `SELECT toStatus, COUNT(DISTINCT orderId) AS n FROM order_event
  WHERE at >= ? AND at < ? AND toStatus IN ('received', 'ready', 'pickedUp', 'cancelled') GROUP BY toStatus`
// Every status but pickedUp and void: the device is here (orderInShop).
const IN_SHOP_STATUSES = `('received', 'diagnosing', 'awaitingApproval', 'waitingParts', 'repairing', 'qualityCheck', 'ready', 'unrepairable', 'atManufacturer', 'cancelled')`
/**
 * The orders in the shop at the day's end (t.endAt, the one parameter), as they stood then: a day
 * may be closed days late. Candidates, each through an index: the orders open now (work_order
 * status; `+` keeps the planner off the returnedAt and receivedAt indexes), those handed back at
 * or after the end (work_order returnedAt: a late close walks the pickups since the day's end) and
 * those voided at or after it (order_event toStatus + at, a time range). CROSS JOIN keeps every
 * join in the written order, candidates first. Each one's status then is its last status step
 * before the end, a seek of order_event (orderId, id) backwards (`+e.toStatus`: never the
 * toStatus index); an order without a timeline keeps its stored status. In the shop then:
 * received before the end, not handed back before it, neither picked up nor voided by then. A
 * close of today (end not reached) finds the orders open now with their stored status.
 */
const AT_END = `WITH t AS (SELECT ? AS endAt),
  o AS (
    SELECT w.id FROM work_order w WHERE w.status IN ${IN_SHOP_STATUSES} AND +w.returnedAt IS NULL
    UNION SELECT w.id FROM t CROSS JOIN work_order w ON w.returnedAt >= t.endAt AND +w.receivedAt < t.endAt
    UNION SELECT e.orderId FROM t CROSS JOIN order_event e ON e.toStatus = 'void' AND e.at >= t.endAt),
  s AS MATERIALIZED (
    SELECT w.id, w.orderNo, w.brand, w.model, w.customerId, w.receivedAt, w.promisedDate, w.returnedAt, t.endAt,
      COALESCE((SELECT e.toStatus FROM order_event e WHERE e.orderId = w.id AND +e.toStatus IS NOT NULL AND +e.at < t.endAt ORDER BY e.id DESC LIMIT 1), w.status) AS status
    FROM t CROSS JOIN o CROSS JOIN work_order w ON w.id = o.id WHERE +w.receivedAt < t.endAt),
  here AS MATERIALIZED (
    SELECT s.* FROM s WHERE s.status IN ${IN_SHOP_STATUSES} AND (s.returnedAt IS NULL OR s.returnedAt >= s.endAt))`
// Ready at the end: since when (its last ready step before the end), and the notices logged from
// then until the end (order_notice (orderId, at)): the manager's "uncollected" rule
// (customers/notices.ts) as of the end. heldFen: what the order had paid by the end, loaner
// deposits aside (the deposits held at close are their sum: one pass over the register).
const IN_SHOP = `${AT_END},
  r AS MATERIALIZED (
    SELECT h.*, CASE WHEN h.status = 'ready' THEN
        COALESCE((SELECT MAX(e.at) FROM order_event e WHERE e.orderId = h.id AND +e.toStatus = 'ready' AND +e.at < h.endAt), h.receivedAt) END AS readyAt
    FROM here h)
  SELECT r.orderNo, r.brand, r.model, r.status, r.receivedAt, r.promisedDate, c.name AS customer, r.readyAt,
    CASE WHEN r.readyAt IS NULL THEN 0 ELSE (SELECT COUNT(*) FROM order_notice n WHERE n.orderId = r.id AND n.at >= r.readyAt AND n.at < r.endAt) END AS notices,
    (SELECT COALESCE(SUM(p.amountFen), 0) FROM payment p WHERE p.orderId = r.id AND p.loanId IS NULL AND +p.receivedAt < r.endAt) AS heldFen
  FROM r CROSS JOIN customer c ON c.id = r.customerId ORDER BY r.receivedAt, r.id`
const REFUNDS = `SELECT w.orderNo, p.method, -p.amountFen AS amountFen, p.loanId, p.receivedAt AS at
  FROM payment p JOIN work_order w ON w.id = p.orderId WHERE p.receivedAt >= ? AND p.receivedAt < ? AND p.amountFen < 0 ORDER BY p.receivedAt, p.id`
// Pickups of the day through the timeline's time index (pickup has one row per order).
const DISCOUNTS = `SELECT w.orderNo, k.discountFen, k.discountReason AS reason, COALESCE(u.displayName, '') AS approvedBy
  FROM order_event e JOIN pickup k ON k.orderId = e.orderId JOIN work_order w ON w.id = e.orderId LEFT JOIN "user" u ON u.id = k.discountApprovedById
  WHERE e.at >= ? AND e.at < ? AND e.toStatus = 'pickedUp' AND k.discountFen > 0 ORDER BY e.at, e.id`
// stock_move(at): `+docType` keeps the planner off the (docType, docId) index, which walks five years of issues.
const PARTS = `SELECT docType, COALESCE(SUM(ABS(qty)), 0) AS qty, COALESCE(SUM(ABS(qty) * unitCostFen), 0) AS fen
  FROM stock_move WHERE at >= ? AND at < ? AND +docType IN ('issue', 'return', 'receipt') GROUP BY docType`
// Workshop steps (not the counter's intake or hand-back).
const TOUCHED = `SELECT userId, COUNT(DISTINCT orderId) AS n FROM order_event
  WHERE at >= ? AND at < ? AND toStatus IS NOT NULL AND toStatus NOT IN ('received', 'pickedUp', 'void') GROUP BY userId`
const LABOUR = `SELECT userId, COALESCE(SUM(minutes), 0) AS minutes, COALESCE(SUM(amountFen), 0) AS fen FROM repair_charge
  WHERE createdAt >= ? AND createdAt < ? AND kind = 'labour' GROUP BY userId`
const QC = `SELECT userId, SUM(CASE WHEN json_extract(detail, '$.passed') THEN 1 ELSE 0 END) AS passed,
    SUM(CASE WHEN json_extract(detail, '$.passed') THEN 0 ELSE 1 END) AS failed
  FROM order_event WHERE at >= ? AND at < ? AND kind = 'qc' GROUP BY userId`
const USER_NAME = `SELECT displayName FROM "user" WHERE id = ?`

/** The day's range queries (the bench runs them by hand next to the close; params: start, end — IN_SHOP: end only). */
export const Z_QUERIES = { PAY_BY_METHOD, MOVES, ORDER_STEPS, IN_SHOP, REFUNDS, DISCOUNTS, PARTS, TOUCHED, LABOUR, QC }

/**
 * Store-local dates of many instants: the zone's offset is read once per UTC hour (zone offsets
 * change on whole or half UTC hours), not once per instant — the device register can be thousands
 * of rows.
 */
export function localDates(timeZone: string): (iso: string) => string {
  const offsets = new Map<string, number>()
  return (iso) => {
    const hour = iso.slice(0, 13)
    let offset = offsets.get(hour)
    if (offset === undefined) {
      const start = Date.parse(`${hour}:00:00.000Z`)
      const wall = localDateTime(new Date(start), timeZone)
      offset = Date.parse(`${wall.replace(' ', 'T')}:00.000Z`) - start
      offsets.set(hour, offset)
    }
    return new Date(Date.parse(iso) + offset).toISOString().slice(0, 10)
  }
}

export function dayMoves(em: EntityManager, r: DayRange): CashMoveView[] {
  return prepared(em, MOVES).all(r.startAt, r.endAt) as CashMoveView[]
}

/** Expected per method: payments (deposits, pickup payments, refunds incl. loaner deposits) + float + cash moves + adjustments. */
export function methodTotals(em: EntityManager, r: DayRange, moves = dayMoves(em, r)): MethodTotals[] {
  const pay = new Map((prepared(em, PAY_BY_METHOD).all(r.startAt, r.endAt) as { method: PaymentMethod; received: number; refunds: number }[]).map((p) => [p.method, p]))
  return PAYMENT_METHODS.map((method) => {
    const receivedFen = pay.get(method)?.received ?? 0
    const refundsFen = pay.get(method)?.refunds ?? 0
    const movesFen = moves.filter((m) => m.method === method).reduce((a, m) => a + m.amountFen, 0)
    return { method, receivedFen, refundsFen, movesFen, expectedFen: receivedFen - refundsFen + movesFen }
  })
}

export interface CountInput {
  counts: number[]
  counted: { wechat: number; alipay: number; card: number; other: number }
  note: string
}

export interface CloseFacts {
  closedAt: string
  closedBy: string
  approvedBy: string
}

export const countedCash = (counts: number[]) => counts.reduce((a, n, i) => a + n * DENOMINATIONS[i], 0)

/**
 * The Z report of one business day. Without a count (a preview) counted = expected. Devices in the
 * shop (with their status), overdue, uncollected and deposits held are as they stood at the day's
 * end, also when the day is closed days later.
 */
export function computeZReport(em: EntityManager, day: string, settings: StoreSettings, count?: CountInput, facts?: CloseFacts): ZReport {
  const tz = settings.timeZone
  const r = dayRange(day, tz)
  const moves = dayMoves(em, r)
  const totals = methodTotals(em, r, moves)
  const counted: Record<PaymentMethod, number> = count
    ? { cash: countedCash(count.counts), ...count.counted }
    : (Object.fromEntries(totals.map((t) => [t.method, t.expectedFen])) as Record<PaymentMethod, number>)
  const money = totals.map((t) => ({ ...t, countedFen: counted[t.method], diffFen: counted[t.method] - t.expectedFen }))
  const cashT = money.find((m) => m.method === 'cash')!
  const cashMoves = moves.filter((m) => m.method === 'cash')
  const sumKind = (kind: string) => cashMoves.filter((m) => m.kind === kind).reduce((a, m) => a + m.amountFen, 0)

  const steps = new Map((prepared(em, ORDER_STEPS).all(r.startAt, r.endAt) as { toStatus: string; n: number }[]).map((s) => [s.toStatus, s.n]))

  const inShopRows = prepared(em, IN_SHOP).all(r.endAt) as {
    orderNo: string
    brand: string
    model: string
    status: string
    receivedAt: string
    promisedDate: string
    customer: string
    readyAt: string | null
    notices: number
    heldFen: number
  }[]
  let overdueCount = 0
  const localDay = localDates(tz)
  // Judged at the day's end: its status then, and not yet handed back (returnedAt: null).
  const inShop = inShopRows.map((o) => {
    const receivedDate = localDay(o.receivedAt)
    const overdue = isOverdue({ status: o.status, returnedAt: null, promisedDate: o.promisedDate, receivedDate }, day)
    if (overdue) overdueCount++
    return { orderNo: o.orderNo, device: `${o.brand} ${o.model}`.trim(), customer: o.customer, status: o.status, receivedAt: o.receivedAt, ageDays: Math.max(0, diffDays(receivedDate, day)), overdue }
  })
  // Ready at the end and told NOTICE_LIMIT times or more by then, longest waiting first.
  const uncollectedAtEnd = inShopRows
    .filter((o): o is typeof o & { readyAt: string } => o.readyAt !== null && o.notices >= NOTICE_LIMIT)
    .sort((a, b) => a.readyAt.localeCompare(b.readyAt))
    .map((o) => ({ orderNo: o.orderNo, device: `${o.brand} ${o.model}`.trim(), customer: o.customer, readyAt: o.readyAt, notices: o.notices }))

  const parts = new Map((prepared(em, PARTS).all(r.startAt, r.endAt) as { docType: string; qty: number; fen: number }[]).map((p) => [p.docType, p]))

  const tech = new Map<number, ZReport['technicians'][number]>()
  const techRow = (userId: number) => {
    let row = tech.get(userId)
    if (!row) {
      const name = (prepared(em, USER_NAME).get(userId) as { displayName: string } | undefined)?.displayName ?? `#${userId}`
      tech.set(userId, (row = { userId, name, ordersTouched: 0, labourMinutes: 0, labourFen: 0, qcPassed: 0, qcFailed: 0 }))
    }
    return row
  }
  for (const t of prepared(em, TOUCHED).all(r.startAt, r.endAt) as { userId: number; n: number }[]) techRow(t.userId).ordersTouched = t.n
  for (const l of prepared(em, LABOUR).all(r.startAt, r.endAt) as { userId: number; minutes: number; fen: number }[]) {
    const row = techRow(l.userId)
    row.labourMinutes = l.minutes
    row.labourFen = l.fen
  }
  for (const q of prepared(em, QC).all(r.startAt, r.endAt) as { userId: number; passed: number; failed: number }[]) {
    const row = techRow(q.userId)
    row.qcPassed = q.passed
    row.qcFailed = q.failed
  }

  return {
    day,
    startAt: r.startAt,
    endAt: r.endAt,
    closedAt: facts?.closedAt ?? '',
    closedBy: facts?.closedBy ?? '',
    approvedBy: facts?.approvedBy ?? '',
    store: settings.store.name,
    locale: settings.locale,
    timeZone: settings.timeZone,
    orders: { received: steps.get('received') ?? 0, finished: steps.get('ready') ?? 0, pickedUp: steps.get('pickedUp') ?? 0, cancelled: steps.get('cancelled') ?? 0 },
    inShop: inShop.slice(0, IN_SHOP_MAX),
    inShopCount: inShop.length,
    overdueCount,
    uncollected: uncollectedAtEnd,
    money,
    cash: {
      floatFen: sumKind('float'),
      inFen: sumKind('in'),
      outFen: -sumKind('out'),
      adjustmentsFen: sumKind('adjustment'),
      paymentsFen: cashT.receivedFen - cashT.refundsFen,
      expectedFen: cashT.expectedFen,
      countedFen: cashT.countedFen,
      overShortFen: cashT.diffFen,
      note: count?.note ?? '',
      counts: DENOMINATIONS.map((denomFen, i) => ({ denomFen, count: count?.counts[i] ?? 0 }))
    },
    depositsHeldFen: inShopRows.reduce((sum, o) => sum + o.heldFen, 0),
    refunds: (prepared(em, REFUNDS).all(r.startAt, r.endAt) as { orderNo: string; method: PaymentMethod; amountFen: number; loanId: number | null; at: string }[]).map(
      (x) => ({ orderNo: x.orderNo, method: x.method, amountFen: x.amountFen, loaner: x.loanId !== null, at: x.at })
    ),
    discounts: prepared(em, DISCOUNTS).all(r.startAt, r.endAt) as ZReport['discounts'],
    parts: {
      issuedQty: parts.get('issue')?.qty ?? 0,
      issuedFen: parts.get('issue')?.fen ?? 0,
      returnedQty: parts.get('return')?.qty ?? 0,
      returnedFen: parts.get('return')?.fen ?? 0,
      receivedQty: parts.get('receipt')?.qty ?? 0,
      receivedFen: parts.get('receipt')?.fen ?? 0
    },
    technicians: [...tech.values()].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
    adjustments: moves.filter((m) => m.kind === 'adjustment').map((m) => ({ closedDayRef: m.closedDayRef ?? '', method: m.method, amountFen: m.amountFen, reason: m.reason }))
  }
}
