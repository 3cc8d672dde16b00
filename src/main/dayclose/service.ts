import type { EntityManager } from 'typeorm'
import type { z } from 'zod'
import type { AdjustInput, CashMoveView, CloseDayParsed, DayCloseView, DayStatus, ZReport } from '@shared/contract/dayclose'
import type { StoreSettings } from '@shared/contract/settings'
import type { PaymentMethod } from '@shared/domain/payments'
import { addDays, localDate } from '@shared/domain/dates'
import { signedInUser, type HandlerContext } from '../core/context'
import { conflict, notFound, validationError } from '../core/errors'
import { auditCall } from '../audit/audit'
import { approvedBy } from '../auth/approval'
import { prepared } from '../db/prepared'
import { backupNow } from '../backup/handlers'
import { DayClose } from './day-close.entity'
import { computeZReport, countedCash, dayMoves, dayRange, methodTotals } from './report'

const CLOSE_BY_DAY = `SELECT d.id, d.day, d.startAt, d.endAt, d.closedAt, COALESCE(u.displayName, '') AS closedBy, d.overShortFen, d.note
  FROM day_close d LEFT JOIN "user" u ON u.id = d.closedById WHERE d.day = ?`
const REPORT_BY_DAY = `SELECT report FROM day_close WHERE day = ?`
const INSERT_MOVE = `INSERT INTO cash_move (kind, method, amountFen, reason, at, userId, closedDayRef) VALUES (?, ?, ?, ?, ?, ?, ?)`
const MOVE_BY_ID = `SELECT m.id, m.kind, m.method, m.amountFen, m.reason, m.at, m.closedDayRef, COALESCE(u.displayName, '') AS userName
  FROM cash_move m LEFT JOIN "user" u ON u.id = m.userId WHERE m.id = ?`
const FLOAT_IN = `SELECT id FROM cash_move WHERE at >= ? AND at < ? AND kind = 'float' LIMIT 1`
const NEXT_PAYMENT = `SELECT receivedAt AS at FROM payment WHERE receivedAt >= ? ORDER BY receivedAt LIMIT 1`
const NEXT_EVENT = `SELECT at FROM order_event WHERE at >= ? ORDER BY at LIMIT 1`
const NEXT_MOVE = `SELECT at FROM cash_move WHERE at >= ? ORDER BY at LIMIT 1`
const CLOSED_SINCE = `SELECT day FROM day_close WHERE day >= ? ORDER BY day`

/** How far back sign-in looks for days left unclosed (a shop that never closes is told of the last 90 days). */
export const UNCLOSED_LOOKBACK_DAYS = 90

export function closeOf(em: EntityManager, day: string): DayCloseView | null {
  return (prepared(em, CLOSE_BY_DAY).get(day) as DayCloseView | undefined) ?? null
}

export function storedReport(em: EntityManager, day: string): ZReport {
  const row = prepared(em, REPORT_BY_DAY).get(day) as { report: string } | undefined
  if (!row) throw conflict('dayclose.err.notClosed', { day })
  return JSON.parse(row.report) as ZReport
}

/**
 * Business days before today with payments, order activity or cash moves (a float counts: the drawer
 * was open) and no close, oldest first: jumps from one active day to the next over the time indexes,
 * so the cost is one seek per active day.
 */
export function unclosedDays(em: EntityManager, now: Date, timeZone: string): string[] {
  const today = localDate(now, timeZone)
  const from = addDays(today, -UNCLOSED_LOOKBACK_DAYS)
  const closed = new Set((prepared(em, CLOSED_SINCE).all(from) as { day: string }[]).map((r) => r.day))
  const out: string[] = []
  let cursor = dayRange(from, timeZone).startAt
  const todayStart = dayRange(today, timeZone).startAt
  while (cursor < todayStart) {
    const p = prepared(em, NEXT_PAYMENT).get(cursor) as { at: string } | undefined
    const e = prepared(em, NEXT_EVENT).get(cursor) as { at: string } | undefined
    const m = prepared(em, NEXT_MOVE).get(cursor) as { at: string } | undefined
    const next = [p?.at, e?.at, m?.at].filter((x): x is string => !!x).sort()[0]
    if (!next || next >= todayStart) break
    const day = localDate(new Date(next), timeZone)
    if (!closed.has(day)) out.push(day)
    cursor = dayRange(day, timeZone).endAt
  }
  return out
}

function insertMove(
  ctx: HandlerContext,
  m: { kind: CashMoveView['kind']; method: PaymentMethod; amountFen: number; reason: string; closedDayRef?: string | null }
): CashMoveView {
  const id = Number(
    prepared(ctx.em, INSERT_MOVE).run(m.kind, m.method, m.amountFen, m.reason, ctx.now.toISOString(), signedInUser(ctx).id, m.closedDayRef ?? null).lastInsertRowid
  )
  return prepared(ctx.em, MOVE_BY_ID).get(id) as CashMoveView
}

