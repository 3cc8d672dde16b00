import type { OrderView } from '@shared/contract/intake'
import type { PrintKind } from '@shared/contract/printing'
import type { StoreSettings } from '@shared/contract/settings'
import type { Translate } from '@shared/i18n'
import type { ReceiptDoc } from '@shared/receipt/layout'
import { buildClaimTicket, buildDeviceTag, buildTestPage, type TicketContext } from '@shared/receipt/tickets'

export function ticketContext(settings: StoreSettings, t: Translate, reprintNo: number): TicketContext {
  const named = (list: { code: string; name: string }[], prefix: string) => (code: string) =>
    list.find((e) => e.code === code)?.name || t(`${prefix}.${code}`)
  return {
    store: settings.store,
    timeZone: settings.timeZone,
    t,
    reprintNo,
    categoryName: named(settings.deviceCategories, 'category'),
    faultName: named(settings.faultCodes, 'fault')
  }
}

/** The one place that turns an order into the document for a print kind. */
export function documentFor(kind: PrintKind, order: OrderView | null, settings: StoreSettings, t: Translate, reprintNo: number): ReceiptDoc {
  const ctx = ticketContext(settings, t, reprintNo)
  if (kind === 'testPage' || !order) return buildTestPage(ctx)
  return kind === 'claimTicket' ? buildClaimTicket(order, ctx) : buildDeviceTag(order, ctx)
}
