import { z } from 'zod'
import { channel, readOnly } from '../channel'
import { MAX_FEN } from '../../domain/money'
import { approval, fen, id, optionalText, requiredText } from '../fields'
import { STOCK_LOCATIONS, type StockLocation, type StockMoveView } from './common'

/**
 * Warehouse movements: goods receipts (入库), requisitions (领料单) and issues (发料) against work
 * orders, returns of unused parts, transfers main <-> quarantine, manager-approved adjustments.
 * Every mutation here is one router call = one transaction = one audit row; stock changes only
 * through ledger rows (see src/main/warehouse/ledger.ts).
 */

/** Lines per receipt / requisition (one screen, one A4 page or two). */
export const MOVE_MAX_LINES = 100
/** The most one line may move (a typo guard). */
export const MOVE_QTY_MAX = 100_000
/** Rows per page of the lists here (newest first, beforeId pages on). */
export const MOVES_PAGE = 50
/** Ledger rows the order page shows (newest first). */
export const ORDER_MOVES_MAX = 200

export const REQUISITION_STATUSES = ['open', 'done', 'cancelled'] as const
export type RequisitionStatus = (typeof REQUISITION_STATUSES)[number]
export const ADJUSTMENT_STATUSES = ['pending', 'approved', 'rejected'] as const
export type AdjustmentStatus = (typeof ADJUSTMENT_STATUSES)[number]

/** A count of parts moved: a whole number 1 … MOVE_QTY_MAX. */
export const moveQty = z.number({ error: 'v.number' }).int('v.integer').min(1, 'warehouse.v.qtyPositive').max(MOVE_QTY_MAX, 'warehouse.v.qtyPositive')
const countQty = z.number({ error: 'v.number' }).int('v.integer').min(0, 'warehouse.v.qtyNonNegative').max(MOVE_QTY_MAX, 'warehouse.v.qtyNonNegative')
/** An adjustment: signed, never 0. */
export const signedQty = z
  .number({ error: 'v.number' })
  .int('v.integer')
  .min(-MOVE_QTY_MAX, 'warehouse.v.qtySigned')
  .max(MOVE_QTY_MAX, 'warehouse.v.qtySigned')
  .refine((n) => n !== 0, 'warehouse.v.qtySigned')
export const stockLocation = z.enum(STOCK_LOCATIONS, { error: 'v.choice' })

export interface PartRef {
  id: number
  sku: string
  name: string
  spec: string
  unit: string
  barcode: string
  bin: string
}
export interface UserRef {
  id: number
  displayName: string
}

// ---------------------------------------------------------------- receipts

export const ReceiptLineInput = z
  .object({
    partId: id,
    deliveredQty: moveQty,
    acceptedQty: countQty,
    unitCostFen: fen,
    /** Required when anything is rejected (delivered > accepted). */
    rejectReason: optionalText(100)
  })
  .superRefine((l, ctx) => {
    if (l.acceptedQty > l.deliveredQty) ctx.addIssue({ code: 'custom', message: 'warehouse.v.acceptedOverDelivered', path: ['acceptedQty'] })
    else if (l.acceptedQty < l.deliveredQty && !l.rejectReason) ctx.addIssue({ code: 'custom', message: 'warehouse.v.rejectReason', path: ['rejectReason'] })
  })

export const ReceiptInput = z.object({
  supplier: requiredText(60),
  supplierDocNo: requiredText(40),
  note: optionalText(200),
  lines: z
    .array(ReceiptLineInput)
    .min(1, 'warehouse.v.noLines')
    .max(MOVE_MAX_LINES, { error: `warehouse.v.tooManyLines|max=${MOVE_MAX_LINES}` })
    .superRefine((lines, ctx) => {
      // The receipt's value (Σ accepted × unit cost) is money like any other: at most MAX_FEN, so
      // it stays an exact integer (100 lines × 100000 × ¥100M would not be).
      let total = 0
      for (const [i, l] of lines.entries()) {
        total += l.acceptedQty * l.unitCostFen
        if (total > MAX_FEN) {
          ctx.addIssue({ code: 'custom', message: 'warehouse.v.receiptTooLarge', path: [i, 'unitCostFen'] })
          return
        }
      }
    })
})
export type ReceiptInput = z.input<typeof ReceiptInput>

