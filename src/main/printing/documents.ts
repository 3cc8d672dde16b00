import type { OrderView } from '@shared/contract/intake'
import type { PrintKind } from '@shared/contract/printing'
import type { StoreSettings } from '@shared/contract/settings'
import { catalogueLabel, translator, type Translate } from '@shared/i18n'
import type { ReceiptDoc } from '@shared/receipt/layout'
import { buildClaimTicket, buildDeviceTag, buildTestPage, type TicketContext } from '@shared/receipt/tickets'
import { buildOldPartLabel, type OldPartLabelData } from '@shared/receipt/old-part-label'

function ticketContext(settings: StoreSettings, t: Translate, reprintNo: number): TicketContext {
  const named = (list: { code: string; name: string }[], prefix: 'category' | 'fault') => (code: string) =>
    catalogueLabel(list.find((e) => e.code === code)?.name, prefix, code, t)
  return {
    store: settings.store,
    timeZone: settings.timeZone,
    t,
    reprintNo,
    categoryName: named(settings.deviceCategories, 'category'),
    faultName: named(settings.faultCodes, 'fault'),
    ticket: settings.ticket
  }
}

/**
 * The one place that turns an order into the document for a print kind. Receipts are always in the
 * store's language, whatever language the person at the screen has chosen.
 */
export function documentFor(kind: PrintKind, order: OrderView | null, settings: StoreSettings, reprintNo: number): ReceiptDoc {
  const ctx = ticketContext(settings, translator(settings.locale), reprintNo)
  if (kind === 'testPage' || !order) return buildTestPage(ctx)
  return kind === 'claimTicket' ? buildClaimTicket(order, ctx) : buildDeviceTag(order, ctx)
}

/** An old part's label, in the store's language (see shared/receipt/old-part-label.ts). */
export function oldPartLabelDocument(label: OldPartLabelData, settings: StoreSettings, reprintNo: number): ReceiptDoc {
  return buildOldPartLabel(label, { t: translator(settings.locale), timeZone: settings.timeZone, storeName: settings.store.name, reprintNo })
}
