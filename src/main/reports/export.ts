import ExcelJS from 'exceljs'
import { type FollowupRate, type RangeReport, type ReportTable } from '@shared/contract/reports'
import type { Translate } from '@shared/i18n'

export interface ReportHead {
  store: string
  printedAt: string
  t: Translate
}

type Cell = string | number | null
interface Sheet {
  columns: { label: string; width: number; fmt?: string }[]
  rows: Cell[][]
}

const MONEY = '0.00'
const PERCENT = '0.0%'
const yuan = (fen: number) => fen / 100

/** The rows of one table, exactly as the screen's table shows them (money in yuan, rates as fractions). */
function sheetOf(r: RangeReport, table: ReportTable, t: Translate): Sheet {
  const col = (key: string, width: number, fmt?: string) => ({ label: t(`reports.col.${key}`), width, fmt })
  switch (table) {
    case 'serviceTypes':
      return {
        columns: [col('serviceType', 18), col('received', 10), col('pickedUp', 10), col('revenue', 14, MONEY)],
        rows: [
          ...r.serviceTypes.map((s) => [t(`service.${s.serviceType}`), s.received, s.pickedUp, yuan(s.revenueFen)]),
          [t('reports.total'), r.totals.received, r.totals.pickedUp, yuan(r.totals.revenueFen)]
        ]
      }
    case 'perDay':
      return {
        columns: [col('date', 12), col('received', 10), col('pickedUp', 10), col('revenue', 14, MONEY)],
        rows: r.perDay.map((d) => [d.date, d.received, d.pickedUp, yuan(d.revenueFen)])
      }
    case 'turnaround':
      return {
        columns: [col('serviceType', 18), col('count', 10), col('medianHours', 16, '0.0'), col('p90Hours', 18, '0.0')],
        rows: [
          [t('reports.all'), r.turnaround.all.count, r.turnaround.all.medianHours, r.turnaround.all.p90Hours],
          ...r.turnaround.byServiceType.map((s) => [t(`service.${s.serviceType}`), s.count, s.medianHours, s.p90Hours])
        ]
      }
    case 'parts':
      return {
        columns: [col('sku', 16), col('part', 28), col('qty', 12), col('value', 14, MONEY)],
        rows: [...r.parts.top.map((p) => [p.sku, p.name, p.qty, yuan(p.valueFen)]), [t('reports.total'), '', r.parts.totalQty, yuan(r.parts.totalValueFen)]]
      }
    case 'technicians':
      return {
        columns: [col('technician', 14), col('finished', 10), col('labourMinutes', 12), col('labourValue', 14, MONEY), col('qcChecked', 10), col('qcFailed', 10), col('qcFailRate', 12, PERCENT)],
        rows: r.technicians.map((x) => [x.name, x.finished, x.labourMinutes, yuan(x.labourFen), x.qcChecked, x.qcFailed, x.qcFailRate])
      }
    case 'rates': {
      const rate = (key: string, f: FollowupRate): Cell[] =>
        f.available ? [t(key), f.rate, f.numerator, f.denominator, f.target] : [t(key), t('reports.noDataYet'), null, null, null]
      return {
        columns: [col('measure', 30), col('rate', 12, PERCENT), col('numerator', 10), col('denominator', 10), col('target', 10, PERCENT)],
        rows: [
          [t('reports.rate.comeback'), r.comeback.pickedUp ? r.comeback.rate : null, r.comeback.comebacks, r.comeback.pickedUp, null],
          rate('reports.rate.satisfaction', r.satisfaction),
          rate('reports.rate.complaints', r.complaints)
        ]
      }
    }
  }
}

/** One sheet per table: a title line (report, store, printed at), the header, the rows. */
export async function reportXlsx(r: RangeReport, tables: readonly ReportTable[], head: ReportHead): Promise<Buffer> {
  const t = head.t
  const wb = new ExcelJS.Workbook()
  wb.created = new Date(0)
  for (const table of tables) {
    const sheet = sheetOf(r, table, t)
    const ws = wb.addWorksheet(t(`reports.sheet.${table}`).slice(0, 31))
    ws.addRow([t('reports.file.title', { from: r.from, to: r.to }), head.store, head.printedAt])
    ws.addRow(sheet.columns.map((c) => c.label)).font = { bold: true }
    for (const row of sheet.rows) ws.addRow(row)
    sheet.columns.forEach((c, i) => {
      const column = ws.getColumn(i + 1)
      column.width = c.width
      if (c.fmt) column.numFmt = c.fmt
    })
    ws.views = [{ state: 'frozen', ySplit: 2 }]
  }
  return Buffer.from(await wb.xlsx.writeBuffer())
}

