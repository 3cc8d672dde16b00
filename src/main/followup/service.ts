import type { EntityManager } from 'typeorm'
import {
  ASPECTS,
  FOLLOW_UP_FROM_WORKING_DAYS,
  FOLLOW_UP_LIST_MAX,
  FOLLOW_UP_TO_WORKING_DAYS,
  RATINGS,
  UNHAPPY_RATINGS,
  type Aspect,
  type FollowUpItem,
  type FollowUpOutcome,
  type FollowUpView,
  type Rating
} from '@shared/contract/followup'
import type { ComplaintCategory } from '@shared/contract/complaints'
import { addDays, localDate, startOfLocalDay, type WorkCalendar } from '@shared/domain/dates'
import { workingDayWindow, workingDaysBetween } from '@shared/domain/working-days'
import { conflict, notFound } from '../core/errors'
import { audit } from '../audit/audit'
import { prepared } from '../db/prepared'
import { createComplaint } from '../complaints/service'

// work_order ("returnedAt") range, oldest first (those about to leave the window); follow_up
// ("orderId", "at") per order. A final call (reached or refused) takes the order off the list.
export const CALL_LIST = `SELECT w.id AS orderId, w.orderNo, w.brand, w.model, w.returnedAt, c.name AS customerName, c.mobile,
    (SELECT COUNT(*) FROM follow_up f WHERE f.orderId = w.id) AS attempts,
    (SELECT MAX(f.at) FROM follow_up f WHERE f.orderId = w.id) AS lastAttemptAt
  FROM work_order w JOIN customer c ON c.id = w.customerId
  WHERE w.returnedAt >= @from AND w.returnedAt < @to AND +w.status = 'pickedUp'
    AND NOT EXISTS (SELECT 1 FROM follow_up f WHERE f.orderId = w.id AND f.outcome <> 'noAnswer')
  ORDER BY w.returnedAt, w.id LIMIT ${FOLLOW_UP_LIST_MAX}`
const ORDER = `SELECT w.id, w.orderNo, w.status, c.name AS customerName, c.mobile FROM work_order w JOIN customer c ON c.id = w.customerId WHERE w.id = ?`
const FINAL_CALL = `SELECT 1 FROM follow_up WHERE orderId = ? AND outcome <> 'noAnswer' LIMIT 1`
const INSERT = `INSERT INTO follow_up (orderId, at, userId, outcome, rating, attitude, skill, timeliness, fees, depositRefunded, note)
  VALUES (@orderId, @at, @userId, @outcome, @rating, @attitude, @skill, @timeliness, @fees, @depositRefunded, @note)`
const LINK = `UPDATE follow_up SET complaintId = ? WHERE id = ?`
const FOR_ORDER = `SELECT f.*, u.displayName AS userName, k.complaintNo FROM follow_up f LEFT JOIN "user" u ON u.id = f.userId
  LEFT JOIN complaint k ON k.id = f.complaintId WHERE f.orderId = ? ORDER BY f.at DESC, f.id DESC LIMIT 50`

/**
 * The call list for the store-local day of `now`: orders picked up 2 to 7 working days ago
 * (weekends and holidays skipped, make-up workdays counted) with no final call yet. Bounded.
 */
export function followUpList(em: EntityManager, now: Date, tz: string, cal: WorkCalendar): FollowUpItem[] {
  const today = localDate(now, tz)
  const w = workingDayWindow(today, FOLLOW_UP_FROM_WORKING_DAYS, FOLLOW_UP_TO_WORKING_DAYS, cal)
  const rows = prepared(em, CALL_LIST).all({ from: startOfLocalDay(w.from, tz), to: startOfLocalDay(addDays(w.to, 1), tz) }) as {
    orderId: number
    orderNo: string
    brand: string
    model: string
    returnedAt: string
    customerName: string
    mobile: string
    attempts: number
    lastAttemptAt: string | null
  }[]
  return rows.map(({ brand, model, ...r }) => {
    const pickupDate = localDate(new Date(r.returnedAt), tz)
    return { ...r, device: `${brand} ${model}`.trim(), pickupDate, workingDaysAgo: workingDaysBetween(pickupDate, today, cal) }
  })
}

