import type { EntityManager } from 'typeorm'
import type { z } from 'zod'
import {
  MANUFACTURER_NEXT,
  type BenchActions,
  type CardInput,
  type ChargeInput,
  type LabourPriceInput,
  type LabourPriceView,
  type ManufacturerBackInput,
  type ManufacturerResult,
  type ManufacturerSendInput,
  type ManufacturerTripView,
  type QcInput,
  type QuoteInput,
  type RepairCardView,
  type StepTarget,
  type TimelineEntry,
  STEP_TARGETS
} from '@shared/contract/repairs'
import type { StoreSettings } from '@shared/contract/settings'
import { BENCH_STATUSES, canTransition, type OrderEventKind, type OrderStatus } from '@shared/domain/order-status'
import { formatMoney } from '@shared/domain/money'
import { localDate } from '@shared/domain/dates'
import { catalogueLabel, translator } from '@shared/i18n'
import type { User } from '../auth/user.entity'
import { auditCall } from '../audit/audit'
import { signedInUser, type HandlerContext } from '../core/context'
import { AppError, conflict, notFound, validationError } from '../core/errors'
import { prepared } from '../db/prepared'
import { orderCharges } from './charges'
import { logOrderEvent, moveOrder } from './status'

/** Closed for good: nothing on the card changes any more. */
const CLOSED: readonly OrderStatus[] = ['pickedUp', 'void']
/** Where the quote rule applies: going on with the work (parts issued while waiting for them count too) or finishing it. */
const WORK_STEPS: readonly OrderStatus[] = ['repairing', 'waitingParts', 'qualityCheck']
/** The quote rule is checked wherever work may stop for the customer's answer (or is stopped there already). */
const quoteApplies = (from: OrderStatus) => from === 'awaitingApproval' || canTransition(from, 'awaitingApproval')

interface OrderRow {
  id: number
  orderNo: string
  status: OrderStatus
  category: string
  serviceType: string
  estimateFen: number
  promisedDate: string
  technicianId: number | null
  technicianName: string | null
}

const ORDER = `SELECT w.id, w.orderNo, w.status, w.category, w.serviceType, w.estimateFen, w.promisedDate, w.technicianId, u.displayName AS technicianName
  FROM work_order w LEFT JOIN "user" u ON u.id = w.technicianId WHERE w.id = ?`

export function loadOrder(em: EntityManager, orderId: number): OrderRow {
  const row = prepared(em, ORDER).get(orderId) as OrderRow | undefined
  if (!row) throw notFound()
  return row
}

const settingsOf = (ctx: HandlerContext): Promise<StoreSettings> => ctx.services.settings.load(ctx.em)
const todayOf = async (ctx: HandlerContext): Promise<string> => localDate(ctx.now, (await settingsOf(ctx)).timeZone)

/**
 * Did this user work on the repair: start it (a status step into repairing) or move it into quality
 * check? Such a user may not check it, even after the order was reassigned (order_event (orderId, id)).
 */
const WORKED_ON = `SELECT 1 FROM order_event WHERE orderId = ? AND userId = ?
  AND (toStatus = 'qualityCheck' OR (kind = 'status' AND toStatus = 'repairing')) LIMIT 1`
/** The repairer never checks their own repair: the assigned technician, or anyone who repaired or handed it to QC. */
function isRepairer(em: EntityManager, o: OrderRow, userId: number): boolean {
  return userId === o.technicianId || !!prepared(em, WORKED_ON).get(o.id, userId)
}

/** The expected cost: what the customer will be asked to pay (warranty-free lines excluded). */
export function expectedFen(em: EntityManager, orderId: number): number {
  return orderCharges(em, orderId)
    .filter((l) => !l.warrantyFree)
    .reduce((sum, l) => sum + l.amountFen, 0)
}

const isBench = (u: User) => u.role === 'technician' || u.role === 'manager'

/** May this user take bench steps on this order? A technician: their own orders, or unassigned ones. */
function mayWorkOn(u: User, o: OrderRow): boolean {
  if (u.role === 'manager') return true
  return u.role === 'technician' && (o.technicianId === null || o.technicianId === u.id)
}