export interface ReceiptLineView {
  id: number
  part: PartRef
  deliveredQty: number
  acceptedQty: number
  rejectedQty: number
  rejectReason: string
  unitCostFen: number
  /** accepted × unit cost. */
  acceptedFen: number
}

export interface ReceiptSummary {
  id: number
  receiptNo: string
  supplier: string
  supplierDocNo: string
  at: string
  user: UserRef
  lines: number
  acceptedFen: number
}

export interface ReceiptView extends ReceiptSummary {
  note: string
  lineViews: ReceiptLineView[]
}

// ---------------------------------------------------------------- requisitions, issues, returns

export interface RequisitionLineView {
  id: number
  part: PartRef
  qty: number
  issuedQty: number
  returnedQty: number
  /** Issued and not returned: on the order (used, or to come back). */
  unreturnedQty: number
  /** Still to issue (0 once the requisition is done or cancelled). */
  toIssueQty: number
  /** On the shelf now ('main'; quarantine is never issued). */
  mainQty: number
}

export interface OrderRef {
  id: number
  orderNo: string
  deviceLabel: string
  status: string
  /** Not void and not handed back: parts may be issued to it. */
  inShop: boolean
}

export interface RequisitionSummary {
  id: number
  reqNo: string
  status: RequisitionStatus
  order: OrderRef
  requestedBy: UserRef
  createdAt: string
  lines: number
  toIssueQty: number
}

export interface RequisitionView extends RequisitionSummary {
  note: string
  closedAt: string | null
  cancelReason: string
  lineViews: RequisitionLineView[]
}

export const RequisitionInput = z.object({
  orderId: id,
  lines: z
    .array(z.object({ partId: id, qty: moveQty }))
    .min(1, 'warehouse.v.noLines')
    .max(MOVE_MAX_LINES, { error: `warehouse.v.tooManyLines|max=${MOVE_MAX_LINES}` })
    .superRefine((lines, ctx) => {
      // One line per part (one place to issue and return it): a second line is refused, not merged.
      const seen = new Set<number>()
      for (const [i, l] of lines.entries()) {
        if (typeof l.partId !== 'number') continue
        if (seen.has(l.partId)) ctx.addIssue({ code: 'custom', message: 'warehouse.v.duplicatePart', path: [i, 'partId'] })
        seen.add(l.partId)
      }
    }),
  note: optionalText(200)
})
export type RequisitionInput = z.input<typeof RequisitionInput>

export const IssueInput = z.object({
  requisitionId: id,
  lines: z
    .array(z.object({ lineId: id, qty: moveQty }))
    .min(1, 'warehouse.v.noLines')
    .max(MOVE_MAX_LINES, { error: `warehouse.v.tooManyLines|max=${MOVE_MAX_LINES}` })
})
export type IssueInput = z.input<typeof IssueInput>

export const ReturnInput = z.object({
  lineId: id,
  qty: moveQty,
  /** 'main' back on the shelf; 'quarantine' when it is defective. */
  location: stockLocation.default('main'),
  note: optionalText(200)
})
export type ReturnInput = z.input<typeof ReturnInput>

export interface OrderMoveView extends StockMoveView {
  sku: string
  name: string
}

/** What the work order page shows: its requisitions and every ledger row that names it. */
export interface OrderPartsView {
  order: OrderRef
  requisitions: RequisitionView[]
  /** Newest first, at most ORDER_MOVES_MAX (issues and returns). */
  moves: OrderMoveView[]
  /** Σ unreturned over the lines: parts issued to the order and not back (offered for return when it is void). */
  unreturnedQty: number
}

// ---------------------------------------------------------------- transfers, adjustments

export const TransferInput = z
  .object({
    partId: id,
    qty: moveQty,
    from: stockLocation,
    to: stockLocation,
    reason: requiredText(200),
    /** Required for quarantine -> main (a manager's username + PIN). */
    approval: approval.optional()
  })
  .refine((t) => t.from !== t.to, { message: 'warehouse.v.sameLocation', path: ['to'] })
