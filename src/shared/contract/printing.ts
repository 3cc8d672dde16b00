import { z } from 'zod'
import { channel } from './channel'
import { id } from './fields'
import type { ReceiptDoc } from '../receipt/layout'

export const PRINT_KINDS = ['claimTicket', 'deviceTag', 'testPage'] as const
export type PrintKind = (typeof PRINT_KINDS)[number]
/** pending: waiting for the printer; sending: bytes going out; done; failed: will not retry by itself. */
export type PrintJobStatus = 'pending' | 'sending' | 'done' | 'failed'

export interface PrintJobView {
  id: number
  orderId: number | null
  kind: PrintKind
  /** 0 for the original; n for the n-th reprint (printed as "REPRINT n"). */
  reprintNo: number
  status: PrintJobStatus
  attempts: number
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
  pendingJobs: number
}

export const printingContract = {
  'printing.jobs': channel<PrintJobView[]>()(z.object({ orderId: id }), 'signedIn'),
  /** Jobs still waiting (any order): the counter shows them so nothing is forgotten. */
  'printing.queue': channel<PrintJobView[]>()(z.object({}).default({}), 'signedIn'),
  'printing.retry': channel<PrintJobView>()(z.object({ jobId: id }), ['counter', 'manager']),
  'printing.reprint': channel<PrintJobView>()(
    z.object({ orderId: id, kind: z.enum(['claimTicket', 'deviceTag']) }),
    ['counter', 'manager']
  ),
  /** The receipt exactly as it will print, for the on-screen preview. */
  'printing.preview': channel<ReceiptDoc>()(
    z.object({ orderId: id, kind: z.enum(['claimTicket', 'deviceTag']) }),
    'signedIn'
  ),
  'printing.status': channel<PrinterStatusView>()(z.object({}).default({}), 'signedIn'),
  'printing.testPrint': channel<PrintJobView>()(z.object({}).default({}), ['counter', 'manager']),
  /** A4 PDF of the claim ticket: saved under the user-data folder and returned for download/open. */
  'printing.ticketPdf': channel<{ fileName: string; path: string; base64: string }>()(
    z.object({ orderId: id }),
    ['counter', 'manager']
  )
}