function stepsFor(u: User, o: OrderRow): StepTarget[] {
  if (o.status === 'qualityCheck' || o.status === 'atManufacturer') return []
  const legal = STEP_TARGETS.filter((to) => canTransition(o.status, to))
  if (u.role === 'counter') return legal.filter((to) => to === 'cancelled')
  return mayWorkOn(u, o) ? legal : []
}

export function actionsFor(em: EntityManager, u: User, o: OrderRow): BenchActions {
  const open = !CLOSED.includes(o.status)
  const atBench = (BENCH_STATUSES as readonly OrderStatus[]).includes(o.status)
  const staff = u.role === 'counter' || u.role === 'manager'
  return {
    steps: stepsFor(u, o),
    assign: staff && (atBench || o.status === 'ready'),
    take: u.role === 'technician' && o.technicianId === null && (atBench || o.status === 'ready'),
    editCard: open && isBench(u) && mayWorkOn(u, o),
    qc: o.status === 'qualityCheck' && isBench(u) && !isRepairer(em, o, u.id),
    quote: o.status === 'awaitingApproval' && u.role !== 'warehouse',
    manufacturerSend: canTransition(o.status, 'atManufacturer') && isBench(u) && mayWorkOn(u, o),
    manufacturerBack: o.status === 'atManufacturer' && isBench(u),
    lateCall: atBench && u.role !== 'warehouse'
  }
}

const CARD = `SELECT r.faultFound, r.faultCodes, r.workDone, r.labourMinutes, r.updatedAt, r.updatedById, u.displayName AS updatedByName
  FROM repair_card r LEFT JOIN "user" u ON u.id = r.updatedById WHERE r.orderId = ?`
const PRICES_FOR = `SELECT id, category, faultCode, description, amountFen, minutes FROM labour_price WHERE category = ? ORDER BY faultCode`
const PRICES_ALL = `SELECT id, category, faultCode, description, amountFen, minutes FROM labour_price ORDER BY category, faultCode`
const TRIPS = `SELECT t.*, s.displayName AS sentByName, b.displayName AS backByName FROM manufacturer_trip t
  LEFT JOIN "user" s ON s.id = t.sentById LEFT JOIN "user" b ON b.id = t.backById WHERE t.orderId = ? ORDER BY t.id`
const OLD_PARTS_BY_PART = `SELECT partId, COUNT(*) AS n FROM old_part WHERE orderId = ? AND partId IS NOT NULL GROUP BY partId`

interface TripRow {
  id: number
  sentDate: string
  carrier: string
  reference: string
  sentNote: string
  sentById: number
  sentByName: string | null
  backDate: string | null
  result: ManufacturerResult | null
  backNote: string
  backById: number | null
  backByName: string | null
}

export function listPrices(em: EntityManager, category?: string): LabourPriceView[] {
  return (category ? prepared(em, PRICES_FOR).all(category) : prepared(em, PRICES_ALL).all()) as LabourPriceView[]
}

/** The repair card as the order page shows it, with what this user may do now. */
export function repairCard(em: EntityManager, u: User, orderId: number): RepairCardView {
  const o = loadOrder(em, orderId)
  const card = prepared(em, CARD).get(orderId) as
    | { faultFound: string; faultCodes: string; workDone: string; labourMinutes: number; updatedAt: string; updatedById: number; updatedByName: string | null }
    | undefined
  const charges = orderCharges(em, orderId)
  const totalFen = charges.reduce((s, l) => s + l.amountFen, 0)
  const expected = charges.filter((l) => !l.warrantyFree).reduce((s, l) => s + l.amountFen, 0)
  const warranty = o.serviceType === 'warranty'
  let oldPartsDue: RepairCardView['oldPartsDue'] = []
  if (warranty) {
    const recorded = new Map((prepared(em, OLD_PARTS_BY_PART).all(orderId) as { partId: number; n: number }[]).map((r) => [r.partId, r.n]))
    oldPartsDue = charges
      .filter((l) => l.kind === 'part' && l.partId !== undefined && l.qty > (recorded.get(l.partId) ?? 0))
      .map((l) => ({ partId: l.partId!, description: l.description, qty: l.qty - (recorded.get(l.partId!) ?? 0) }))
  }
  const trips = (prepared(em, TRIPS).all(orderId) as TripRow[]).map(
    (t): ManufacturerTripView => ({
      id: t.id,
      sentDate: t.sentDate,
      carrier: t.carrier,
      reference: t.reference,
      sentNote: t.sentNote,
      sentBy: { id: t.sentById, displayName: t.sentByName ?? '' },
      backDate: t.backDate,
      result: t.result,
      backNote: t.backNote,
      backBy: t.backById !== null ? { id: t.backById, displayName: t.backByName ?? '' } : null
    })
  )
  return {
    orderId: o.id,
    orderNo: o.orderNo,
    status: o.status,
    category: o.category,
    warranty,
    estimateFen: o.estimateFen,
    promisedDate: o.promisedDate,
    technician: o.technicianId !== null ? { id: o.technicianId, displayName: o.technicianName ?? '' } : null,
    card: card
      ? {
          faultFound: card.faultFound,
          faultCodes: JSON.parse(card.faultCodes) as string[],
          workDone: card.workDone,
          labourMinutes: card.labourMinutes,
          updatedAt: card.updatedAt,
          updatedBy: { id: card.updatedById, displayName: card.updatedByName ?? '' }
        }
      : { faultFound: '', faultCodes: [], workDone: '', labourMinutes: 0, updatedAt: null, updatedBy: null },
    charges,
    totalFen,
    expectedFen: expected,
    overEstimate: expected > o.estimateFen,
    closed: CLOSED.includes(o.status),
    prices: listPrices(em, o.category),
    trips,
    oldPartsDue,
    actions: actionsFor(em, u, o)
  }
}

