import { z } from 'zod'
import { channel, readOnly } from './channel'
import { id } from './fields'
import type { ReceiptDoc } from '../receipt/layout'

export const PRINT_KINDS = ['claimTicket', 'deviceTag', 'testPage', 'drawerKick', 'oldPartLabel', 'finalReceipt', 'zReport'] as const
export type PrintKind = (typeof PRINT_KINDS)[number]
/** Kinds that are copies of an order's ticket: numbered, reprintable. */
export const COPY_KINDS = ['claimTicket', 'deviceTag'] as const
export type CopyKind = (typeof COPY_KINDS)[number]
/**
 * pending: waiting (lastError says why: paper out, cover open, no answer...), sent by itself when
 * the printer is ready; sending: being sent now; done: the printer answered after the last byte
 * (or a clerk confirmed it came out); unconfirmed: bytes went out but no answer proves it printed —
 * a clerk confirms it or reprints it marked; failed: legacy rows only (treated like unconfirmed).
 */
export const PRINT_JOB_STATUSES = ['pending', 'sending', 'done', 'unconfirmed', 'failed'] as const
export type PrintJobStatus = (typeof PRINT_JOB_STATUSES)[number]
/** Jobs that still need the printer or a person: shown on the counter and counted on the indicator. */
export const OPEN_JOB_STATUSES: readonly PrintJobStatus[] = ['pending', 'sending', 'unconfirmed', 'failed']
/** The most jobs one list answer carries (older ones: page with beforeId). */
export const JOB_PAGE_SIZE = 100

export interface PrintJobView {
  id: number
  orderId: number | null
  kind: PrintKind
  /** 0 for the original; n for the n-th copy (printed as "REPRINT n"). Fixed when the first byte goes out. */
  reprintNo: number
  status: PrintJobStatus
  attempts: number
  /** i18n key: why it waits, why it is not confirmed, or how it was settled. */
  lastError: string | null
  createdAt: string
  printedAt: string | null
}

/** 'checking' until the printer has been asked once (asking happens in the background). */
export type PrinterState = 'ready' | 'offline' | 'error' | 'disabled' | 'checking'
export interface PrinterStatusView {
  state: PrinterState
  /** Translated detail, e.g. "cover open", "paper out", "connection refused". */
  detail: string
  /** Jobs waiting or sent-not-confirmed (everything that still needs the printer or a person). */
  pendingJobs: number
  /** Of those, sent but not confirmed: a person must look at the printer. */
  unconfirmedJobs: number
}

const page = z.object({ afterId: id.optional() })

export const printingContract = {
  /** One order's jobs, newest last (bounded). */
  'printing.jobs': readOnly(channel<PrintJobView[]>()(z.object({ orderId: id }), 'signedIn')),
  /** Jobs still open (any order), oldest first, JOB_PAGE_SIZE at a time; afterId pages on. */
  'printing.queue': channel<PrintJobView[]>()(page.default({}), 'signedIn'),
  'printing.retry': channel<PrintJobView>()(z.object({ jobId: id }), ['counter', 'manager']),
  /** A sent-not-confirmed job did come out of the printer: a person says so (audited). */
  'printing.confirm': channel<PrintJobView>()(z.object({ jobId: id }), ['counter', 'manager']),
  'printing.reprint': channel<PrintJobView>()(z.object({ orderId: id, kind: z.enum(COPY_KINDS) }), ['counter', 'manager']),
  /** The receipt exactly as it will print, for the on-screen preview. */
  'printing.preview': channel<ReceiptDoc>()(z.object({ orderId: id, kind: z.enum(COPY_KINDS) }), 'signedIn'),
  'printing.status': channel<PrinterStatusView>()(z.object({}).default({}), 'signedIn'),
  'printing.testPrint': channel<PrintJobView>()(z.object({}).default({}), ['counter', 'manager']),
  /** A4 PDF of the claim ticket: saved under the user-data folder and returned for download/open. */
  'printing.ticketPdf': channel<{ fileName: string; path: string; base64: string }>()(
    z.object({ orderId: id }),
    ['counter', 'manager']
  )
}