export type TransferInput = z.input<typeof TransferInput>

export interface TransferView {
  id: number
  transferNo: string
  part: PartRef
  qty: number
  from: StockLocation
  to: StockLocation
  reason: string
  user: UserRef
  approvedBy: UserRef | null
  at: string
  balances: Record<StockLocation, number>
}

export const AdjustmentInput = z.object({
  partId: id,
  location: stockLocation,
  qty: signedQty,
  reason: requiredText(200)
})
export type AdjustmentInput = z.input<typeof AdjustmentInput>

export interface AdjustmentView {
  id: number
  adjNo: string
  part: PartRef
  location: StockLocation
  qty: number
  reason: string
  status: AdjustmentStatus
  requestedBy: UserRef
  requestedAt: string
  decidedBy: UserRef | null
  decidedAt: string | null
  rejectReason: string
  /** On hand at that location now. */
  onHand: number
}

const WRITE = ['warehouse', 'manager'] as const
const REQUEST = ['technician', 'warehouse', 'manager'] as const
const pdfOut = channel<{ fileName: string; path: string; base64: string }>()

export const movesContract = {
  /** Posts the accepted quantities to 'main' at the line's unit cost (moving average updated). */
  'warehouse.receipts.create': channel<ReceiptView>()(ReceiptInput, WRITE),
  'warehouse.receipts.list': readOnly(channel<ReceiptSummary[]>()(z.object({ beforeId: id.optional() }).default({}), WRITE)),
  'warehouse.receipts.get': readOnly(channel<ReceiptView>()(z.object({ receiptId: id }), WRITE)),
  /** 接收单 as an A4 PDF (saved to the PDF folder, and returned). */
  'warehouse.receipts.pdf': pdfOut(z.object({ receiptId: id }), WRITE),

  /** For a work order in the shop. A technician sees and cancels only their own. */
  'warehouse.requisitions.create': channel<RequisitionView>()(RequisitionInput, REQUEST),
  'warehouse.requisitions.list': readOnly(
    channel<RequisitionSummary[]>()(
      z.object({ status: z.enum(REQUISITION_STATUSES, { error: 'v.choice' }).optional(), beforeId: id.optional() }).default({}),
      REQUEST
    )
  ),
  'warehouse.requisitions.get': readOnly(channel<RequisitionView>()(z.object({ requisitionId: id }), REQUEST)),
  /** Issues from 'main' (some lines, or part of a line when short); all or nothing per call. */
  'warehouse.requisitions.issue': channel<RequisitionView>()(IssueInput, WRITE),
  /** Nothing more will be issued; what was issued stays on the order until returned. */
  'warehouse.requisitions.cancel': channel<RequisitionView>()(z.object({ requisitionId: id, reason: requiredText(200) }), REQUEST),
  /** Unused parts back from the order (qty <= issued - returned), to 'main' or to 'quarantine'. */
  'warehouse.returns.create': channel<RequisitionView>()(ReturnInput, WRITE),
  'warehouse.orderParts': readOnly(channel<OrderPartsView>()(z.object({ orderId: id }), 'signedIn')),

  /** main -> quarantine by warehouse staff; quarantine -> main with a manager's approval. */
  'warehouse.transfers.create': channel<TransferView>()(TransferInput, WRITE),
  /** Pending until a manager approves: changes no stock. */
  'warehouse.adjustments.request': channel<AdjustmentView>()(AdjustmentInput, WRITE),
  'warehouse.adjustments.list': readOnly(
    channel<AdjustmentView[]>()(
      z.object({ status: z.enum(ADJUSTMENT_STATUSES, { error: 'v.choice' }).optional(), beforeId: id.optional() }).default({}),
      WRITE
    )
  ),
  'warehouse.adjustments.approve': channel<AdjustmentView>()(z.object({ adjustmentId: id, approval }), WRITE),
  'warehouse.adjustments.reject': channel<AdjustmentView>()(z.object({ adjustmentId: id, reason: requiredText(200), approval }), WRITE)
}