const view = (ctx: HandlerContext, orderId: number) => repairCard(ctx.em, signedInUser(ctx), orderId)

// ---------------------------------------------------------------- assign

const TECHNICIANS = `SELECT id, displayName FROM "user" WHERE role IN ('technician', 'manager') AND active = 1 ORDER BY role DESC, displayName`

/** Who may be given an order (the user table is small: a shop's staff). */
export function technicians(em: EntityManager): { id: number; displayName: string }[] {
  return prepared(em, TECHNICIANS).all() as { id: number; displayName: string }[]
}

const SET_TECHNICIAN = `UPDATE work_order SET technicianId = ? WHERE id = ?`
const USER = `SELECT id, displayName, role, active FROM "user" WHERE id = ?`

export async function assign(ctx: HandlerContext, input: { orderId: number; technicianId: number }): Promise<RepairCardView> {
  const u = signedInUser(ctx)
  const o = loadOrder(ctx.em, input.orderId)
  if (!(BENCH_STATUSES as readonly OrderStatus[]).includes(o.status) && o.status !== 'ready') throw conflict('repairs.err.notAtBench', { status: `@status.${o.status}` })
  if (u.role === 'technician' && (input.technicianId !== u.id || o.technicianId !== null)) throw new AppError('FORBIDDEN', 'repairs.err.takeOnlyUnassigned')
  const tech = prepared(ctx.em, USER).get(input.technicianId) as { id: number; displayName: string; role: string; active: number } | undefined
  if (!tech || !tech.active || (tech.role !== 'technician' && tech.role !== 'manager')) throw validationError({ technicianId: 'repairs.v.notTechnician' })
  if (o.technicianId === tech.id) throw conflict('repairs.err.alreadyAssigned', { name: tech.displayName })
  prepared(ctx.em, SET_TECHNICIAN).run(tech.id, o.id)
  logOrderEvent(ctx.em, {
    orderId: o.id,
    at: ctx.now,
    userId: u.id,
    kind: 'assign',
    detail: { fromId: o.technicianId, fromName: o.technicianName, toId: tech.id, toName: tech.displayName }
  })
  return view(ctx, o.id)
}

// ---------------------------------------------------------------- status steps

