import { z } from 'zod'
import { channel, readOnly } from './channel'
import { approval, fen, id, requiredText } from './fields'
import type { OrderSummary, OrderView } from './intake'
import type { PrintJobView } from './printing'
import { PAYMENT_METHODS, type PaymentMethod } from '../domain/payments'
import type { ChargeLine, Settlement } from '../domain/settlement'
import type { OrderStatus } from '../domain/order-status'
import type { ReceiptDoc } from '../receipt/layout'

/** What the person collecting showed: the claim ticket (scanned), its code (typed), or nothing (遗失). */
export const PICKUP_PROOF_KINDS = ['ticket', 'code', 'lost'] as const
export type PickupProofKind = (typeof PICKUP_PROOF_KINDS)[number]

/** ID shown by whoever collects without the ticket. */
export const ID_TYPES = ['idCard', 'passport', 'hkMacauPass', 'driverLicence', 'other'] as const
export type IdType = (typeof ID_TYPES)[number]

/** Why an order was listed for pickup. */
export type PickupMatch = 'ticket' | 'claimCode' | 'orderNo' | 'mobile'

export interface PickupCandidate extends OrderSummary {
  matchedBy: PickupMatch
  /** Ready, unrepairable or cancelled: it may be handed back now. */
  canHandBack: boolean
}

export interface PickupFindResult {
  candidates: PickupCandidate[]
  /** Found by a scanned ticket or a typed claim code: that is the proof the pickup will carry. */
  proof: { kind: 'ticket' | 'code'; value: string } | null
}

export interface PickupView {
  id: number
  orderId: number
  orderNo: string
  at: string
  by: { id: number; displayName: string }
  fromStatus: OrderStatus
  proofKind: PickupProofKind
  collectorName: string
  idType: string
  idNumber: string
  approvedBy: { id: number; displayName: string } | null
  lines: ChargeLine[]
  heldFen: number
  discountFen: number
  discountBasisPoints: number | null
  discountReason: string
  discountApprovedBy: { id: number; displayName: string } | null
  dueFen: number
  tenders: { method: PaymentMethod; amountFen: number }[]
  changeFen: number
  refundFen: number
  refundMethod: PaymentMethod | null
  warrantyUntil: string | null
  /** Partial refunds a manager approved after the pickup. */
  laterRefunds: { at: string; method: PaymentMethod; amountFen: number }[]
  /** Net money the shop keeps for the repair now (deposits + payments − refunds). */
  netPaidFen: number
}

/** Why an order cannot be handed back right now (each translated for the screen). */
export type PickupBlockKind = 'status' | 'imeiPending' | 'loanerOut' | 'collected'

export interface PickupQuote {
  order: OrderView
  lines: ChargeLine[]
  /** Money held for the repair (deposits minus refunds; a loaner's deposit apart). */
  heldFen: number
  loaner: { loanId: number; code: string; device: string; serial: string; depositFen: number; dueDate: string } | null
  imeiPending: boolean
  canHandBack: boolean
  blocks: { kind: PickupBlockKind; message: string }[]
  /** settle() with no discount and nothing tendered yet: what is charged, held, and owed (balance). */
  totals: Pick<Settlement, 'grossFen' | 'coverageFen' | 'chargedFen' | 'dueFen' | 'heldFen' | 'balanceFen'>
  warrantyMonths: number
  /** The repair warranty's last day if handed back today (null: the store gives none). */
  warrantyUntil: string | null
  /** Already handed back: the record. */
  pickup: PickupView | null
}

const proofValue = (max: number) => z.string({ error: 'v.required' }).trim().min(1, 'v.required').max(max, { error: `v.tooLong|max=${max}` })

export const PickupProof = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ticket'), value: proofValue(80) }),
  z.object({ kind: z.literal('code'), value: proofValue(20) }),
  z.object({
    kind: z.literal('lost'),
    collectorName: requiredText(40),
    idType: z.enum(ID_TYPES, { error: 'v.required' }),
    idNumber: requiredText(30),
    approval
  })
])
export type PickupProof = z.output<typeof PickupProof>

export const PickupDiscount = z
  .object({
    kind: z.enum(['amount', 'percent']),
    amountFen: fen.default(0),
    /** 0–100, at most two decimals (12.5 = 12.5 %). */
    percent: z.number({ error: 'v.number' }).min(0, 'v.invalid').max(100, 'v.invalid').default(0),
    reason: requiredText(100),
    approval
  })
  .superRefine((d, ctx) => {
    if (Math.abs(d.percent * 100 - Math.round(d.percent * 100)) > 1e-6) ctx.addIssue({ code: 'custom', path: ['percent'], message: 'v.invalid' })
    if (d.kind === 'amount' ? d.amountFen <= 0 : d.percent <= 0) ctx.addIssue({ code: 'custom', path: [d.kind === 'amount' ? 'amountFen' : 'percent'], message: 'pickup.v.discountZero' })
  })
export type PickupDiscount = z.output<typeof PickupDiscount>

export const PickupTender = z.object({ method: z.enum(PAYMENT_METHODS), amountFen: fen })

export const PickupCompleteInput = z.object({
  orderId: id,
  proof: PickupProof,
  discount: PickupDiscount.nullable().default(null),
  tenders: z.array(PickupTender).max(10).default([]),
  /** How an excess deposit is paid back (default: the way it was paid). */
  refundMethod: z.enum(PAYMENT_METHODS).nullable().default(null)
})
export type PickupCompleteInput = z.input<typeof PickupCompleteInput>

export interface PickupCompleteResult {
  pickup: PickupView
  settlement: Settlement
  /** The final receipt (and the drawer kick, if cash moved), queued. */
  printJobs: PrintJobView[]
  receipt: ReceiptDoc
}

const managed = ['counter', 'manager'] as const

/** Pickup: find the order, settle, pay, final receipt, void the claim ticket (issue 8). */
export const pickupContract = {
  /** A scanned claim ticket, a claim code, a mobile number or an order number → orders in the shop. */
  'pickup.find': readOnly(channel<PickupFindResult>()(z.object({ query: z.string().trim().max(80) }), managed)),
  /** Everything the settlement panel shows, and what stops the hand-back. */
  'pickup.quote': readOnly(channel<PickupQuote>()(z.object({ orderId: id }), managed)),
  /** Hands the device back: payments, status 已取机, the claim ticket void, the final receipt queued. */
  'pickup.complete': channel<PickupCompleteResult>()(PickupCompleteInput, managed),
  /** A partial refund after pickup, approved by a manager's PIN on the same screen. */
  'pickup.refund': channel<{ pickup: PickupView; printJobs: PrintJobView[] }>()(
    z.object({ orderId: id, amountFen: fen.min(1, 'pickup.v.refundPositive'), method: z.enum(PAYMENT_METHODS), reason: requiredText(200), approval }),
    managed
  ),
  /** The final receipt again on the receipt printer, marked as a reprint. */
  'pickup.reprint': channel<PrintJobView>()(z.object({ orderId: id }), managed),
  /** A4 PDF of the final receipt (saved under the user-data folder and returned for download). */
  'pickup.receiptPdf': channel<{ fileName: string; path: string; base64: string }>()(z.object({ orderId: id }), managed)
}
