/**
 * Builds the printed documents of an intake (claim ticket, device tag) and the printer test page
 * as layout-model documents. Pure: the same doc feeds the screen preview, ESC/POS and the PDF.
 */
import type { OrderView } from '../contract/intake'
import type { StoreSettings, TicketSettings } from '../contract/settings'
import type { Translate } from '../i18n'
import { formatMoney } from '../domain/money'
import { localDateTime } from '../domain/dates'
import type { ReceiptBlock, ReceiptDoc } from './layout'

export interface TicketContext {
  store: StoreSettings['store']
  timeZone: string
  t: Translate
  /** 0 = original print; n = n-th reprint. */
  reprintNo: number
  /** Display name of a device category code (custom catalogue entries have their own names). */
  categoryName(code: string): string
  faultName(code: string): string
  /** The store's repair warranty and terms (Settings → Ticket). */
  ticket: TicketSettings
}

/** The service manual's repair warranty: the default until the store sets its own (Settings → Ticket). */
export const REPAIR_WARRANTY_MONTHS = 3

/** 13812345678 -> 138****5678; shorter numbers keep only their last digits visible. */
export function maskMobile(mobile: string): string {
  const s = mobile.trim()
  if (s.length > 7) return s.slice(0, 3) + '*'.repeat(s.length - 7) + s.slice(-4)
  if (s.length > 2) return '*'.repeat(s.length - 2) + s.slice(-2)
  return s
}

/** Payload of the pickup QR code; the counter scans it to find the order and check the code. */
export function claimQrData(order: Pick<OrderView, 'orderNo' | 'claimCode'>): string {
  return `RO|${order.orderNo}|${order.claimCode}`
}

const CONDITION_ITEMS = ['screenCracked', 'scratchesDents', 'waterDamage', 'sealsIntact', 'powersOn'] as const

const text = (s: string, opts: Omit<Extract<ReceiptBlock, { kind: 'text' }>, 'kind' | 'text'> = {}): ReceiptBlock => ({
  kind: 'text',
  text: s,
  ...opts
})
const pair = (label: string, value: string, bold = false): ReceiptBlock => ({ kind: 'pair', label, value, bold })
const rule = (style: 'single' | 'double' = 'single'): ReceiptBlock => ({ kind: 'rule', style })
const section = (title: string): ReceiptBlock[] => [rule(), text(title, { bold: true })]

/** A copy after a correction says so: the customer's older ticket shows other details. */
function reprint(ctx: TicketContext, order?: OrderView): Pick<ReceiptDoc, 'reprintNo' | 'reprintLabel'> {
  const n = Math.max(0, Math.floor(ctx.reprintNo))
  if (n === 0) return { reprintNo: 0, reprintLabel: '' }
  return { reprintNo: n, reprintLabel: ctx.t(order?.correctedAt ? 'receipt.correctedReprint' : 'receipt.reprint', { n }) }
}

/** 作废 / 更正 under the title. */
function statusMarks(order: OrderView, ctx: TicketContext): ReceiptBlock[] {
  const marks: ReceiptBlock[] = []
  if (order.status === 'void') marks.push(text(`【${ctx.t('receipt.void')}】`, { align: 'center', bold: true, large: true }))
  // A numbered copy already says 更正 in its banner; an unnumbered first print needs the mark here.
  if (order.correctedAt && ctx.reprintNo === 0) marks.push(text(`【${ctx.t('receipt.corrected')}】`, { align: 'center', bold: true }))
  return marks
}

/** "IMEI 待补" while the IMEI could not be read yet. */
function serialText(order: OrderView, ctx: TicketContext): string {
  if (order.device.imeiPending) return ctx.t('receipt.imeiPending')
  return order.device.serial || ctx.t('word.none')
}

function termsBlocks(ctx: TicketContext): ReceiptBlock[] {
  const { t } = ctx
  const { repairWarrantyMonths: months, terms } = ctx.ticket
  const own = terms.split('\n').map((line) => line.trim()).filter(Boolean)
  if (!own.length) {
    return [
      text(t('receipt.terms.bringTicket')),
      text(t('receipt.terms.uncollected')),
      text(months > 0 ? t('receipt.terms.repairWarranty', { months }) : t('receipt.terms.repairWarrantyNone'))
    ]
  }
  return [...own.map((line) => text(line)), text(months > 0 ? t('receipt.terms.repairWarrantyPlain', { months }) : t('receipt.terms.repairWarrantyNone'))]
}

/** The customer signs that the condition and accessories listed are right. */
function signatureBlocks(ctx: TicketContext): ReceiptBlock[] {
  // Two pairs: one row on A4 (the page stays one page), two lines with room to sign on thermal
  return [text(ctx.t('receipt.signature')), pair(ctx.t('receipt.signatureName'), '_'.repeat(16)), pair(ctx.t('receipt.signatureDate'), '_'.repeat(12))]
}