export async function step(ctx: HandlerContext, input: { orderId: number; to: StepTarget; note: string }): Promise<RepairCardView> {
  const u = signedInUser(ctx)
  const o = loadOrder(ctx.em, input.orderId)
  const { to } = input
  if (!canTransition(o.status, to)) throw conflict('repairs.err.illegalStep', { from: `@status.${o.status}`, to: `@status.${to}` })
  if (o.status === 'qualityCheck') throw conflict('repairs.err.useQc')
  if (o.status === 'atManufacturer') throw conflict('repairs.err.useManufacturerBack')
  if (u.role === 'counter' && to !== 'cancelled') throw new AppError('FORBIDDEN', 'repairs.err.benchOnly')
  if (u.role === 'technician' && !mayWorkOn(u, o)) throw new AppError('FORBIDDEN', 'repairs.err.notYourOrder', { name: o.technicianName ?? '' })
  if (WORK_STEPS.includes(to) && quoteApplies(o.status)) {
    const expected = expectedFen(ctx.em, o.id)
    if (expected > o.estimateFen) {
      const params = { expected: formatMoney(expected), estimate: formatMoney(o.estimateFen) }
      if (o.status === 'awaitingApproval') throw conflict('repairs.err.quoteStillNeeded', params)
      // Work stops here until the customer answers: the order waits for approval, and the caller is told why.
      moveOrder(ctx.em, { orderId: o.id, from: o.status, to: 'awaitingApproval', at: ctx.now, userId: u.id, note: input.note, detail: { expectedFen: expected, estimateFen: o.estimateFen, wanted: to } })
      ctx.failAfterCommit(conflict('repairs.err.quoteNeeded', params))
    }
  }
  // A technician who starts on an unassigned order takes it.
  if (u.role === 'technician' && o.technicianId === null) {
    prepared(ctx.em, SET_TECHNICIAN).run(u.id, o.id)
    logOrderEvent(ctx.em, { orderId: o.id, at: ctx.now, userId: u.id, kind: 'assign', detail: { fromId: null, fromName: null, toId: u.id, toName: u.displayName } })
  }
  moveOrder(ctx.em, { orderId: o.id, from: o.status, to, at: ctx.now, userId: u.id, note: input.note })
  return view(ctx, o.id)
}

// ---------------------------------------------------------------- repair card and charges

/** The card can change until the order is handed back, by the manager or the order's own technician. */
function assertOpen(o: OrderRow, u?: User): void {
  if (CLOSED.includes(o.status)) throw conflict('repairs.err.closed', { status: `@status.${o.status}` })
  if (u && !mayWorkOn(u, o)) throw new AppError('FORBIDDEN', 'repairs.err.notYourOrder', { name: o.technicianName ?? '' })
}

const UPSERT_CARD = `INSERT INTO repair_card (orderId, faultFound, faultCodes, workDone, labourMinutes, updatedAt, updatedById) VALUES (?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT(orderId) DO UPDATE SET faultFound = excluded.faultFound, faultCodes = excluded.faultCodes, workDone = excluded.workDone,
  labourMinutes = excluded.labourMinutes, updatedAt = excluded.updatedAt, updatedById = excluded.updatedById`

export async function saveCard(ctx: HandlerContext, input: z.output<typeof CardInput>): Promise<RepairCardView> {
  const u = signedInUser(ctx)
  const o = loadOrder(ctx.em, input.orderId)
  assertOpen(o, u)
  const known = new Set((await settingsOf(ctx)).faultCodes.map((f) => f.code))
  const unknown = input.faultCodes.find((c) => !known.has(c))
  if (unknown) throw validationError({ faultCodes: `repairs.v.unknownFaultCode|code=${unknown}` })
  const codes = [...new Set(input.faultCodes)]
  prepared(ctx.em, UPSERT_CARD).run(o.id, input.faultFound, JSON.stringify(codes), input.workDone, input.labourMinutes, ctx.now.toISOString(), u.id)
  return view(ctx, o.id)
}

const PRICE = `SELECT id, category, faultCode, description, amountFen, minutes FROM labour_price WHERE id = ?`
const INSERT_CHARGE = `INSERT INTO repair_charge (orderId, kind, description, faultCode, minutes, amountFen, warrantyFree, createdAt, userId) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)`
const CHARGE = `SELECT id, orderId FROM repair_charge WHERE id = ?`
const DELETE_CHARGE = `DELETE FROM repair_charge WHERE id = ?`

function insertCharge(em: EntityManager, c: { orderId: number; kind: 'labour' | 'other'; description: string; faultCode?: string; minutes?: number; amountFen: number; at: Date; userId: number }): void {
  prepared(em, INSERT_CHARGE).run(c.orderId, c.kind, c.description, c.faultCode ?? '', c.minutes ?? 0, c.amountFen, c.at.toISOString(), c.userId)
}

