/**
 * A4 documents of the old-parts and stocktake area, as layout-model documents rendered by the
 * shared PDF renderer (printing/pdf.ts, CJK font embedded): the return batch's packing list, the
 * count sheets and the variance report. Always in the store's language.
 */
import type { RtmBatchView } from '@shared/contract/warehouse/old-parts'
import type { StocktakeLineView, VarianceReport } from '@shared/contract/warehouse/stocktake'
import type { StoreSettings } from '@shared/contract/settings'
import { formatMoney } from '@shared/domain/money'
import { localDateTime } from '@shared/domain/dates'
import { translator, type Translate } from '@shared/i18n'
import type { ReceiptBlock, ReceiptDoc } from '@shared/receipt/layout'

const text = (s: string, opts: Omit<Extract<ReceiptBlock, { kind: 'text' }>, 'kind' | 'text'> = {}): ReceiptBlock => ({ kind: 'text', text: s, ...opts })
const pair = (label: string, value: string, bold = false): ReceiptBlock => ({ kind: 'pair', label, value, bold })

function header(settings: StoreSettings, title: string): ReceiptBlock[] {
  return [text(settings.store.name, { align: 'center', bold: true }), text(title, { align: 'center', bold: true, large: true }), { kind: 'rule', style: 'double' }]
}

const doc = (title: string, blocks: ReceiptBlock[]): ReceiptDoc => ({ title, reprintNo: 0, reprintLabel: '', blocks, cut: false })

/** 旧件返厂装箱单: what goes in the parcel, to be signed by who packed it and who received it. */
export function packingListDoc(batch: RtmBatchView, settings: StoreSettings): ReceiptDoc {
  const t = translator(settings.locale)
  const tz = settings.timeZone
  const title = t('warehouse.pdf.packingList')
  const blocks: ReceiptBlock[] = [
    ...header(settings, title),
    pair(t('warehouse.rtm.batchNo'), batch.batchNo, true),
    pair(t('warehouse.rtm.maker'), batch.maker, true),
    pair(t('warehouse.rtm.status'), t(`warehouse.rtm.status.${batch.status}`)),
    pair(t('warehouse.rtm.createdAt'), localDateTime(batch.createdAt, tz)),
    pair(t('warehouse.rtm.sentDate'), batch.sent?.date ?? '—'),
    pair(t('warehouse.rtm.carrierRef'), batch.sent?.carrierRef ?? '—')
  ]
  if (batch.credited) {
    blocks.push(pair(t('warehouse.rtm.creditNoteNo'), batch.credited.creditNoteNo), pair(t('warehouse.rtm.creditAmount'), formatMoney(batch.credited.amountFen)))
  }
  if (batch.note) blocks.push(pair(t('warehouse.rtm.note'), batch.note))
  blocks.push({
    kind: 'table',
    columns: [{ weight: 0.5, align: 'right' }, { weight: 1.6 }, { weight: 1.4 }, { weight: 2 }, { weight: 1.3 }, { weight: 2.4 }, { weight: 1.5 }],
    header: ['#', t('warehouse.op.opNo'), t('warehouse.op.orderNo'), t('warehouse.op.part'), t('warehouse.op.faultCode'), t('warehouse.op.symptom'), t('warehouse.op.technician')],
    rows: batch.oldParts.map((p, i) => [String(i + 1), p.opNo, p.orderNo, p.partText, p.faultCode, p.faultSymptom, p.technician.displayName])
  })
  blocks.push(
    text(t('warehouse.pdf.totalParts', { n: batch.oldParts.length }), { bold: true }),
    { kind: 'feed', lines: 2 },
    pair(t('warehouse.pdf.packedBy'), '_'.repeat(16)),
    pair(t('warehouse.pdf.receivedBy'), '_'.repeat(16))
  )
  return doc(`${title} ${batch.batchNo}`, blocks)
}

function scopeText(t: Translate, s: { binFrom: string; binTo: string }): string {
  if (!s.binFrom && !s.binTo) return t('warehouse.st.scopeAll')
  return t('warehouse.st.scopeRange', { from: s.binFrom || '…', to: s.binTo || '…' })
}

const locationName = (t: Translate, l: string) => t(`warehouse.st.loc.${l}`)

/**
 * 盘点表: every line in bin order with an empty box for the count. Blind: the book quantity is not
 * printed, so the count is what is on the shelf, not what the book says.
 */
