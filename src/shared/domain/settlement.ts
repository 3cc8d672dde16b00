/**
 * Pickup settlement arithmetic, all in integer fen (see money.ts). Pure: the pickup screen shows
 * exactly what main will record, and the property test (settlement.test.ts) checks the invariants:
 *
 *   charged  = labour + parts + other − warranty coverage (三包: parts and labour free)
 *   due      = charged − discount                         (discount never below zero)
 *   balance  = due − held                                 (held = deposits − refunds already recorded)
 *   balance > 0: payments (split across methods) cover it; only cash may exceed it → change
 *   balance ≤ 0: nothing to pay; the excess deposit is refunded
 *   afterwards: held + Σ net payments − refund = due, exactly.
 */
import type { Fen } from './money'
import type { PaymentMethod } from './payments'

type SettlementMethod = PaymentMethod

export interface SettlementLine {
  kind: 'labour' | 'part' | 'other'
  amountFen: Fen
  /** Covered by the warranty (三包) or a comeback: shown on the receipt, charged at 0. */
  warrantyFree: boolean
}

/** One line of what an order is charged, as the repair card, pickup screen and receipt show it. */
export interface ChargeLine extends SettlementLine {
  description: string
  qty: number
  unitFen: Fen
  /** repair_charge row (labour / other). */
  chargeId?: number
  /** Parts: the part issued. */
  partId?: number
  faultCode?: string
  minutes?: number
}

/** A discount as a fixed amount, or as a percentage in basis points (1000 = 10 %) rounded half-up to the fen. */
export type Discount = { kind: 'amount'; fen: Fen } | { kind: 'percent'; basisPoints: number }

export interface Tender {
  method: SettlementMethod
  /** What the customer handed over with this method (cash may be more than owed). */
  amountFen: Fen
}

export interface SettlementInput {
  lines: readonly SettlementLine[]
  /** Net money already held for the order (deposits minus refunds). */
  heldFen: Fen
  discount?: Discount | null
  tenders: readonly Tender[]
}

export interface Settlement {
  grossFen: Fen
  coverageFen: Fen
  chargedFen: Fen
  discountFen: Fen
  dueFen: Fen
  heldFen: Fen
  /** due − held: > 0 to pay now, < 0 to refund. */
  balanceFen: Fen
  tenderedFen: Fen
  changeFen: Fen
  refundFen: Fen
  /** What each method keeps after change (cash net of change); the `payment` rows recorded. */
  payments: { method: SettlementMethod; amountFen: Fen }[]
}

export type SettlementProblem =
  | 'discountTooLarge'
  | 'badAmount'
  | 'underpaid'
  /** Card / WeChat / Alipay / other more than owed: the app cannot give change for them. */
  | 'overpaidNonCash'
  /** Nothing to pay (a refund is due): no payments are taken. */
  | 'nothingOwed'

export type SettlementResult = { ok: true; value: Settlement } | { ok: false; problem: SettlementProblem }

const isAmount = (n: number) => Number.isSafeInteger(n) && n >= 0

/** A percentage as typed (12.5 = 12.5 %, at most two decimals) in basis points (1250): the screen and main use this one conversion. */
export function percentToBasisPoints(percent: number): number {
  return Math.round(percent * 100)
}

/** basis points of an amount, rounded half-up to the fen (integers only: no float drift). */
export function percentOf(fen: Fen, basisPoints: number): Fen {
  return Math.floor((fen * basisPoints + 5_000) / 10_000)
}

/** Charge totals before any payment (also the screen's preview while nothing is typed yet). */
export function chargeTotals(lines: readonly SettlementLine[]): { grossFen: Fen; coverageFen: Fen; chargedFen: Fen } {
  let grossFen = 0
  let coverageFen = 0
  for (const l of lines) {
    grossFen += l.amountFen
    if (l.warrantyFree) coverageFen += l.amountFen
  }
  return { grossFen, coverageFen, chargedFen: grossFen - coverageFen }
}

export function discountFen(chargedFen: Fen, discount: Discount | null | undefined): Fen {
  if (!discount) return 0
  return discount.kind === 'amount' ? discount.fen : percentOf(chargedFen, discount.basisPoints)
}

export function settle(input: SettlementInput): SettlementResult {
  const fail = (problem: SettlementProblem): SettlementResult => ({ ok: false, problem })
  if (!input.lines.every((l) => isAmount(l.amountFen)) || !isAmount(input.heldFen) || !input.tenders.every((t) => isAmount(t.amountFen))) {
    return fail('badAmount')
  }
  const d = input.discount
  if (d && ((d.kind === 'amount' && !isAmount(d.fen)) || (d.kind === 'percent' && !(Number.isInteger(d.basisPoints) && d.basisPoints >= 0 && d.basisPoints <= 10_000)))) {
    return fail('badAmount')
  }
  const { grossFen, coverageFen, chargedFen } = chargeTotals(input.lines)
  const discount = discountFen(chargedFen, d)
  if (discount > chargedFen) return fail('discountTooLarge')
  const dueFen = chargedFen - discount
  const heldFen = input.heldFen
  const balanceFen = dueFen - heldFen

  // One entry per method, in the order first given; zero tenders are dropped.
  const byMethod = new Map<SettlementMethod, Fen>()
  for (const t of input.tenders) if (t.amountFen > 0) byMethod.set(t.method, (byMethod.get(t.method) ?? 0) + t.amountFen)
  const tenderedFen = [...byMethod.values()].reduce((a, b) => a + b, 0)
  const base = { grossFen, coverageFen, chargedFen, discountFen: discount, dueFen, heldFen, balanceFen, tenderedFen }

  if (balanceFen <= 0) {
    if (tenderedFen > 0) return fail('nothingOwed')
    return { ok: true, value: { ...base, changeFen: 0, refundFen: balanceFen < 0 ? -balanceFen : 0, payments: [] } }
  }
  if (tenderedFen < balanceFen) return fail('underpaid')
  const cash = byMethod.get('cash') ?? 0
  const nonCash = tenderedFen - cash
  if (nonCash > balanceFen) return fail('overpaidNonCash')
  const changeFen = tenderedFen - balanceFen // ≤ cash, because nonCash ≤ balance
  const payments = [...byMethod.entries()]
    .map(([method, amountFen]) => ({ method, amountFen: method === 'cash' ? amountFen - changeFen : amountFen }))
    .filter((p) => p.amountFen > 0)
  return { ok: true, value: { ...base, changeFen, refundFen: 0, payments } }
}
