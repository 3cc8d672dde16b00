import type { EntityManager } from 'typeorm'
import type { PickupCompleteResult, PickupQuote, PickupView } from '@shared/contract/pickup'
import type { PrintJobView } from '@shared/contract/printing'
import type { StoreSettings } from '@shared/contract/settings'
import type { z } from 'zod'
import type { PickupCompleteInput as CompleteSchema } from '@shared/contract/pickup'
import { searchPlan } from '@shared/contract/search'
import { HAND_BACK_STATUSES, type OrderStatus } from '@shared/domain/order-status'
import { addMonths, localDate } from '@shared/domain/dates'
import { chargeTotals, discountFen, percentToBasisPoints, settle, type ChargeLine, type Discount, type SettlementProblem } from '@shared/domain/settlement'
import type { PaymentMethod } from '@shared/domain/payments'
import { formatMoney } from '@shared/domain/money'
import { isImeiPending } from '@shared/domain/imei'
import type { Translate } from '@shared/i18n'
import { signedInUser, type HandlerContext } from '../core/context'
import { conflict, notFound, validationError } from '../core/errors'
import { auditCall } from '../audit/audit'
import { managerApproval } from '../auth/approval'
import { prepared } from '../db/prepared'
import { loadOrderView } from '../intake/views'
import { openLoanerFor } from '../loaners/open-loan'
import { heldForOrder, recordPayment } from '../payments/service'
import { orderCharges } from '../repairs/charges'
import { logOrderEvent, moveOrder } from '../repairs/status'
import { collectedError, plainClaimCode } from './find'
import { finalReceiptDocument } from './receipt'

type CompleteInput = z.output<typeof CompleteSchema>