export async function addCharge(ctx: HandlerContext, input: z.output<typeof ChargeInput>): Promise<RepairCardView> {
  const u = signedInUser(ctx)
  const o = loadOrder(ctx.em, input.orderId)
  assertOpen(o, u)
  const base = { orderId: o.id, at: ctx.now, userId: u.id }
  if (input.kind === 'labour') {
    const p = prepared(ctx.em, PRICE).get(input.priceId) as LabourPriceView | undefined
    if (!p) throw validationError({ priceId: 'repairs.v.noSuchPrice' })
    if (p.category !== o.category) throw validationError({ priceId: 'repairs.v.priceOtherCategory' })
    const settings = await settingsOf(ctx)
    const t = translator(settings.locale)
    const description = p.description || catalogueLabel(settings.faultCodes.find((f) => f.code === p.faultCode)?.name, 'fault', p.faultCode, t)
    insertCharge(ctx.em, { ...base, kind: 'labour', description, faultCode: p.faultCode, minutes: p.minutes, amountFen: p.amountFen })
  } else if (input.kind === 'labourTyped') {
    insertCharge(ctx.em, { ...base, kind: 'labour', description: input.description, minutes: input.minutes, amountFen: input.amountFen })
  } else {
    insertCharge(ctx.em, { ...base, kind: 'other', description: input.description, amountFen: input.amountFen })
  }
  return view(ctx, o.id)
}

export async function removeCharge(ctx: HandlerContext, input: { orderId: number; chargeId: number }): Promise<RepairCardView> {
  const o = loadOrder(ctx.em, input.orderId)
  assertOpen(o, signedInUser(ctx))
  const c = prepared(ctx.em, CHARGE).get(input.chargeId) as { id: number; orderId: number } | undefined
  if (!c || c.orderId !== o.id) throw notFound()
  prepared(ctx.em, DELETE_CHARGE).run(c.id)
  return view(ctx, o.id)
}

// ---------------------------------------------------------------- labour price list

const DELETE_PRICES = `DELETE FROM labour_price`
const INSERT_PRICE = `INSERT INTO labour_price (category, faultCode, description, amountFen, minutes, updatedAt) VALUES (?, ?, ?, ?, ?, ?)`

export async function savePrices(ctx: HandlerContext, prices: z.output<typeof LabourPriceInput>[]): Promise<LabourPriceView[]> {
  const settings = await settingsOf(ctx)
  const categories = new Set(settings.deviceCategories.map((c) => c.code))
  const faults = new Set(settings.faultCodes.map((c) => c.code))
  const fields: Record<string, string> = {}
  const seen = new Set<string>()
  prices.forEach((p, i) => {
    if (!categories.has(p.category)) fields[`prices.${i}.category`] = 'repairs.v.unknownCategory'
    if (!faults.has(p.faultCode)) fields[`prices.${i}.faultCode`] = `repairs.v.unknownFaultCode|code=${p.faultCode}`
    const key = `${p.category}\u0000${p.faultCode}`
    if (seen.has(key)) fields[`prices.${i}.faultCode`] = 'repairs.v.duplicatePrice'
    seen.add(key)
  })
  if (Object.keys(fields).length) throw validationError(fields)
  const before = listPrices(ctx.em)
  prepared(ctx.em, DELETE_PRICES).run()
  const at = ctx.now.toISOString()
  for (const p of prices) prepared(ctx.em, INSERT_PRICE).run(p.category, p.faultCode, p.description, p.amountFen, p.minutes, at)
  await auditCall(ctx, { action: 'labourPrice.save', entity: 'labour_price', detail: { before: before.length, after: prices.length } })
  return listPrices(ctx.em)
}

// ---------------------------------------------------------------- quote approval

const SET_ESTIMATE = `UPDATE work_order SET estimateFen = ? WHERE id = ?`

