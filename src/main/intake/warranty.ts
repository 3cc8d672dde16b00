import type { EntityManager } from 'typeorm'
import type { StoreSettings } from '@shared/contract/settings'
import { diffDays, localDate, type PlainDate } from '@shared/domain/dates'
import { determineWarranty, type ConditionCheck, type WarrantyVerdict } from '@shared/domain/warranty'
import { prepared } from '../db/prepared'

/**
 * Days this serial already spent in repair here since it was bought (closed stays, received ->
 * returned, in store-local days). Stays before the invoice date belonged to an earlier owner.
 */
// Served by the serial index (test/schema/query-plans.test.ts checks its plan).
const CLOSED_STAYS = `SELECT receivedAt, returnedAt FROM work_order WHERE serial = ? AND returnedAt IS NOT NULL`

export async function daysInRepair(em: EntityManager, serial: string, timeZone: string, invoiceDate: PlainDate | null): Promise<number> {
  if (!serial || !invoiceDate) return 0
  const stays = prepared(em, CLOSED_STAYS).all(serial) as { receivedAt: string; returnedAt: string }[]
  return stays
    .map((s) => ({ from: localDate(new Date(s.receivedAt), timeZone), to: localDate(new Date(s.returnedAt), timeZone) }))
    .filter((s) => s.from >= invoiceDate)
    .reduce((sum, s) => sum + Math.max(0, diffDays(s.from, s.to)), 0)
}

export async function warrantyVerdict(
  em: EntityManager,
  settings: StoreSettings,
  now: Date,
  q: { category: string; component: string; serial: string; invoiceDate: PlainDate | null; condition: ConditionCheck }
): Promise<WarrantyVerdict> {
  return determineWarranty({
    policy: settings.warrantyPolicy,
    category: q.category,
    component: q.component,
    invoiceDate: q.invoiceDate,
    today: localDate(now, settings.timeZone),
    daysInRepair: await daysInRepair(em, q.serial, settings.timeZone, q.invoiceDate),
    calendar: settings.calendar,
    condition: q.condition
  })
}
