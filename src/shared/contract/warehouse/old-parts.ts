import { z } from 'zod'
import { channel, readOnly } from '../channel'
import { fen, id, optionalText, plainDate, requiredText } from '../fields'
import type { PrintJobView } from '../printing'

/**
 * Old (defective) parts replaced under warranty, and the batches that send them back to the maker
 * (旧件返厂). An old part is not stock: it never enters the ledger.
 *
 * Old part status follows its batch: 'waiting' (not in a batch yet), 'batched' (in an open batch),
 * 'sent', 'credited'.
 */
export const OLD_PART_STATUSES = ['waiting', 'batched', 'sent', 'credited'] as const
export type OldPartStatus = (typeof OLD_PART_STATUSES)[number]
/** open → sent (date, carrier reference) → credited (credit note number, amount). No other step. */
export const RTM_STATUSES = ['open', 'sent', 'credited'] as const
export type RtmStatus = (typeof RTM_STATUSES)[number]
/** The most parts one batch holds (one packing list); lists answer this many at a time. */
export const RTM_MAX_PARTS = 500
export const OLD_PART_PAGE = 50

/** A work order number as typed or scanned from the device tag (RO2611-0001). */
const orderNo = z
  .string({ error: 'v.required' })
  .trim()
  .toUpperCase()
  .min(1, 'v.required')
  .max(20, { error: 'v.tooLong|max=20' })

export interface OldPartView {
  id: number
  /** OP2611-0001: on the label and its barcode. */
  opNo: string
  orderId: number
  orderNo: string
  deviceLabel: string
  technician: { id: number; displayName: string }
  /** The catalogue part, when known. */
  part: { id: number; sku: string; name: string } | null
  /** What the part is, as written on the label (the catalogue name when a part was picked). */
  partText: string
  /** The requisition line it replaced, when given. */
  requisitionLineId: number | null
  faultSymptom: string
  faultCode: string
  status: OldPartStatus
  batch: { id: number; batchNo: string; maker: string } | null
  createdAt: string
  createdBy: { id: number; displayName: string }
}

/** What the form needs once the work order number is typed: the order and who may be named. */
export interface OldPartOrderInfo {
  orderId: number
  orderNo: string
  deviceLabel: string
  faultDescription: string
  faultCodes: string[]
  /** The order's technician (the default), and every active technician. */
  technicianId: number | null
  technicians: { id: number; displayName: string }[]
  /** Old parts already recorded for this order. */
  oldParts: OldPartView[]
}

export const OldPartCreateInput = z.object({
  orderNo,
  /** Absent: the order's technician. */
  technicianId: id.nullable().default(null),
  partId: id.nullable().default(null),
  requisitionLineId: id.nullable().default(null),
  /** Required unless a catalogue part is picked (then it defaults to the part's name). */
  partText: optionalText(60),
  faultSymptom: requiredText(200),
  faultCode: requiredText(32)
})
export type OldPartCreateInput = z.input<typeof OldPartCreateInput>

export interface RtmBatchSummary {
  id: number
  batchNo: string
  maker: string
  status: RtmStatus
  parts: number
  createdAt: string
  sentDate: string | null
  creditFen: number | null
}

export interface RtmBatchView extends RtmBatchSummary {
  note: string
  createdBy: { id: number; displayName: string }
  sent: { date: string; carrierRef: string; at: string; by: { id: number; displayName: string } } | null
  credited: { creditNoteNo: string; amountFen: number; at: string; by: { id: number; displayName: string } } | null
  oldParts: OldPartView[]
}

const batchId = z.object({ batchId: id })

export const oldPartsContract = {
  /** Records a replaced part (number OP…) and queues its label. */
  'warehouse.oldParts.create': channel<{ oldPart: OldPartView; printJob: PrintJobView }>()(OldPartCreateInput, ['warehouse', 'manager']),
  /** Newest first, OLD_PART_PAGE at a time (beforeId pages on); by order, or by status. */
  'warehouse.oldParts.list': readOnly(
    channel<OldPartView[]>()(
      z.object({ orderId: id.optional(), status: z.enum(OLD_PART_STATUSES, { error: 'v.choice' }).optional(), beforeId: id.optional() }).default({}),
      'signedIn'
    )
  ),
  /** The work order behind a typed/scanned number, for the old-part form. */
  'warehouse.oldParts.orderInfo': readOnly(channel<OldPartOrderInfo>()(z.object({ orderNo }), ['warehouse', 'manager'])),
  /** Prints the label again (marked 补打 n). */
  'warehouse.oldParts.printLabel': channel<PrintJobView>()(z.object({ oldPartId: id }), ['warehouse', 'manager']),

  'warehouse.rtm.create': channel<RtmBatchView>()(z.object({ maker: requiredText(60), note: optionalText(200) }), ['warehouse', 'manager']),
  /** Adds old parts (by id, or scanned OP numbers) to an open batch; a part already in a batch is refused. */
  'warehouse.rtm.add': channel<RtmBatchView>()(
    z
      .object({
        batchId: id,
        oldPartIds: z.array(id).max(RTM_MAX_PARTS).default([]),
        /** Scanned from the labels' barcodes. */
        opNos: z.array(z.string().trim().toUpperCase().max(20, { error: 'v.tooLong|max=20' })).max(RTM_MAX_PARTS).default([])
      })
      .refine((v) => v.oldPartIds.length + v.opNos.length > 0, { message: 'v.required', path: ['opNos'] }),
    ['warehouse', 'manager']
  ),
  'warehouse.rtm.remove': channel<RtmBatchView>()(z.object({ batchId: id, oldPartId: id }), ['warehouse', 'manager']),
  'warehouse.rtm.send': channel<RtmBatchView>()(
    z.object({ batchId: id, date: plainDate, carrierRef: requiredText(60) }),
    ['warehouse', 'manager']
  ),
  'warehouse.rtm.credit': channel<RtmBatchView>()(
    z.object({ batchId: id, creditNoteNo: requiredText(60), amountFen: fen }),
    ['warehouse', 'manager']
  ),
  /** Newest first, 50 at a time. */
  'warehouse.rtm.list': readOnly(
    channel<RtmBatchSummary[]>()(
      z.object({ status: z.enum(RTM_STATUSES, { error: 'v.choice' }).optional(), beforeId: id.optional() }).default({}),
      ['warehouse', 'manager']
    )
  ),
  'warehouse.rtm.get': readOnly(channel<RtmBatchView>()(batchId, ['warehouse', 'manager'])),
  /** The packing list (装箱单) as an A4 PDF. */
  'warehouse.rtm.pdf': channel<{ fileName: string; path: string; base64: string }>()(batchId, ['warehouse', 'manager'])
}