export async function recordQuote(ctx: HandlerContext, input: z.output<typeof QuoteInput>): Promise<RepairCardView> {
  const u = signedInUser(ctx)
  const o = loadOrder(ctx.em, input.orderId)
  if (o.status !== 'awaitingApproval') throw conflict('repairs.err.notAwaitingApproval', { status: `@status.${o.status}` })
  const detail = { approved: input.approved, amountFen: input.amountFen, oldEstimateFen: o.estimateFen, calledById: u.id, calledAt: ctx.now.toISOString() }
  if (input.approved) {
    const expected = expectedFen(ctx.em, o.id)
    if (input.amountFen < expected) throw validationError({ amountFen: `repairs.v.belowExpected|expected=${formatMoney(expected)}` })
    prepared(ctx.em, SET_ESTIMATE).run(input.amountFen, o.id)
    await auditCall(ctx, { action: 'order.estimate', entity: 'work_order', entityId: o.id, detail: { orderNo: o.orderNo }, changes: { estimateFen: { old: o.estimateFen, new: input.amountFen } } })
    logOrderEvent(ctx.em, { orderId: o.id, at: ctx.now, userId: u.id, kind: 'quote', note: input.note, detail })
  } else {
    if (input.diagnosisFeeFen > 0) {
      const settings = await settingsOf(ctx)
      insertCharge(ctx.em, { orderId: o.id, kind: 'other', description: translator(settings.locale)('repairs.diagnosisFee'), amountFen: input.diagnosisFeeFen, at: ctx.now, userId: u.id })
    }
    moveOrder(ctx.em, { orderId: o.id, from: o.status, to: 'cancelled', at: ctx.now, userId: u.id, kind: 'quote', note: input.note, detail: { ...detail, diagnosisFeeFen: input.diagnosisFeeFen } })
  }
  return view(ctx, o.id)
}

// ---------------------------------------------------------------- quality check

export async function qualityCheck(ctx: HandlerContext, input: z.output<typeof QcInput>): Promise<RepairCardView> {
  const u = signedInUser(ctx)
  const o = loadOrder(ctx.em, input.orderId)
  if (o.status !== 'qualityCheck') throw conflict('repairs.err.notInQc', { status: `@status.${o.status}` })
  if (isRepairer(ctx.em, o, u.id)) throw conflict('repairs.err.qcSameTechnician')
  const to: OrderStatus = input.passed ? 'ready' : 'repairing'
  moveOrder(ctx.em, { orderId: o.id, from: o.status, to, at: ctx.now, userId: u.id, kind: 'qc', note: input.reason, detail: { passed: input.passed, reason: input.reason } })
  return view(ctx, o.id)
}

// ---------------------------------------------------------------- manufacturer trips (返厂)

const INSERT_TRIP = `INSERT INTO manufacturer_trip (orderId, sentDate, carrier, reference, sentNote, sentAt, sentById) VALUES (?, ?, ?, ?, ?, ?, ?)`
const OPEN_TRIP = `SELECT id, sentDate FROM manufacturer_trip WHERE orderId = ? AND backDate IS NULL ORDER BY id DESC LIMIT 1`
const TRIP_BACK = `UPDATE manufacturer_trip SET backDate = ?, result = ?, backNote = ?, backAt = ?, backById = ? WHERE id = ?`

export async function sendToManufacturer(ctx: HandlerContext, input: z.output<typeof ManufacturerSendInput>): Promise<RepairCardView> {
  const u = signedInUser(ctx)
  const o = loadOrder(ctx.em, input.orderId)
  if (!canTransition(o.status, 'atManufacturer')) throw conflict('repairs.err.illegalStep', { from: `@status.${o.status}`, to: '@status.atManufacturer' })
  if (u.role === 'technician' && !mayWorkOn(u, o)) throw new AppError('FORBIDDEN', 'repairs.err.notYourOrder', { name: o.technicianName ?? '' })
  if (input.date > (await todayOf(ctx))) throw validationError({ date: 'repairs.v.future' })
  const tripId = Number(prepared(ctx.em, INSERT_TRIP).run(o.id, input.date, input.carrier, input.reference, input.note, ctx.now.toISOString(), u.id).lastInsertRowid)
  moveOrder(ctx.em, {
    orderId: o.id,
    from: o.status,
    to: 'atManufacturer',
    at: ctx.now,
    userId: u.id,
    kind: 'manufacturer',
    note: input.note,
    detail: { tripId, sentDate: input.date, carrier: input.carrier, reference: input.reference }
  })
  return view(ctx, o.id)
}

