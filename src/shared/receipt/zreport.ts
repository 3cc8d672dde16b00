/**
 * The Z report (日报表) of a closed day as sections and layout-model documents, from its frozen
 * snapshot only, so every reprint, export and screen shows the same figures: the A4 layout (rendered
 * by printing/pdf.ts), the short thermal summary (the print queue), and the sections the screen, the
 * xlsx (one sheet each) and the CSV are made of. Pure: used by main and the renderer.
 */
import type { ZReport } from '../contract/dayclose'
import type { StoreSettings } from '../contract/settings'
import { formatMoney, formatYuan } from '../domain/money'
import { localDateTime } from '../domain/dates'
import { translator, type Translate } from '../i18n'
import type { ReceiptBlock, ReceiptDoc } from './layout'

const text = (s: string, opts: Omit<Extract<ReceiptBlock, { kind: 'text' }>, 'kind' | 'text'> = {}): ReceiptBlock => ({ kind: 'text', text: s, ...opts })
const pair = (label: string, value: string, bold = false): ReceiptBlock => ({ kind: 'pair', label, value, bold })
const yuan = (fen: number) => formatMoney(fen)
const signed = (fen: number) => (fen > 0 ? `+${formatMoney(fen)}` : fen < 0 ? `-${formatMoney(-fen)}` : formatMoney(fen))

/** An amount of money in a section: text everywhere ("12.50"), a number only in xlsx. */
export interface ZMoney {
  fen: number
}
/** A cell: typed text (names, notes, reasons — always kept as text), a count, or money. */
export type ZCell = string | number | ZMoney

const money = (fen: number): ZMoney => ({ fen })
export const isMoney = (c: ZCell): c is ZMoney => typeof c === 'object'
/** What PDF, thermal, screen and CSV show for a cell. */
export const cellText = (c: ZCell): string | number => (isMoney(c) ? formatYuan(c.fen) : c)

/** A section: a title and a table (header + rows); the same for PDF, xlsx and CSV. */
export interface ZSection {
  key: string
  title: string
  header: string[]
  rows: ZCell[][]
}

export function zSections(r: ZReport, t: Translate, tz: string): ZSection[] {
  const m = (method: string) => t(`payment.${method}`)
  return [
    {
      key: 'summary',
      title: t('dayclose.z.summary'),
      header: [t('dayclose.z.item'), t('dayclose.z.value')],
      rows: [
        [t('dayclose.z.received'), r.orders.received],
        [t('dayclose.z.finished'), r.orders.finished],
        [t('dayclose.z.pickedUp'), r.orders.pickedUp],
        [t('dayclose.z.cancelled'), r.orders.cancelled],
        [t('dayclose.z.inShop'), r.inShopCount],
        [t('dayclose.z.overdue'), r.overdueCount],
        [t('dayclose.z.uncollected'), r.uncollected.length],
        [t('dayclose.z.depositsHeld'), money(r.depositsHeldFen)]
      ]
    },
    {
      key: 'money',
      title: t('dayclose.z.money'),
      header: [t('dayclose.z.method'), t('dayclose.z.receivedFen'), t('dayclose.z.refundsFen'), t('dayclose.z.movesFen'), t('dayclose.z.expected'), t('dayclose.z.counted'), t('dayclose.z.diff')],
      rows: r.money.map((x) => [m(x.method), money(x.receivedFen), money(x.refundsFen), money(x.movesFen), money(x.expectedFen), money(x.countedFen), money(x.diffFen)])
    },
    {
      key: 'cash',
      title: t('dayclose.z.cash'),
      header: [t('dayclose.z.item'), t('dayclose.z.value')],
      rows: [
        [t('dayclose.z.float'), money(r.cash.floatFen)],
        [t('dayclose.z.cashPayments'), money(r.cash.paymentsFen)],
        [t('dayclose.z.cashIn'), money(r.cash.inFen)],
        [t('dayclose.z.cashOut'), money(r.cash.outFen)],
        [t('dayclose.z.adjustments'), money(r.cash.adjustmentsFen)],
        [t('dayclose.z.expected'), money(r.cash.expectedFen)],
        [t('dayclose.z.counted'), money(r.cash.countedFen)],
        [t('dayclose.z.overShort'), money(r.cash.overShortFen)],
        [t('dayclose.z.note'), r.cash.note],
        ...r.cash.counts.map((c) => [`¥${formatYuan(c.denomFen).replace(/\.00$/, '')} × `, c.count] as ZCell[])
      ]
    },
    {
      key: 'refunds',
      title: t('dayclose.z.refunds'),
      header: [t('dayclose.z.orderNo'), t('dayclose.z.method'), t('dayclose.z.amount'), t('dayclose.z.kind'), t('dayclose.z.time')],
      rows: r.refunds.map((x) => [x.orderNo, m(x.method), money(x.amountFen), x.loaner ? t('dayclose.z.loanerDeposit') : t('dayclose.z.repair'), localDateTime(x.at, tz)])
    },
    {
      key: 'discounts',
      title: t('dayclose.z.discounts'),
      header: [t('dayclose.z.orderNo'), t('dayclose.z.amount'), t('dayclose.z.reason'), t('dayclose.z.approvedBy')],
      rows: r.discounts.map((x) => [x.orderNo, money(x.discountFen), x.reason, x.approvedBy])
    },
    {
      key: 'parts',
      title: t('dayclose.z.parts'),
      header: [t('dayclose.z.item'), t('dayclose.z.qty'), t('dayclose.z.amount')],
      rows: [
        [t('dayclose.z.partsIssued'), r.parts.issuedQty, money(r.parts.issuedFen)],
        [t('dayclose.z.partsReturned'), r.parts.returnedQty, money(r.parts.returnedFen)],
        [t('dayclose.z.goodsReceived'), r.parts.receivedQty, money(r.parts.receivedFen)]
      ]
    },
    {
      key: 'technicians',
      title: t('dayclose.z.technicians'),
      header: [t('dayclose.z.technician'), t('dayclose.z.ordersTouched'), t('dayclose.z.labourMinutes'), t('dayclose.z.labourFen'), t('dayclose.z.qcPassed'), t('dayclose.z.qcFailed')],
      rows: r.technicians.map((x) => [x.name, x.ordersTouched, x.labourMinutes, money(x.labourFen), x.qcPassed, x.qcFailed])
    },
    {
      key: 'inShop',
      title: t('dayclose.z.inShopList'),
      header: [t('dayclose.z.orderNo'), t('dayclose.z.device'), t('dayclose.z.customer'), t('dayclose.z.status'), t('dayclose.z.receivedAt'), t('dayclose.z.ageDays'), t('dayclose.z.overdue')],
      rows: r.inShop.map((x) => [x.orderNo, x.device, x.customer, t(`status.${x.status}`), localDateTime(x.receivedAt, tz), x.ageDays, x.overdue ? t('dayclose.z.yes') : ''])
    },
    {
      key: 'uncollected',
      title: t('dayclose.z.uncollectedList'),
      header: [t('dayclose.z.orderNo'), t('dayclose.z.device'), t('dayclose.z.customer'), t('dayclose.z.readyAt'), t('dayclose.z.notices')],
      rows: r.uncollected.map((x) => [x.orderNo, x.device, x.customer, localDateTime(x.readyAt, tz), x.notices])
    },
    {
      key: 'adjustments',
      title: t('dayclose.z.adjustmentList'),
      header: [t('dayclose.z.closedDayRef'), t('dayclose.z.method'), t('dayclose.z.amount'), t('dayclose.z.reason')],
      rows: r.adjustments.map((x) => [x.closedDayRef, m(x.method), money(x.amountFen), x.reason])
    }
  ]
}