/** The complaint an unhappy call opens is about the worst-rated aspect (ties: the first), else "other". */
export function complaintCategoryFor(aspects: Partial<Record<Aspect, Rating | null>>): ComplaintCategory {
  const CATEGORY: Record<Aspect, ComplaintCategory> = { attitude: 'counter', skill: 'technician', timeliness: 'timeliness', fees: 'fees' }
  let worst: Aspect | null = null
  for (const a of ASPECTS) {
    const r = aspects[a]
    if (!r || !UNHAPPY_RATINGS.includes(r)) continue
    if (!worst || RATINGS.indexOf(r) > RATINGS.indexOf(aspects[worst]!)) worst = a
  }
  return worst ? CATEGORY[worst] : 'other'
}

export interface FollowUpRecord {
  orderId: number
  outcome: FollowUpOutcome
  rating: Rating | null
  aspects: Partial<Record<Aspect, Rating | null>>
  depositRefunded: boolean | null
  note: string
  complaintCategory?: ComplaintCategory
}

/**
 * Records one call on a picked-up order. A dissatisfied or very dissatisfied overall rating opens a
 * complaint (source followUp, linked to the order and the call) in the same transaction. Audited.
 */
export async function recordFollowUp(
  em: EntityManager,
  f: FollowUpRecord,
  a: { at: Date; userId: number; timeZone: string; calendar: WorkCalendar }
): Promise<FollowUpView> {
  const order = prepared(em, ORDER).get(f.orderId) as { id: number; orderNo: string; status: string; customerName: string; mobile: string } | undefined
  if (!order) throw notFound()
  if (order.status !== 'pickedUp') throw conflict('followups.err.notPickedUp', { orderNo: order.orderNo })
  if (prepared(em, FINAL_CALL).get(f.orderId)) throw conflict('followups.err.done', { orderNo: order.orderNo })
  const id = Number(
    prepared(em, INSERT).run({
      orderId: f.orderId,
      at: a.at.toISOString(),
      userId: a.userId,
      outcome: f.outcome,
      rating: f.rating,
      attitude: f.aspects.attitude ?? null,
      skill: f.aspects.skill ?? null,
      timeliness: f.aspects.timeliness ?? null,
      fees: f.aspects.fees ?? null,
      depositRefunded: f.depositRefunded === null ? null : f.depositRefunded ? 1 : 0,
      note: f.note
    }).lastInsertRowid
  )
  await audit(em, {
    at: a.at,
    userId: a.userId,
    action: 'followUp.record',
    entity: 'work_order',
    entityId: f.orderId,
    detail: { followUpId: id, outcome: f.outcome, rating: f.rating }
  })
  if (f.rating && UNHAPPY_RATINGS.includes(f.rating)) {
    const complaintId = await createComplaint(em, {
      source: 'followUp',
      category: f.complaintCategory ?? complaintCategoryFor(f.aspects),
      orderId: f.orderId,
      followUpId: id,
      customerName: order.customerName,
      mobile: order.mobile,
      description: f.note,
      ...a
    })
    prepared(em, LINK).run(complaintId, id)
  }
  return followUpsForOrder(em, f.orderId).find((v) => v.id === id)!
}

type Row = Omit<FollowUpView, 'aspects' | 'depositRefunded' | 'userName'> &
  Record<Aspect, Rating | null> & { depositRefunded: number | null; userName: string | null }

export function followUpsForOrder(em: EntityManager, orderId: number): FollowUpView[] {
  return (prepared(em, FOR_ORDER).all(orderId) as Row[]).map((r) => ({
    id: r.id,
    orderId: r.orderId,
    at: r.at,
    userName: r.userName ?? '',
    outcome: r.outcome,
    rating: r.rating,
    aspects: { attitude: r.attitude, skill: r.skill, timeliness: r.timeliness, fees: r.fees },
    depositRefunded: r.depositRefunded === null ? null : r.depositRefunded === 1,
    note: r.note,
    complaintId: r.complaintId,
    complaintNo: r.complaintNo ?? null
  }))
}
