/**
 * The Z report's files: xlsx (exceljs, one sheet per section) and CSV (csv-stringify), built from the
 * same sections as the A4 and thermal documents (src/shared/receipt/zreport.ts), from the frozen
 * snapshot only. Always in the store's receipt language.
 */
import { stringify } from 'csv-stringify/sync'
import ExcelJS from 'exceljs'
import type { ZReport } from '@shared/contract/dayclose'
import type { StoreSettings } from '@shared/contract/settings'
import { translator } from '@shared/i18n'
import { cellText, isMoney, zSections } from '@shared/receipt/zreport'

export { zReportA4, zReportThermal } from '@shared/receipt/zreport'

export async function zReportXlsx(r: ZReport, settings: StoreSettings): Promise<Buffer> {
  const t = translator(settings.locale)
  const wb = new ExcelJS.Workbook()
  wb.created = new Date(0)
  for (const s of zSections(r, t, settings.timeZone)) {
    const ws = wb.addWorksheet(s.title.slice(0, 31))
    ws.addRow([`${r.store} ${t('dayclose.z.title')} ${r.day}`])
    ws.addRow(s.header).font = { bold: true }
    // Money as numbers (fen / 100, exact to the cent); typed text such as a note stays text.
    for (const row of s.rows) ws.addRow(row.map((c) => (isMoney(c) ? c.fen / 100 : c)))
    s.header.forEach((_, i) => (ws.getColumn(i + 1).width = i === 0 ? 22 : 14))
  }
  return Buffer.from(await wb.xlsx.writeBuffer())
}

/** One CSV: each section's title, header and rows, a blank line between. UTF-8 with BOM for Excel. */
export function zReportCsv(r: ZReport, settings: StoreSettings): Buffer {
  const t = translator(settings.locale)
  const records: (string | number)[][] = [[`${r.store} ${t('dayclose.z.title')} ${r.day}`]]
  for (const s of zSections(r, t, settings.timeZone)) records.push([], [s.title], s.header, ...s.rows.map((row) => row.map(cellText)))
  const body = stringify(records, { record_delimiter: '\r\n' })
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body, 'utf8')])
}
