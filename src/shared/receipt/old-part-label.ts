/**
 * The small thermal label stuck on an old (defective) part: its number big and as a CODE128
 * barcode (scanned into a return batch), the work order, technician, part and fault. Pure: the
 * same document feeds the preview and the ESC/POS renderer.
 */
import type { Translate } from '../i18n'
import { localDateTime } from '../domain/dates'
import type { ReceiptBlock, ReceiptDoc } from './layout'

export interface OldPartLabelData {
  opNo: string
  orderNo: string
  deviceLabel: string
  technicianName: string
  partText: string
  faultSymptom: string
  faultCode: string
  createdAt: string
}

export function buildOldPartLabel(p: OldPartLabelData, ctx: { t: Translate; timeZone: string; storeName: string; reprintNo: number }): ReceiptDoc {
  const { t } = ctx
  const title = t('warehouse.label.title')
  const pair = (label: string, value: string, bold = false): ReceiptBlock => ({ kind: 'pair', label, value, bold })
  const n = Math.max(0, Math.floor(ctx.reprintNo))
  return {
    title,
    reprintNo: n,
    reprintLabel: n > 0 ? t('receipt.reprint', { n }) : '',
    blocks: [
      { kind: 'text', text: `${title} · ${ctx.storeName}`, align: 'center', bold: true },
      { kind: 'text', text: p.opNo, align: 'center', bold: true, large: true },
      pair(t('warehouse.label.order'), p.orderNo, true),
      pair(t('warehouse.label.device'), p.deviceLabel),
      pair(t('warehouse.label.part'), p.partText),
      pair(t('warehouse.label.technician'), p.technicianName),
      pair(t('warehouse.label.faultCode'), p.faultCode, true),
      pair(t('warehouse.label.symptom'), p.faultSymptom),
      pair(t('warehouse.label.date'), localDateTime(p.createdAt, ctx.timeZone)),
      { kind: 'barcode', data: p.opNo }
    ],
    cut: true
  }
}