const ORDER_STATE = `SELECT id, orderNo, claimCode, status, imeiUnreadable, serial, depositMethod FROM work_order WHERE id = ?`
const SET_RETURNED = `UPDATE work_order SET returnedAt = ? WHERE id = ?`
const INSERT_PICKUP = `INSERT INTO pickup (orderId, at, userId, fromStatus, proofKind, collectorName, idType, idNumber, approvedById, lines, heldFen,
  discountFen, discountBasisPoints, discountReason, discountApprovedById, dueFen, tenders, changeFen, refundFen, refundMethod, warrantyUntil, lastPaymentId)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
const PICKUP_VIEW = `SELECT p.*, w.orderNo, u.displayName AS byName, a.displayName AS approvedByName, d.displayName AS discountApprovedByName
  FROM pickup p JOIN work_order w ON w.id = p.orderId JOIN "user" u ON u.id = p.userId
  LEFT JOIN "user" a ON a.id = p.approvedById LEFT JOIN "user" d ON d.id = p.discountApprovedById WHERE p.orderId = ?`
const LATER_REFUNDS = `SELECT receivedAt AS at, method, amountFen FROM payment WHERE orderId = ? AND id > ? AND kind = 'refund' AND loanId IS NULL ORDER BY id`
const LAST_PAYMENT = `SELECT coalesce(max(id), 0) AS id FROM payment WHERE orderId = ?`

interface OrderState {
  id: number
  orderNo: string
  claimCode: string
  status: OrderStatus
  imeiUnreadable: number
  serial: string
  depositMethod: PaymentMethod | null
}

function orderState(em: EntityManager, orderId: number): OrderState {
  const o = prepared(em, ORDER_STATE).get(orderId) as OrderState | undefined
  if (!o) throw notFound()
  return o
}

const imeiPending = (o: OrderState) => isImeiPending(o)

/** The store-local last day of the repair warranty for a hand-back now; none for a device returned unrepaired. */
export function warrantyEnd(now: Date, settings: StoreSettings, fromStatus: OrderStatus): string | null {
  const months = settings.ticket.repairWarrantyMonths
  if (months <= 0 || fromStatus !== 'ready') return null
  return addMonths(localDate(now, settings.timeZone), months)
}

/** The pickup record with its people's names, or null (not handed back). */
export function pickupView(em: EntityManager, orderId: number): PickupView | null {
  const r = prepared(em, PICKUP_VIEW).get(orderId) as
    | (Record<string, unknown> & { lines: string; tenders: string; lastPaymentId: number | null; byName: string; approvedByName: string | null; discountApprovedByName: string | null })
    | undefined
  if (!r) return null
  const person = (id: unknown, name: string | null) => (id === null || id === undefined ? null : { id: Number(id), displayName: name ?? '' })
  return {
    id: Number(r.id),
    orderId: Number(r.orderId),
    orderNo: String(r.orderNo),
    at: String(r.at),
    by: { id: Number(r.userId), displayName: r.byName },
    fromStatus: r.fromStatus as OrderStatus,
    proofKind: r.proofKind as PickupView['proofKind'],
    collectorName: String(r.collectorName),
    idType: String(r.idType),
    idNumber: String(r.idNumber),
    approvedBy: person(r.approvedById, r.approvedByName),
    lines: JSON.parse(r.lines) as ChargeLine[],
    heldFen: Number(r.heldFen),
    discountFen: Number(r.discountFen),
    discountBasisPoints: r.discountBasisPoints === null ? null : Number(r.discountBasisPoints),
    discountReason: String(r.discountReason),
    discountApprovedBy: person(r.discountApprovedById, r.discountApprovedByName),
    dueFen: Number(r.dueFen),
    tenders: JSON.parse(r.tenders) as PickupView['tenders'],
    changeFen: Number(r.changeFen),
    refundFen: Number(r.refundFen),
    refundMethod: (r.refundMethod as PaymentMethod | null) ?? null,
    warrantyUntil: (r.warrantyUntil as string | null) ?? null,
    laterRefunds: prepared(em, LATER_REFUNDS).all(orderId, r.lastPaymentId ?? 0) as PickupView['laterRefunds'],
    netPaidFen: heldForOrder(em, orderId)
  }
}

/** Why this order cannot be handed back now, as error values (the first is thrown by complete). */
function blocksFor(em: EntityManager, o: OrderState, timeZone: string) {
  const blocks: { kind: PickupQuote['blocks'][number]['kind']; error: ReturnType<typeof conflict> }[] = []
  if (o.status === 'pickedUp') {
    blocks.push({ kind: 'collected', error: collectedError(em, o.id, timeZone) ?? conflict('pickup.err.collectedUnknown', { orderNo: o.orderNo }) })
    return { blocks, loaner: null }
  }
  if (!HAND_BACK_STATUSES.includes(o.status)) blocks.push({ kind: 'status', error: conflict('pickup.err.notReady', { orderNo: o.orderNo, status: `@status.${o.status}` }) })
  if (imeiPending(o)) blocks.push({ kind: 'imeiPending', error: conflict('pickup.err.imeiPending', { orderNo: o.orderNo }) })
  const loaner = openLoanerFor(em, o.id)
  if (loaner) blocks.push({ kind: 'loanerOut', error: conflict('pickup.err.loanerOut', { code: loaner.code, device: loaner.device }) })
  return { blocks, loaner }
}

/** A router-style translation of an error's params ("@status.ready" → the status's name). */
function translated(t: Translate, key: string, params: Record<string, string | number>): string {
  const p: Record<string, string | number> = {}
  for (const [k, v] of Object.entries(params)) p[k] = typeof v === 'string' && v.startsWith('@') ? t(v.slice(1)) : v
  return t(key, p)
}

export async function quotePickup(ctx: HandlerContext, orderId: number): Promise<PickupQuote> {
  const o = orderState(ctx.em, orderId)
  const settings = await ctx.services.settings.load(ctx.em)
  const order = await loadOrderView(ctx.em, orderId)
  const { blocks, loaner } = blocksFor(ctx.em, o, settings.timeZone)
  const pickup = o.status === 'pickedUp' ? pickupView(ctx.em, orderId) : null
  const lines = pickup ? pickup.lines : orderCharges(ctx.em, orderId)
  const heldFen = pickup ? pickup.heldFen : heldForOrder(ctx.em, orderId)
  const totals = chargeTotals(lines)
  return {
    order,
    lines,
    heldFen,
    loaner: loaner && { loanId: loaner.loanId, code: loaner.code, device: loaner.device, serial: loaner.serial, depositFen: loaner.depositFen, dueDate: loaner.dueDate },
    imeiPending: imeiPending(o),
    canHandBack: blocks.length === 0,
    blocks: blocks.map((b) => ({ kind: b.kind, message: translated(ctx.t, b.error.messageKey, b.error.params) })),
    totals: { ...totals, dueFen: totals.chargedFen, heldFen, balanceFen: totals.chargedFen - heldFen },
    warrantyMonths: settings.ticket.repairWarrantyMonths,
    warrantyUntil: pickup ? pickup.warrantyUntil : warrantyEnd(ctx.now, settings, o.status),
    pickup
  }
}

/** Settlement problems are shown at the field the clerk must change. */
const PROBLEM_FIELD: Record<SettlementProblem, string> = {
  discountTooLarge: 'discount.amountFen',
  badAmount: 'tenders',
  underpaid: 'tenders',
  overpaidNonCash: 'tenders',
  nothingOwed: 'tenders'
}

function toDiscount(d: CompleteInput['discount']): Discount | null {
  if (!d) return null
  return d.kind === 'amount' ? { kind: 'amount', fen: d.amountFen } : { kind: 'percent', basisPoints: percentToBasisPoints(d.percent) }
}

function proofMatches(o: OrderState, proof: CompleteInput['proof']): string | null {
  if (proof.kind === 'ticket') {
    const ticket = searchPlan(proof.value).ticket
    return ticket && ticket.orderNo === o.orderNo && ticket.claimCode === o.claimCode ? null : 'pickup.v.ticketMismatch'
  }
  if (proof.kind === 'code') return plainClaimCode(proof.value) === o.claimCode ? null : 'pickup.v.codeMismatch'
  return null
}

/**
 * Hands the device back in one transaction: checks (status, IMEI, loaner, proof, settlement), the
 * managers' approvals, then the payment rows, the status step to pickedUp, returnedAt, the pickup
 * record, audit rows, a drawer kick for cash and the final receipt — all or nothing.
 */
export async function completePickup(ctx: HandlerContext, input: CompleteInput): Promise<PickupCompleteResult> {
  const clerk = signedInUser(ctx)
  const { em, now } = ctx
  const settings = await ctx.services.settings.load(em)
  const o = orderState(em, input.orderId)
  const { blocks } = blocksFor(em, o, settings.timeZone)
  if (blocks.length) throw blocks[0].error
  const mismatch = proofMatches(o, input.proof)
  if (mismatch) throw validationError({ 'proof.value': mismatch })

  const lines = orderCharges(em, o.id)
  const heldFen = heldForOrder(em, o.id)
  const discount = toDiscount(input.discount)
  const result = settle({ lines, heldFen, discount, tenders: input.tenders })
  if (!result.ok) {
    const charged = chargeTotals(lines).chargedFen
    const owed = Math.max(0, charged - Math.min(charged, discountFen(charged, discount)) - heldFen)
    throw validationError({ [PROBLEM_FIELD[result.problem]]: `pickup.problem.${result.problem}|owed=${formatMoney(owed)}` })
  }
  const s = result.value
  const refundMethod: PaymentMethod | null = s.refundFen > 0 ? (input.refundMethod ?? o.depositMethod ?? 'cash') : null

  // Approvals before any write: a wrong PIN commits only its own count (see managerApproval).
  const lostApprover = input.proof.kind === 'lost' ? await managerApproval(ctx, input.proof.approval) : null
  const discountApprover = input.discount ? await managerApproval(ctx, input.discount.approval) : null

  for (const p of s.payments) recordPayment(em, { orderId: o.id, kind: 'payment', method: p.method, amountFen: p.amountFen, at: now, userId: clerk.id })
  if (refundMethod) recordPayment(em, { orderId: o.id, kind: 'refund', method: refundMethod, amountFen: -s.refundFen, at: now, userId: clerk.id })
  const lastPaymentId = (prepared(em, LAST_PAYMENT).get(o.id) as { id: number }).id

  moveOrder(em, {
    orderId: o.id,
    from: o.status,
    to: 'pickedUp',
    at: now,
    userId: clerk.id,
    note: input.proof.kind === 'lost' ? input.proof.collectorName : '',
    detail: { proof: input.proof.kind, dueFen: s.dueFen, paidFen: s.tenderedFen - s.changeFen, refundFen: s.refundFen }
  })
  prepared(em, SET_RETURNED).run(now.toISOString(), o.id)

  const lost = input.proof.kind === 'lost' ? input.proof : null
  const tenders = s.payments.length || s.changeFen ? tendered(input.tenders) : []
  prepared(em, INSERT_PICKUP).run(
    o.id,
    now.toISOString(),
    clerk.id,
    o.status,
    input.proof.kind,
    lost?.collectorName ?? '',
    lost?.idType ?? '',
    lost?.idNumber ?? '',
    lostApprover?.id ?? null,
    JSON.stringify(lines),
    heldFen,
    s.discountFen,
    discount?.kind === 'percent' ? discount.basisPoints : null,
    input.discount?.reason ?? '',
    discountApprover?.id ?? null,
    s.dueFen,
    JSON.stringify(tenders),
    s.changeFen,
    s.refundFen,
    refundMethod,
    warrantyEnd(now, settings, o.status),
    lastPaymentId
  )

  await auditCall(ctx, {
    action: 'pickup.complete',
    entity: 'work_order',
    entityId: o.id,
    detail: { orderNo: o.orderNo, proof: input.proof.kind, dueFen: s.dueFen, heldFen, payments: s.payments, changeFen: s.changeFen, refundFen: s.refundFen }
  })
  if (lost && lostApprover) {
    await auditCall(ctx, {
      action: 'pickup.lostTicket',
      entity: 'work_order',
      entityId: o.id,
      detail: { orderNo: o.orderNo, collectorName: lost.collectorName, idType: lost.idType, idNumber: lost.idNumber, approvedBy: lostApprover.username }
    })
  }
  if (input.discount && discountApprover) {
    await auditCall(ctx, {
      action: 'pickup.discount',
      entity: 'work_order',
      entityId: o.id,
      detail: { orderNo: o.orderNo, discountFen: s.discountFen, percent: input.discount.kind === 'percent' ? input.discount.percent : null, reason: input.discount.reason, approvedBy: discountApprover.username }
    })
  }

  const view = pickupView(em, o.id)
  if (!view) throw new Error('pickup row not written')
  const printJobs: PrintJobView[] = []
  const cashMoved = s.payments.some((p) => p.method === 'cash') || s.changeFen > 0 || refundMethod === 'cash'
  if (cashMoved) {
    const kick = await ctx.services.printQueue.openCashDrawer(em, { orderId: o.id, settings, userId: clerk.id, now })
    if (kick) printJobs.push(kick)
  }
  const order = await loadOrderView(em, o.id)
  const receipt = finalReceiptDocument(view, order, settings, 0)
  if (settings.printer.enabled) {
    printJobs.push(ctx.services.printQueue.enqueueDocument(em, { kind: 'finalReceipt', document: receipt, orderId: o.id, oldPartId: null, userId: clerk.id, now }))
  }
  ctx.afterCommit(() => ctx.services.printQueue.kick())
  return { pickup: view, settlement: s, printJobs, receipt }
}

/** What was handed over per method, zero rows dropped, one row per method. */
function tendered(tenders: { method: PaymentMethod; amountFen: number }[]) {
  const by = new Map<PaymentMethod, number>()
  for (const t of tenders) if (t.amountFen > 0) by.set(t.method, (by.get(t.method) ?? 0) + t.amountFen)
  return [...by.entries()].map(([method, amountFen]) => ({ method, amountFen }))
}

/** A manager-approved partial refund after pickup, at most what the shop still holds for the repair. */
export async function refundAfterPickup(
  ctx: HandlerContext,
  input: { orderId: number; amountFen: number; method: PaymentMethod; reason: string; approval: { username: string; pin: string } }
): Promise<{ pickup: PickupView; printJobs: PrintJobView[] }> {
  const clerk = signedInUser(ctx)
  const { em, now } = ctx
  const o = orderState(em, input.orderId)
  if (o.status !== 'pickedUp') throw conflict('pickup.err.notPickedUp', { orderNo: o.orderNo })
  const net = heldForOrder(em, o.id)
  if (input.amountFen > net) throw validationError({ amountFen: `pickup.v.refundTooLarge|max=${formatMoney(net)}` })
  const manager = await managerApproval(ctx, input.approval)
  const paymentId = recordPayment(em, { orderId: o.id, kind: 'refund', method: input.method, amountFen: -input.amountFen, at: now, userId: clerk.id })
  await auditCall(ctx, {
    action: 'pickup.refund',
    entity: 'work_order',
    entityId: o.id,
    detail: { orderNo: o.orderNo, amountFen: input.amountFen, method: input.method, reason: input.reason, approvedBy: manager.username, paymentId }
  })
  logOrderEvent(em, { orderId: o.id, at: now, userId: clerk.id, kind: 'pickup', note: input.reason, detail: { refundFen: input.amountFen, method: input.method, approvedBy: manager.username } })
  const printJobs: PrintJobView[] = []
  if (input.method === 'cash') {
    const settings = await ctx.services.settings.load(em)
    const kick = await ctx.services.printQueue.openCashDrawer(em, { orderId: o.id, settings, userId: clerk.id, now })
    if (kick) printJobs.push(kick)
    ctx.afterCommit(() => ctx.services.printQueue.kick())
  }
  const view = pickupView(em, o.id)
  if (!view) throw notFound()
  return { pickup: view, printJobs }
}