export async function backFromManufacturer(ctx: HandlerContext, input: z.output<typeof ManufacturerBackInput>): Promise<RepairCardView> {
  const u = signedInUser(ctx)
  const o = loadOrder(ctx.em, input.orderId)
  if (o.status !== 'atManufacturer') throw conflict('repairs.err.notAtManufacturer', { status: `@status.${o.status}` })
  const trip = prepared(ctx.em, OPEN_TRIP).get(o.id) as { id: number; sentDate: string } | undefined
  if (!trip) throw notFound()
  const allowed = MANUFACTURER_NEXT[input.result]
  const to = input.to ?? allowed[0]
  if (!allowed.includes(to)) throw validationError({ to: 'v.choice' })
  if (input.date > (await todayOf(ctx))) throw validationError({ date: 'repairs.v.future' })
  if (input.date < trip.sentDate) throw validationError({ date: `repairs.v.beforeSent|date=${trip.sentDate}` })
  prepared(ctx.em, TRIP_BACK).run(input.date, input.result, input.note, ctx.now.toISOString(), u.id, trip.id)
  moveOrder(ctx.em, { orderId: o.id, from: o.status, to, at: ctx.now, userId: u.id, kind: 'manufacturer', note: input.note, detail: { tripId: trip.id, backDate: input.date, result: input.result } })
  return view(ctx, o.id)
}

// ---------------------------------------------------------------- "will be late"

const SET_PROMISED = `UPDATE work_order SET promisedDate = ? WHERE id = ?`

export async function lateCall(ctx: HandlerContext, input: { orderId: number; promisedDate: string; note: string }): Promise<RepairCardView> {
  const u = signedInUser(ctx)
  const o = loadOrder(ctx.em, input.orderId)
  if (!(BENCH_STATUSES as readonly OrderStatus[]).includes(o.status)) throw conflict('repairs.err.notAtBench', { status: `@status.${o.status}` })
  const today = await todayOf(ctx)
  if (input.promisedDate < today) throw validationError({ promisedDate: 'repairs.v.beforeToday' })
  prepared(ctx.em, SET_PROMISED).run(input.promisedDate, o.id)
  await auditCall(ctx, { action: 'order.promisedDate', entity: 'work_order', entityId: o.id, detail: { orderNo: o.orderNo }, changes: { promisedDate: { old: o.promisedDate, new: input.promisedDate } } })
  logOrderEvent(ctx.em, { orderId: o.id, at: ctx.now, userId: u.id, kind: 'lateCall', note: input.note, detail: { from: o.promisedDate, to: input.promisedDate } })
  return view(ctx, o.id)
}

// ---------------------------------------------------------------- timeline

const TIMELINE = `SELECT e.id, e.at, e.kind, e.userId, u.displayName, e.fromStatus, e.toStatus, e.note, e.detail
  FROM order_event e LEFT JOIN "user" u ON u.id = e.userId WHERE e.orderId = ? ORDER BY e.id`
const RECEIVED = `SELECT w.receivedAt, w.createdById, u.displayName FROM work_order w LEFT JOIN "user" u ON u.id = w.createdById WHERE w.id = ?`

/** The order's life, oldest first: every order_event row (intake logs the first). */
export function timeline(em: EntityManager, orderId: number): TimelineEntry[] {
  const w = prepared(em, RECEIVED).get(orderId) as { receivedAt: string; createdById: number; displayName: string | null } | undefined
  if (!w) throw notFound()
  const rows = prepared(em, TIMELINE).all(orderId) as {
    id: number
    at: string
    kind: OrderEventKind
    userId: number
    displayName: string | null
    fromStatus: OrderStatus | null
    toStatus: OrderStatus | null
    note: string
    detail: string | null
  }[]
  // Orders taken in before the timeline existed have no "received" row: it is shown from the order itself.
  const intakeLogged = rows.some((r) => r.kind === 'status' && r.fromStatus === null && r.toStatus === 'received')
  const intake: TimelineEntry[] = intakeLogged
    ? []
    : [{ id: 0, at: w.receivedAt, kind: 'status', user: { id: w.createdById, displayName: w.displayName ?? '' }, fromStatus: null, toStatus: 'received', note: '', detail: null }]
  return [
    ...intake,
    ...rows.map(
      (r): TimelineEntry => ({
        id: r.id,
        at: r.at,
        kind: r.kind,
        user: { id: r.userId, displayName: r.displayName ?? '' },
        fromStatus: r.fromStatus,
        toStatus: r.toStatus,
        note: r.note,
        detail: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : null
      })
    )
  ]
}