function storeHeader(ctx: TicketContext): ReceiptBlock[] {
  const { store, t } = ctx
  const out = [text(store.name, { align: 'center', bold: true })]
  if (store.address) out.push(text(store.address, { align: 'center' }))
  if (store.phone) out.push(text(t('receipt.phone', { phone: store.phone }), { align: 'center' }))
  return out
}

function list(items: string[], ctx: TicketContext): string {
  return items.length ? items.join(ctx.t('receipt.listSep')) : ctx.t('word.none')
}

function accessoryNames(order: OrderView, ctx: TicketContext): string[] {
  const names = order.accessories.items.map((a) => ctx.t(`accessory.${a}`))
  if (order.accessories.other) names.push(order.accessories.other)
  return names
}

/** Only what was found (for the short device tag); the claim ticket lists every item. */
function conditionFindings(order: OrderView, ctx: TicketContext): string[] {
  const c = order.condition
  const found: string[] = []
  if (c.screenCracked) found.push(ctx.t('condition.screenCracked'))
  if (c.scratchesDents) found.push(ctx.t('condition.scratchesDents'))
  if (c.waterDamage) found.push(ctx.t('condition.waterDamage'))
  if (!c.sealsIntact) found.push(ctx.t('condition.sealBroken'))
  if (!c.powersOn) found.push(ctx.t('condition.noPower'))
  if (c.other) found.push(c.other)
  return found
}

function verdictLabel(order: OrderView, ctx: TicketContext): string {
  return ctx.t(order.warranty.finalInWarranty ? 'warranty.in' : 'warranty.out')
}

function warrantyBlocks(order: OrderView, ctx: TicketContext): ReceiptBlock[] {
  const { t } = ctx
  const w = order.warranty
  // Reason params carry codes; the component is shown by its name
  const params = { ...w.reasonParams }
  if (typeof params.component === 'string') params.component = t(`component.${params.component}`)
  const out: ReceiptBlock[] = [
    ...section(t('receipt.section.warranty')),
    pair(t('receipt.warranty.component'), t(`component.${w.component}`)),
    pair(t('receipt.warranty.verdict'), verdictLabel(order, ctx), true),
    text(t(w.reasonKey, params))
  ]
  if (w.daysInRepair > 0) out.push(text(t('warranty.extended', { days: w.daysInRepair })))
  if (w.movedForHoliday && w.lastDay) out.push(text(t('warranty.holidayMoved', { lastDay: w.lastDay })))
  if (w.override) out.push(text(t('warranty.overridden', { reason: w.override.reason }), { bold: true }))
  return out
}

function serviceBlocks(order: OrderView, ctx: TicketContext): ReceiptBlock[] {
  const { t } = ctx
  const s = order.service
  const deposit = s.depositMethod
    ? t('receipt.service.depositWith', { amount: formatMoney(s.depositFen), method: t(`payment.${s.depositMethod}`) })
    : formatMoney(s.depositFen)
  const out: ReceiptBlock[] = [
    ...section(t('receipt.section.service')),
    pair(t('receipt.service.type'), t(`service.${s.type}`)),
    pair(t('receipt.service.estimate'), formatMoney(s.estimateFen)),
    pair(t('receipt.service.deposit'), deposit),
    pair(t('receipt.service.promised'), s.promisedDate, true)
  ]
  if (s.technician) out.push(pair(t('receipt.service.technician'), s.technician.displayName))
  return out
}

/** A loaner (备用机) lent on this order: it must come back before the device is handed over. */
function loanerBlocks(l: NonNullable<OrderView['loaner']>, ctx: TicketContext): ReceiptBlock[] {
  const { t } = ctx
  const out = [...section(t('receipt.section.loaner')), pair(t('receipt.loaner.device'), `${l.code} ${l.device}`, true)]
  if (l.serial) out.push(pair(t('receipt.device.serial'), l.serial))
  out.push(pair(t('receipt.loaner.deposit'), formatMoney(l.depositFen)), pair(t('receipt.loaner.due'), l.dueDate), text(t('receipt.loaner.returnFirst')))
  return out
}

