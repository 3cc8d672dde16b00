import type { EntityManager } from 'typeorm'
import { yearMonthCode, type PlainDate } from '@shared/domain/dates'
import { prepared } from '../db/prepared'

/**
 * Warehouse document prefixes. Numbers read PREFIX + YYMM + '-' + serial (GR2611-0003), gap-free
 * per prefix and store-local month, like order numbers.
 */
export const DOC_PREFIXES = {
  receipt: 'GR',
  requisition: 'RQ',
  transfer: 'TR',
  adjustment: 'AD',
  oldPart: 'OP',
  returnBatch: 'RB',
  stocktake: 'ST'
} as const
export type DocKind = keyof typeof DOC_PREFIXES

const NEXT_SERIAL = `INSERT INTO doc_sequence (prefix, period, lastSerial)
  VALUES (@prefix, @period, coalesce((SELECT lastSerial FROM doc_sequence WHERE prefix = @prefix AND period = @period), 0) + 1)
  ON CONFLICT(prefix, period) DO UPDATE SET lastSerial = excluded.lastSerial RETURNING lastSerial`

/** Must run inside the document's transaction: a rollback takes the serial back, so no gaps. */
export function allocateDocNo(em: EntityManager, kind: DocKind, today: PlainDate): string {
  const prefix = DOC_PREFIXES[kind]
  const period = yearMonthCode(today)
  const { lastSerial } = prepared(em, NEXT_SERIAL).get({ prefix, period }) as { lastSerial: number }
  return `${prefix}${period}-${String(lastSerial).padStart(4, '0')}`
}
