import * as pdfmakeModule from 'pdfmake'
import type { Content, TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces'
import { DEFAULT_FONT_NAME } from '../printing/pdf'

// pdfmake 0.3 is `module.exports = instance`: under Node's ESM loader (tests) it is the default export
const pdfmake: typeof pdfmakeModule = (pdfmakeModule as unknown as { default?: typeof pdfmakeModule }).default ?? pdfmakeModule
// The same family name and faces as printing/pdf.ts: pdfmake's font table is global, so both set the same one.
const FAMILY = 'ReceiptCJK'
const MARGIN = 36

export interface TableReport {
  title: string
  subtitle: string
  columns: { label: string; width: number | '*'; align?: 'left' | 'right' }[]
  rows: string[][]
  /** Shown instead of the table when there are no rows. */
  empty: string
  footer: string
  /** A note under the table (e.g. the rule behind the numbers). */
  rule?: string
}

export function tableDefinition(r: TableReport): TDocumentDefinitions {
  const head: Content[] = r.columns.map((c) => ({ text: c.label, bold: true, fillColor: '#eeeeee', alignment: c.align ?? 'left' }))
  const body: Content[][] = [head, ...r.rows.map((row) => r.columns.map((c, i): Content => ({ text: row[i] ?? '', alignment: c.align ?? 'left' })))]
  return {
    info: { title: r.title },
    pageSize: 'A4',
    pageMargins: [MARGIN, 36, MARGIN, 40],
    defaultStyle: { font: FAMILY, fontSize: 9, lineHeight: 1.1 },
    footer: (page: number, pages: number) => ({ text: `${r.title} ${page}/${pages}`, alignment: 'center', fontSize: 8, color: '#888888', margin: [MARGIN, 12, MARGIN, 0] }),
    content: [
      { text: r.title, fontSize: 16, margin: [0, 0, 0, 2] },
      { text: r.subtitle, color: '#555555', margin: [0, 0, 0, 8] },
      r.rows.length
        ? { table: { headerRows: 1, widths: r.columns.map((c) => c.width), body }, layout: 'lightHorizontalLines' }
        : { text: r.empty, italics: true, margin: [0, 8, 0, 8] },
      { text: r.footer, margin: [0, 8, 0, 2] },
      ...(r.rule ? [{ text: r.rule, fontSize: 8, color: '#555555' } as Content] : [])
    ]
  }
}

/** An A4 table report with the CJK font embedded (subset), like the receipts (printing/pdf.ts). */
export async function renderTablePdf(r: TableReport, fontPath: string): Promise<Buffer> {
  const face = () => [fontPath, DEFAULT_FONT_NAME] as unknown as string
  const fonts: TFontDictionary = { [FAMILY]: { normal: face(), bold: face(), italics: face(), bolditalics: face() } }
  pdfmake.setUrlAccessPolicy(() => false)
  pdfmake.setLocalAccessPolicy((path) => path === fontPath)
  pdfmake.setFonts(fonts)
  return pdfmake.createPdf(tableDefinition(r)).getBuffer()
}
