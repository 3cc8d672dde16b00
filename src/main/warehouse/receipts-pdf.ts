/**
 * 接收单: the goods receipt as an A4 document in the layout model, rendered by the shared PDF
 * renderer (printing/pdf.ts, CJK font embedded). Always in the store's language.
 */
import type { ReceiptView } from '@shared/contract/warehouse/moves'
import type { StoreSettings } from '@shared/contract/settings'
import { formatMoney } from '@shared/domain/money'
import { localDateTime } from '@shared/domain/dates'
import { translator } from '@shared/i18n'
import type { ReceiptBlock, ReceiptDoc } from '@shared/receipt/layout'

export function goodsReceiptDoc(r: ReceiptView, settings: StoreSettings): ReceiptDoc {
  const t = translator(settings.locale)
  const title = t('warehouse.pdf.goodsReceipt')
  const pair = (label: string, value: string, bold = false): ReceiptBlock => ({ kind: 'pair', label, value, bold })
  const delivered = r.lineViews.reduce((s, l) => s + l.deliveredQty, 0)
  const accepted = r.lineViews.reduce((s, l) => s + l.acceptedQty, 0)
  const rejected = r.lineViews.filter((l) => l.rejectedQty > 0)
  const blocks: ReceiptBlock[] = [
    { kind: 'text', text: settings.store.name, align: 'center', bold: true },
    { kind: 'text', text: title, align: 'center', bold: true, large: true },
    { kind: 'rule', style: 'double' },
    pair(t('warehouse.receipt.no'), r.receiptNo, true),
    pair(t('warehouse.receipt.at'), localDateTime(r.at, settings.timeZone)),
    pair(t('warehouse.receipt.supplier'), r.supplier, true),
    pair(t('warehouse.receipt.supplierDocNo'), r.supplierDocNo),
    pair(t('warehouse.receipt.receivedBy'), r.user.displayName),
    pair(t('warehouse.receipt.acceptedFen'), formatMoney(r.acceptedFen), true)
  ]
  if (r.note) blocks.push(pair(t('warehouse.receipt.note'), r.note))
  blocks.push({
    kind: 'table',
    columns: [
      { weight: 0.4, align: 'right' },
      { weight: 1.5 },
      { weight: 2.6 },
      { weight: 0.8, align: 'right' },
      { weight: 0.8, align: 'right' },
      { weight: 0.8, align: 'right' },
      { weight: 1.1, align: 'right' },
      { weight: 1.3, align: 'right' }
    ],
    header: [
      '#',
      t('warehouse.receipt.sku'),
      t('warehouse.receipt.part'),
      t('warehouse.receipt.delivered'),
      t('warehouse.receipt.accepted'),
      t('warehouse.receipt.rejected'),
      t('warehouse.receipt.unitCost'),
      t('warehouse.receipt.lineValue')
    ],
    rows: r.lineViews.map((l, i) => [
      String(i + 1),
      l.part.sku,
      [l.part.name, l.part.spec].filter(Boolean).join(' '),
      `${l.deliveredQty}`,
      `${l.acceptedQty}`,
      `${l.rejectedQty}`,
      formatMoney(l.unitCostFen),
      formatMoney(l.acceptedFen)
    ])
  })
  blocks.push({ kind: 'text', text: t('warehouse.pdf.receiptTotals', { lines: r.lineViews.length, delivered, accepted, rejected: delivered - accepted }), bold: true })
  if (rejected.length) {
    blocks.push({ kind: 'text', text: t('warehouse.pdf.rejectedTitle'), bold: true })
    blocks.push({
      kind: 'table',
      columns: [{ weight: 1.5 }, { weight: 2.6 }, { weight: 0.8, align: 'right' }, { weight: 4 }],
      header: [t('warehouse.receipt.sku'), t('warehouse.receipt.part'), t('warehouse.receipt.rejected'), t('warehouse.receipt.rejectReason')],
      rows: rejected.map((l) => [l.part.sku, l.part.name, `${l.rejectedQty}`, l.rejectReason])
    })
  }
  blocks.push(
    { kind: 'feed', lines: 2 },
    pair(t('warehouse.pdf.deliveredBy'), '_'.repeat(16)),
    pair(t('warehouse.pdf.receiptCheckedBy'), '_'.repeat(16))
  )
  return { title: `${title} ${r.receiptNo}`, reprintNo: 0, reprintLabel: '', blocks, cut: false }
}