function head(r: ZReport, t: Translate, tz: string): ReceiptBlock[] {
  return [
    text(r.store, { align: 'center', bold: true }),
    text(`${t('dayclose.z.title')} ${r.day}`, { align: 'center', bold: true, large: true }),
    { kind: 'rule', style: 'double' },
    pair(t('dayclose.z.closedAt'), localDateTime(r.closedAt, tz)),
    pair(t('dayclose.z.closedBy'), r.approvedBy && r.approvedBy !== r.closedBy ? `${r.closedBy} / ${r.approvedBy}` : r.closedBy)
  ]
}

/** The A4 daily report: every section as a table. */
export function zReportA4(r: ZReport, settings: StoreSettings): ReceiptDoc {
  const t = translator(settings.locale)
  const tz = settings.timeZone
  const blocks: ReceiptBlock[] = head(r, t, tz)
  for (const s of zSections(r, t, tz)) {
    blocks.push({ kind: 'feed', lines: 1 }, text(s.title, { bold: true }))
    if (!s.rows.length) blocks.push(text(t('dayclose.z.none')))
    else blocks.push({ kind: 'table', columns: s.header.map((_, i) => ({ weight: i === 0 ? 2 : 1.2, align: i === 0 ? 'left' : 'right' })), header: s.header, rows: s.rows.map((row) => row.map((c) => String(cellText(c)))) })
  }
  return { title: `${t('dayclose.z.title')} ${r.day}`, reprintNo: 0, reprintLabel: '', blocks, cut: false }
}

/** The short thermal summary: orders, money by method, cash over/short, deposits held, parts. */
export function zReportThermal(r: ZReport, settings: StoreSettings): ReceiptDoc {
  const t = translator(settings.locale)
  const tz = settings.timeZone
  const blocks: ReceiptBlock[] = [
    ...head(r, t, tz),
    pair(t('dayclose.z.received'), String(r.orders.received)),
    pair(t('dayclose.z.finished'), String(r.orders.finished)),
    pair(t('dayclose.z.pickedUp'), String(r.orders.pickedUp)),
    pair(t('dayclose.z.cancelled'), String(r.orders.cancelled)),
    pair(t('dayclose.z.inShop'), `${r.inShopCount} (${t('dayclose.z.overdue')} ${r.overdueCount})`),
    { kind: 'rule' },
    {
      kind: 'table',
      columns: [{ weight: 2 }, { weight: 2, align: 'right' }, { weight: 2, align: 'right' }],
      header: [t('dayclose.z.method'), t('dayclose.z.expected'), t('dayclose.z.counted')],
      rows: r.money.map((x) => [t(`payment.${x.method}`), formatYuan(x.expectedFen), formatYuan(x.countedFen)])
    },
    { kind: 'rule' },
    pair(t('dayclose.z.refunds'), yuan(r.refunds.reduce((a, x) => a + x.amountFen, 0))),
    pair(t('dayclose.z.discounts'), yuan(r.discounts.reduce((a, x) => a + x.discountFen, 0))),
    pair(t('dayclose.z.depositsHeld'), yuan(r.depositsHeldFen)),
    pair(t('dayclose.z.overShort'), signed(r.cash.overShortFen), true),
    ...(r.cash.note ? [pair(t('dayclose.z.note'), r.cash.note)] : []),
    pair(t('dayclose.z.partsIssued'), `${r.parts.issuedQty} / ${yuan(r.parts.issuedFen)}`),
    pair(t('dayclose.z.goodsReceived'), `${r.parts.receivedQty} / ${yuan(r.parts.receivedFen)}`),
    { kind: 'feed', lines: 2 }
  ]
  return { title: `${t('dayclose.z.title')} ${r.day}`, reprintNo: 0, reprintLabel: '', blocks, cut: true }
}