/** The customer's 取机凭证: everything agreed at the counter, so there is no dispute at pickup. */
export function buildClaimTicket(order: OrderView, ctx: TicketContext): ReceiptDoc {
  const { t } = ctx
  const d = order.device
  const c = order.condition
  const title = t('receipt.claimTicket.title')
  const blocks: ReceiptBlock[] = [
    ...storeHeader(ctx),
    rule('double'),
    text(title, { align: 'center', bold: true, large: true }),
    ...statusMarks(order, ctx),
    text(t('receipt.orderNo'), { align: 'center' }),
    text(order.orderNo, { align: 'center', bold: true, large: true }),
    text(t('receipt.claimCode'), { align: 'center' }),
    text(order.claimCode, { align: 'center', bold: true, large: true }),
    pair(t('receipt.receivedAt'), localDateTime(order.receivedAt, ctx.timeZone)),
    ...section(t('receipt.section.customer')),
    pair(t('receipt.customer.name'), order.customer.name),
    pair(t('receipt.customer.mobile'), maskMobile(order.customer.mobile)),
    ...section(t('receipt.section.device')),
    pair(t('receipt.device.category'), ctx.categoryName(d.category)),
    pair(t('receipt.device.brand'), d.brand),
    pair(t('receipt.device.model'), d.model),
    pair(t('receipt.device.serial'), serialText(order, ctx))
  ]
  if (d.colour) blocks.push(pair(t('receipt.device.colour'), d.colour))

  blocks.push(...section(t('receipt.section.condition')))
  for (const item of CONDITION_ITEMS) blocks.push(pair(t(`condition.${item}`), t(c[item] ? 'word.yes' : 'word.no')))
  blocks.push(pair(t('condition.other'), c.other || t('word.none')))

  blocks.push(...section(t('receipt.section.accessories')), text(list(accessoryNames(order, ctx), ctx)))

  blocks.push(...section(t('receipt.section.fault')), text(order.fault.description))
  if (order.fault.codes.length) {
    blocks.push(pair(t('receipt.fault.codes'), list(order.fault.codes.map(ctx.faultName), ctx)))
  }

  blocks.push(...warrantyBlocks(order, ctx), ...serviceBlocks(order, ctx))
  if (order.loaner) blocks.push(...loanerBlocks(order.loaner, ctx))

  blocks.push(
    ...section(t('receipt.section.terms')),
    ...termsBlocks(ctx),
    ...signatureBlocks(ctx)
  )
  if (ctx.store.receiptFooter) blocks.push(rule(), text(ctx.store.receiptFooter, { align: 'center' }))
  blocks.push(
    rule('double'),
    { kind: 'qr', data: claimQrData(order), caption: t('receipt.qrCaption') },
    { kind: 'barcode', data: order.orderNo }
  )
  return { title, ...reprint(ctx, order), blocks, cut: true }
}

/** 修护卡: a short tag that travels with the device through the workshop. */
export function buildDeviceTag(order: OrderView, ctx: TicketContext): ReceiptDoc {
  const { t } = ctx
  const d = order.device
  const title = t('receipt.deviceTag.title')
  const blocks: ReceiptBlock[] = [
    text(title, { align: 'center', bold: true }),
    ...statusMarks(order, ctx),
    text(order.orderNo, { align: 'center', bold: true, large: true }),
    // No claim code here: the tag travels with the device, the code releases it.
    pair(t('receipt.receivedDate'), localDateTime(order.receivedAt, ctx.timeZone).slice(0, 10)),
    pair(t('receipt.tag.customer'), `${order.customer.name} ${maskMobile(order.customer.mobile)}`),
    pair(t('receipt.tag.device'), `${d.brand} ${d.model}`),
    pair(t('receipt.device.serial'), serialText(order, ctx)),
    // The technician works from the tag: the fault codes and the clerk's whole description.
    ...(order.fault.codes.length ? [pair(t('receipt.tag.fault'), list(order.fault.codes.map(ctx.faultName), ctx))] : []),
    text(t('receipt.tag.faultDescription'), { bold: true }),
    text(order.fault.description),
    pair(t('receipt.tag.condition'), list(conditionFindings(order, ctx), ctx)),
    pair(t('receipt.tag.accessories'), list(accessoryNames(order, ctx), ctx)),
    pair(t('receipt.service.promised'), order.service.promisedDate, true),
    pair(t('receipt.tag.service'), `${t(`service.${order.service.type}`)} / ${verdictLabel(order, ctx)}`),
    { kind: 'barcode', data: order.orderNo }
  ]
  return { title, ...reprint(ctx, order), blocks, cut: true }
}

/** Shows at a glance whether Chinese, ¥, alignment, QR, barcode and cutting work. */
export function buildTestPage(ctx: TicketContext): ReceiptDoc {
  const { t } = ctx
  const title = t('receipt.testPage.title')
  const blocks: ReceiptBlock[] = [
    ...storeHeader(ctx),
    rule('double'),
    text(title, { align: 'center', bold: true, large: true }),
    text(t('receipt.test.body')),
    rule(),
    text(t('receipt.test.sample'), { bold: true }),
    pair(t('receipt.test.amount'), formatMoney(12_345)),
    {
      kind: 'table',
      columns: [{ weight: 2 }, { weight: 1, align: 'right' }],
      header: [t('receipt.service.type'), t('receipt.service.estimate')],
      rows: [
        [t('service.paid'), formatMoney(38_000)],
        [t('service.warranty'), formatMoney(0)]
      ]
    },
    text(t('receipt.test.width')),
    rule('double'),
    { kind: 'qr', data: 'RO|TEST|000000', caption: 'RO|TEST|000000' },
    { kind: 'barcode', data: 'TEST-0001' }
  ]
  return { title, ...reprint({ ...ctx, reprintNo: 0 }), blocks, cut: true }
}
