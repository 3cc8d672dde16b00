import type { PrintJobStatus, PrintJobView } from '@shared/contract/printing'
import { splitMessage } from '@shared/contract/fields'
import type { Translate } from '@shared/i18n'

export const JOB_COLOR: Record<PrintJobStatus, string> = {
  pending: 'warning',
  sending: 'processing',
  done: 'success',
  failed: 'error'
}

export const isOpen = (j: PrintJobView) => j.status === 'pending' || j.status === 'sending'

/** lastError is an i18n key (maybe with params): translate it here, in the counter's language. */
export function jobError(job: PrintJobView, t: Translate): string | null {
  if (!job.lastError) return null
  const { key, params } = splitMessage(job.lastError)
  return t(key, params)
}
