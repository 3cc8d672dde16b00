import { IsNull, Not, type EntityManager } from 'typeorm'
import type { StoreSettings } from '@shared/contract/settings'
import { diffDays, localDate, type PlainDate } from '@shared/domain/dates'
import { determineWarranty, type ConditionCheck, type WarrantyVerdict } from '@shared/domain/warranty'
import { WorkOrder } from './work-order.entity'

/** Days this serial already spent in repair here (closed stays: received -> returned, store-local days). */
export async function daysInRepair(em: EntityManager, serial: string, timeZone: string): Promise<number> {
  if (!serial) return 0
  const stays = await em.find(WorkOrder, { where: { serial, returnedAt: Not(IsNull()) }, select: { receivedAt: true, returnedAt: true } })
  return stays.reduce(
    (sum, s) => sum + Math.max(0, diffDays(localDate(new Date(s.receivedAt), timeZone), localDate(new Date(s.returnedAt as string), timeZone))),
    0
  )
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
    daysInRepair: await daysInRepair(em, q.serial, settings.timeZone),
    calendar: settings.calendar,
    condition: q.condition
  })
}
