import type { EntityManager } from 'typeorm'
import type { ComplaintRate, SatisfactionRate } from '@shared/contract/followup'
import { addDays, startOfLocalDay, type PlainDate } from '@shared/domain/dates'
import { prepared } from '../db/prepared'

// follow_up ("at", "outcome"): the calls of the range that reached the customer and got a rating.
const VISITS = `SELECT COUNT(*) AS visits, COALESCE(SUM(rating = 'dissatisfied'), 0) AS dissatisfied,
    COALESCE(SUM(rating = 'veryDissatisfied'), 0) AS veryDissatisfied
  FROM follow_up WHERE at >= ? AND at < ? AND outcome = 'reached' AND rating IS NOT NULL`
const TARGET = `SELECT value FROM setting WHERE key = 'followUp'`
// complaint ("createdAt") and work_order ("returnedAt"): both counts are index-only range scans.
const COMPLAINTS_IN = `SELECT COUNT(*) AS n FROM complaint WHERE createdAt >= ? AND createdAt < ?`
const PICKED_UP_IN = `SELECT COUNT(*) AS n FROM work_order WHERE returnedAt >= ? AND returnedAt < ?`

export const DEFAULT_SATISFACTION_TARGET_PERCENT = 95

/** The instants bounding store-local days fromDate … toDate (inclusive). */
function span(fromDate: PlainDate, toDate: PlainDate, tz: string): [string, string] {
  return [startOfLocalDay(fromDate, tz), startOfLocalDay(addDays(toDate, 1), tz)]
}

/**
 * Satisfaction over the follow-up calls made on store-local days fromDate … toDate:
 * (visits − dissatisfied − very dissatisfied) / visits, null when nobody was reached; with the
 * store's target (settings.followUp, default 95 %).
 */
export function satisfactionRate(em: EntityManager, fromDate: PlainDate, toDate: PlainDate, tz: string): SatisfactionRate {
  const r = prepared(em, VISITS).get(...span(fromDate, toDate, tz)) as { visits: number; dissatisfied: number; veryDissatisfied: number }
  const stored = prepared(em, TARGET).get() as { value: string } | undefined
  const percent = (stored ? (JSON.parse(stored.value) as { satisfactionTargetPercent?: number }).satisfactionTargetPercent : undefined) ?? DEFAULT_SATISFACTION_TARGET_PERCENT
  return {
    from: fromDate,
    to: toDate,
    visits: r.visits,
    dissatisfied: r.dissatisfied,
    veryDissatisfied: r.veryDissatisfied,
    rate: r.visits ? (r.visits - r.dissatisfied - r.veryDissatisfied) / r.visits : null,
    target: percent / 100
  }
}

/** Complaints opened on store-local days fromDate … toDate over the orders picked up on those days (0 when none were). */
export function complaintRate(em: EntityManager, fromDate: PlainDate, toDate: PlainDate, tz: string): ComplaintRate {
  const range = span(fromDate, toDate, tz)
  const complaints = (prepared(em, COMPLAINTS_IN).get(...range) as { n: number }).n
  const pickedUp = (prepared(em, PICKED_UP_IN).get(...range) as { n: number }).n
  return { from: fromDate, to: toDate, complaints, pickedUp, rate: pickedUp ? complaints / pickedUp : 0 }
}
