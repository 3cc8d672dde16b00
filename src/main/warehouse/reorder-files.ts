import { stringify } from 'csv-stringify/sync'
import ExcelJS from 'exceljs'
import type { ReorderLine } from '@shared/contract/warehouse/catalogue'
import type { Translate } from '@shared/i18n'
import { formatYuan } from '@shared/domain/money'
import { renderTablePdf } from './reorder-pdf'

export interface ReportHead {
  title: string
  store: string
  printedAt: string
  t: Translate
}

const COLUMNS = ['sku', 'name', 'spec', 'unit', 'bin', 'minStock', 'onHand', 'suggestedQty', 'avgCost', 'suggestedValue'] as const

function header(t: Translate): string[] {
  return COLUMNS.map((c) => t(`warehouse.reorder.col.${c}`))
}

/** Quantities as numbers, money as yuan with two decimals (what a spreadsheet user expects). */
function cells(l: ReorderLine): (string | number)[] {
  return [l.sku, l.name, l.spec, l.unit, l.bin, l.minStock, l.onHand, l.suggestedQty, formatYuan(l.avgCostFen), formatYuan(l.suggestedValueFen)]
}

/** UTF-8 with BOM, so Excel on a Chinese Windows opens it as UTF-8. */
export async function reorderCsv(lines: ReorderLine[], head: ReportHead): Promise<Buffer> {
  const text = stringify([header(head.t), ...lines.map(cells)], { record_delimiter: '\r\n' })
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])
}

export async function reorderXlsx(lines: ReorderLine[], head: ReportHead): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.created = new Date(0)
  const ws = wb.addWorksheet(head.title.slice(0, 31))
  ws.addRow([head.title, head.store, head.printedAt])
  const h = ws.addRow(header(head.t))
  h.font = { bold: true }
  for (const l of lines) {
    ws.addRow([l.sku, l.name, l.spec, l.unit, l.bin, l.minStock, l.onHand, l.suggestedQty, l.avgCostFen / 100, l.suggestedValueFen / 100])
  }
  for (const col of [9, 10]) ws.getColumn(col).numFmt = '0.00'
  const widths = [14, 24, 18, 6, 10, 8, 8, 8, 10, 12]
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w))
  ws.views = [{ state: 'frozen', ySplit: 2 }]
  return Buffer.from(await wb.xlsx.writeBuffer())
}

export async function reorderPdf(lines: ReorderLine[], head: ReportHead, fontPath: string): Promise<Buffer> {
  const t = head.t
  const total = lines.reduce((a, l) => a + l.suggestedValueFen, 0)
  return renderTablePdf(
    {
      title: head.title,
      subtitle: [head.store, `${t('warehouse.report.printedAt')} ${head.printedAt}`].filter(Boolean).join('  ·  '),
      columns: [
        { label: t('warehouse.reorder.col.sku'), width: 64 },
        { label: t('warehouse.reorder.col.name'), width: '*' },
        { label: t('warehouse.reorder.col.bin'), width: 44 },
        { label: t('warehouse.reorder.col.minStock'), width: 26, align: 'right' },
        { label: t('warehouse.reorder.col.onHand'), width: 28, align: 'right' },
        { label: t('warehouse.reorder.col.suggestedQty'), width: 44, align: 'right' },
        { label: t('warehouse.reorder.col.avgCost'), width: 44, align: 'right' },
        { label: t('warehouse.reorder.col.suggestedValue'), width: 50, align: 'right' }
      ],
      rows: lines.map((l) => [
        l.sku,
        [l.name, l.spec].filter(Boolean).join(' '),
        l.bin,
        String(l.minStock),
        String(l.onHand),
        `${l.suggestedQty} ${l.unit}`,
        formatYuan(l.avgCostFen),
        formatYuan(l.suggestedValueFen)
      ]),
      empty: t('warehouse.reorder.none'),
      footer: `${t('warehouse.reorder.totalLines', { n: lines.length })}  ·  ${t('warehouse.reorder.totalValue')} ${formatYuan(total)}`,
      rule: t('warehouse.reorder.rule')
    },
    fontPath
  )
}
