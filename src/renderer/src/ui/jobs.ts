import type { PrintJobStatus, PrintJobView } from '@shared/contract/printing'
import { splitMessage } from '@shared/contract/fields'
import type { Translate } from '@shared/i18n'

export const JOB_COLOR: Record<PrintJobStatus, string> = {
  pending: 'warning',
  sending: 'processing',
  done: 'success',
  unconfirmed: 'error',
  failed: 'error'
}

/** Still moving by itself: poll until it settles. */
export const isOpen = (j: PrintJobView) => j.status === 'pending' || j.status === 'sending'
/** Sent, but nobody knows if it came out: a person confirms it or reprints it. */
export const needsLook = (j: PrintJobView) => j.status === 'unconfirmed' || j.status === 'failed'

/** Settled before any byte was sent: superseded by a void/correction, or a drawer kick too old to send. */
const NEVER_SENT = new Set(['printer.detail.superseded', 'printer.detail.drawerKickExpired'])
export const notPrinted = (j: PrintJobView) => j.status === 'done' && j.lastError !== null && NEVER_SENT.has(j.lastError)

/** lastError is an i18n key (maybe with params): translate it here, in the counter's language. */
export function jobError(job: PrintJobView, t: Translate): string | null {
  if (!job.lastError) return null
  const { key, params } = splitMessage(job.lastError)
  return t(key, params)
}