export function countSheetDoc(st: { stNo: string; binFrom: string; binTo: string; createdAt: string }, lines: StocktakeLineView[], settings: StoreSettings): ReceiptDoc {
  const t = translator(settings.locale)
  const title = t('warehouse.pdf.countSheet')
  return doc(`${title} ${st.stNo}`, [
    ...header(settings, title),
    pair(t('warehouse.st.stNo'), st.stNo, true),
    pair(t('warehouse.st.scope'), scopeText(t, st)),
    pair(t('warehouse.st.startedAt'), localDateTime(st.createdAt, settings.timeZone)),
    pair(t('warehouse.st.lines'), String(lines.length)),
    {
      kind: 'table',
      columns: [{ weight: 1.3 }, { weight: 1.6 }, { weight: 3.4 }, { weight: 0.7 }, { weight: 1 }, { weight: 1.4 }],
      header: [t('warehouse.st.bin'), 'SKU', t('warehouse.st.part'), t('warehouse.st.unit'), t('warehouse.st.location'), t('warehouse.st.counted')],
      rows: lines.map((l) => [l.bin || '—', l.sku, [l.name, l.spec].filter(Boolean).join(' '), l.unit, locationName(t, l.location), '________'])
    },
    { kind: 'feed', lines: 2 },
    pair(t('warehouse.pdf.countedBy'), '_'.repeat(16)),
    pair(t('warehouse.pdf.checkedBy'), '_'.repeat(16))
  ])
}

/** 盘点差异表: part, expected, book at count, counted, difference, value at average cost. */
export function varianceDoc(r: VarianceReport, settings: StoreSettings): ReceiptDoc {
  const t = translator(settings.locale)
  const st = r.stocktake
  const title = t('warehouse.pdf.variance')
  const signed = (n: number) => (n > 0 ? `+${n}` : String(n))
  const money = (fen: number) => (fen > 0 ? `+${formatMoney(fen)}` : fen < 0 ? `-${formatMoney(-fen)}` : formatMoney(0))
  const blocks: ReceiptBlock[] = [
    ...header(settings, title),
    pair(t('warehouse.st.stNo'), st.stNo, true),
    pair(t('warehouse.st.status'), t(`warehouse.st.status.${st.status}`), true),
    pair(t('warehouse.st.scope'), scopeText(t, st)),
    pair(t('warehouse.st.startedAt'), localDateTime(st.createdAt, settings.timeZone)),
    pair(t('warehouse.st.countedLines'), `${r.totals.countedLines} / ${st.lines}`),
    pair(t('warehouse.st.uncountedLines'), String(r.totals.uncountedLines))
  ]
  if (st.approved) {
    blocks.push(pair(t('warehouse.st.approvedBy'), `${st.approved.by.displayName} ${localDateTime(st.approved.at, settings.timeZone)}`))
  }
  blocks.push({
    kind: 'table',
    columns: [{ weight: 1.1 }, { weight: 3.2 }, { weight: 0.9 }, { weight: 0.9, align: 'right' }, { weight: 1, align: 'right' }, { weight: 0.9, align: 'right' }, { weight: 0.9, align: 'right' }, { weight: 1.5, align: 'right' }],
    header: [t('warehouse.st.bin'), t('warehouse.st.part'), t('warehouse.st.location'), t('warehouse.st.expected'), t('warehouse.st.bookAtCount'), t('warehouse.st.counted'), t('warehouse.st.diff'), t('warehouse.st.value')],
    rows: r.lines.map((l) => [
      l.bin || '—',
      `${l.sku} ${l.name}${l.movedDuringCount ? ` ${t('warehouse.st.movedMark')}` : ''}`,
      locationName(t, l.location),
      String(l.expectedQty),
      String(l.bookAtCount),
      String(l.countedQty),
      signed(l.diffQty),
      money(l.valueFen)
    ])
  })
  if (!r.lines.length) blocks.push(text(t('warehouse.st.noVariance'), { align: 'center' }))
  blocks.push(
    pair(t('warehouse.st.gain'), money(r.totals.gainFen)),
    pair(t('warehouse.st.loss'), r.totals.lossFen ? money(-r.totals.lossFen) : formatMoney(0)),
    pair(t('warehouse.st.net'), money(r.totals.netFen), true)
  )
  if (r.lines.some((l) => l.movedDuringCount)) blocks.push(text(t('warehouse.st.movedNote')))
  blocks.push({ kind: 'feed', lines: 2 }, pair(t('warehouse.pdf.countedBy'), '_'.repeat(16)), pair(t('warehouse.pdf.approvedSign'), '_'.repeat(16)))
  return doc(`${title} ${st.stNo}`, blocks)
}