export async function dayStatus(ctx: HandlerContext, day: string | undefined): Promise<DayStatus> {
  const settings = await ctx.services.settings.cached(ctx.em)
  const tz = settings.timeZone
  const today = localDate(ctx.now, tz)
  const d = day ?? today
  const r = dayRange(d, tz)
  const moves = dayMoves(ctx.em, r)
  return {
    day: d,
    today,
    startAt: r.startAt,
    endAt: r.endAt,
    closed: closeOf(ctx.em, d),
    float: moves.find((m) => m.kind === 'float') ?? null,
    moves,
    expected: methodTotals(ctx.em, r, moves),
    unclosed: signedInUser(ctx).role === 'manager' ? unclosedDays(ctx.em, ctx.now, tz) : []
  }
}

export async function openFloat(ctx: HandlerContext, input: { amountFen: number; note: string }): Promise<CashMoveView> {
  const settings = await ctx.services.settings.cached(ctx.em)
  const r = dayRange(localDate(ctx.now, settings.timeZone), settings.timeZone)
  if (prepared(ctx.em, FLOAT_IN).get(r.startAt, r.endAt)) throw conflict('dayclose.err.floatRecorded', { day: r.day })
  const move = insertMove(ctx, { kind: 'float', method: 'cash', amountFen: input.amountFen, reason: input.note })
  await auditCall(ctx, { action: 'dayclose.float', entity: 'cash_move', entityId: move.id, detail: { day: r.day, amountFen: input.amountFen } })
  return move
}

export async function cashMove(ctx: HandlerContext, input: { kind: 'in' | 'out'; amountFen: number; reason: string }): Promise<CashMoveView> {
  const amountFen = input.kind === 'out' ? -input.amountFen : input.amountFen
  const move = insertMove(ctx, { kind: input.kind, method: 'cash', amountFen, reason: input.reason })
  await auditCall(ctx, { action: 'dayclose.cashMove', entity: 'cash_move', entityId: move.id, detail: { kind: input.kind, amountFen, reason: input.reason } })
  return move
}

/** A correction of a closed day: booked now (today), pointing at that day. */
export async function adjust(ctx: HandlerContext, input: z.output<typeof AdjustInput>): Promise<CashMoveView> {
  if (!closeOf(ctx.em, input.closedDay)) throw validationError({ closedDay: `dayclose.err.notClosed|day=${input.closedDay}` })
  const amountFen = input.direction === 'out' ? -input.amountFen : input.amountFen
  const move = insertMove(ctx, { kind: 'adjustment', method: input.method, amountFen, reason: input.reason, closedDayRef: input.closedDay })
  await auditCall(ctx, {
    action: 'dayclose.adjust',
    entity: 'cash_move',
    entityId: move.id,
    detail: { closedDay: input.closedDay, method: input.method, amountFen, reason: input.reason }
  })
  return move
}

/**
 * Closes one business day (today or an earlier one left open): the manager's approval (the PIN was
 * checked as it was typed, auth.approve), the cash count, expected vs counted per method, over/short
 * with a note, and the Z report frozen in the row. Once committed the day is final (triggers); a
 * verified backup follows after commit and may fail without undoing the close.
 */
export async function closeDay(ctx: HandlerContext, input: CloseDayParsed): Promise<{ close: DayCloseView; report: ZReport }> {
  const manager = await approvedBy(ctx, input.approval.token, 'dayclose.close')
  const user = signedInUser(ctx)
  const settings: StoreSettings = await ctx.services.settings.cached(ctx.em)
  const today = localDate(ctx.now, settings.timeZone)
  if (input.day > today) throw validationError({ day: 'dayclose.v.future' })
  if (closeOf(ctx.em, input.day)) throw conflict('dayclose.err.alreadyClosed', { day: input.day })
  const report = computeZReport(ctx.em, input.day, settings, input, {
    closedAt: ctx.now.toISOString(),
    closedBy: user.displayName,
    approvedBy: manager.displayName
  })
  if (report.money.some((m) => m.diffFen !== 0) && !input.note) throw validationError({ note: 'dayclose.v.noteRequired' })
  const row = await ctx.em.save(
    ctx.em.create(DayClose, {
      day: input.day,
      startAt: report.startAt,
      endAt: report.endAt,
      closedAt: report.closedAt,
      closedById: user.id,
      approvedById: manager.id,
      counts: input.counts,
      totals: report.money,
      overShortFen: report.cash.overShortFen,
      note: input.note,
      report
    })
  )
  await auditCall(ctx, {
    action: 'dayclose.close',
    entity: 'day_close',
    entityId: row.id,
    detail: { day: input.day, countedCashFen: countedCash(input.counts), overShortFen: report.cash.overShortFen, approvedBy: manager.username }
  })
  backupNow(ctx, 'dayClose')
  const close = closeOf(ctx.em, input.day)
  if (!close) throw notFound()
  return { close, report }
}
