/**
 * ReceiptDoc -> A4 PDF (pdfmake 0.3, singleton API) for e-mailing or printing on an office printer.
 * The Chinese font is bundled under resources/fonts (Windows counters don't have one) and embedded
 * as a subset, so PDFs stay small and open anywhere.
 */
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import * as pdfmakeModule from 'pdfmake'
import type { Content, CustomTableLayout, TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces'
import type { ReceiptBlock, ReceiptDoc } from '@shared/receipt/layout'

export const DEFAULT_FONT_FILE = 'wqy-microhei.ttc'
/** PostScript name of the face inside the .ttc (the file also holds a Mono face). */
export const DEFAULT_FONT_NAME = 'WenQuanYiMicroHei'

const PAGE_WIDTH = 595.28 // A4 in points
const MARGIN = 50
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN
const FAMILY = 'ReceiptCJK'

// pdfmake 0.3 is `module.exports = instance`: under Node's ESM loader (tests) it is the default export
const pdfmake: typeof pdfmakeModule = (pdfmakeModule as unknown as { default?: typeof pdfmakeModule }).default ?? pdfmakeModule

/**
 * Finds resources/fonts/<file> in a packaged app (process.resourcesPath, with the folder copied as
 * an extra resource or unpacked from asar), from the repo root (cwd) or above the compiled module.
 */
export function resolveFontPath(file = DEFAULT_FONT_FILE): string {
  const resourcesPath = (process as { resourcesPath?: string }).resourcesPath
  const candidates: string[] = []
  if (resourcesPath) {
    candidates.push(
      join(resourcesPath, 'fonts', file),
      join(resourcesPath, 'resources', 'fonts', file),
      join(resourcesPath, 'app.asar.unpacked', 'resources', 'fonts', file)
    )
  }
  candidates.push(join(process.cwd(), 'resources', 'fonts', file))
  let dir = typeof __dirname === 'string' ? __dirname : process.cwd()
  for (let i = 0; i < 6; i++, dir = dirname(dir)) candidates.push(join(dir, 'resources', 'fonts', file))
  const found = candidates.find((p) => existsSync(p))
  if (!found) throw new Error(`font ${file} not found; looked in:\n${candidates.join('\n')}`)
  return found
}

type Pair = Extract<ReceiptBlock, { kind: 'pair' }>
type Other = Exclude<ReceiptBlock, { kind: 'pair' }>
/** Width of the QR column beside the header. */
const CODES_WIDTH = 130

const rule = (double: boolean, width: number): Content => ({
  canvas: [
    { type: 'line', x1: 0, y1: 0, x2: width, y2: 0, lineWidth: double ? 0.8 : 0.4 },
    ...(double ? [{ type: 'line' as const, x1: 0, y1: 2.5, x2: width, y2: 2.5, lineWidth: 0.8 }] : [])
  ],
  margin: [0, 3, 0, 3]
})

const thinRows = {
  hLineWidth: (i: number, node: { table: { body: unknown[] } }) => (i === 0 || i === node.table.body.length ? 0 : 0.3),
  vLineWidth: () => 0,
  hLineColor: () => '#bbbbbb',
  paddingLeft: () => 2,
  paddingRight: () => 6,
  paddingTop: () => 1.5,
  paddingBottom: () => 1.5
}

/** Consecutive pairs share a 4-column table (two pairs per row), so the A4 page stays compact. */
function pairsTable(pairs: Pair[]): Content {
  const cell = (p: Pair | undefined): Content[] =>
    p ? [{ text: p.label, color: '#555555' }, { text: p.value, fontSize: p.bold ? 11.5 : 10 }] : [{ text: '' }, { text: '' }]
  const body: Content[][] = []
  for (let i = 0; i < pairs.length; i += 2) body.push([...cell(pairs[i]), ...cell(pairs[i + 1])])
  return { table: { widths: [95, '*', 95, '*'], body }, layout: thinRows, margin: [0, 1, 0, 1] }
}

function barcodeText(data: string, margin: [number, number, number, number]): Content {
  // Scanners read the QR; the order number is printed spaced out for reading and typing in
  return {
    table: { widths: ['*'], body: [[{ text: data, alignment: 'center', fontSize: 14, characterSpacing: 2 }]] },
    layout: { hLineWidth: () => 0.6, vLineWidth: () => 0.6 },
    margin
  }
}

/** pdfmake's lightHorizontalLines, with 4 pt instead of 8 pt beside each cell (wide tables fit the page). */
const tableRows: CustomTableLayout = {
  hLineWidth: (i, node) => (i === 0 || i === node.table.body.length ? 0 : i === node.table.headerRows ? 2 : 1),
  vLineWidth: () => 0,
  hLineColor: (i) => (i === 1 ? 'black' : '#aaa'),
  paddingLeft: (i) => (i === 0 ? 0 : 4),
  paddingRight: (i, node) => (i === (node.table.widths?.length ?? 0) - 1 ? 0 : 4)
}

function block(b: Other, width: number): Content {
  switch (b.kind) {
    case 'text':
      return {
        text: b.text,
        alignment: b.align ?? 'left',
        fontSize: b.large ? 17 : b.bold ? 11.5 : 10,
        margin: b.bold && !b.large ? [0, 2, 0, 1] : [0, 0.5, 0, 0.5]
      }
    case 'table': {
      const sum = b.columns.reduce((a, c) => a + c.weight, 0) || 1
      // 4 pt of padding on each inner side of a cell (tableRows): 8 pt per column keeps the table inside the margins.
      const widths = b.columns.map((c) => Math.floor((width - 8 * b.columns.length) * (c.weight / sum)))
      const row = (cells: string[], header = false): Content[] =>
        b.columns.map((c, i) => ({ text: cells[i] ?? '', alignment: c.align ?? 'left', fillColor: header ? '#eeeeee' : undefined }))
      const body = [...(b.header ? [row(b.header, true)] : []), ...b.rows.map((r) => row(r))]
      return { table: { headerRows: b.header ? 1 : 0, widths, body }, layout: tableRows, margin: [0, 3, 0, 3] }
    }
    case 'rule':
      return rule(b.style === 'double', width)
    case 'qr':
      return { stack: [{ qr: b.data, fit: 110, eccLevel: 'M', alignment: 'center' }, { text: b.caption ?? '', alignment: 'center', fontSize: 8.5, margin: [0, 3, 0, 0] }] }
    case 'barcode':
      return barcodeText(b.data, [(width - 200) / 2, 6, (width - 200) / 2, 6])
    case 'feed':
      return { text: '', margin: [0, b.lines * 6, 0, 0] }
  }
}

/** Blocks in order, consecutive pairs merged into tables. */
function flow(blocks: ReceiptBlock[], width: number): Content[] {
  const out: Content[] = []
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]
    if (b.kind !== 'pair') {
      out.push(block(b, width))
      continue
    }
    const run: Pair[] = []
    for (; i < blocks.length && blocks[i].kind === 'pair'; i++) run.push(blocks[i] as Pair)
    i--
    out.push(pairsTable(run))
  }
  return out
}

function banner(label: string, margin: [number, number, number, number]): Content {
  return {
    table: { widths: ['*'], body: [[{ text: label, alignment: 'center', fontSize: 15, color: '#b00000' }]] },
    layout: { hLineWidth: () => 1.2, vLineWidth: () => 1.2, hLineColor: () => '#b00000', vLineColor: () => '#b00000' },
    margin
  }
}

/**
 * On A4 the QR code (and the order-number barcode after it) sit at the top right, beside the
 * header (everything before the first label/value pair), like on a printed form.
 */
export function pdfDefinition(doc: ReceiptDoc): TDocumentDefinitions {
  const reprint = doc.reprintNo > 0 ? doc.reprintLabel || `REPRINT ${doc.reprintNo}` : ''
  const blocks = [...doc.blocks]
  const q = blocks.findIndex((b) => b.kind === 'qr')
  const codes = q >= 0 ? blocks.splice(q, blocks[q + 1]?.kind === 'barcode' ? 2 : 1) : []
  const firstPair = blocks.findIndex((b) => b.kind === 'pair')
  const headerEnd = codes.length && firstPair > 0 ? firstPair : 0
  const content: Content[] = []
  if (reprint) content.push(banner(reprint, [0, 0, 0, 6]))
  if (headerEnd) {
    const side = CONTENT_WIDTH - CODES_WIDTH - 12
    const codeStack = codes.map((b) => (b.kind === 'barcode' ? barcodeText(b.data, [0, 4, 0, 0]) : block(b as Other, CODES_WIDTH)))
    content.push({
      columns: [
        { width: side, stack: flow(blocks.slice(0, headerEnd), side) },
        { width: CODES_WIDTH, stack: codeStack }
      ],
      columnGap: 12
    })
  } else if (codes.length) {
    blocks.push(...codes) // no header to sit beside: keep them in the flow
  }
  content.push(...flow(blocks.slice(headerEnd), CONTENT_WIDTH))
  // No closing banner on A4: the red footer repeats the copy label on every page, and a banner that
  // does not fit would open a page of its own.
  return {
    info: { title: doc.title },
    pageSize: 'A4',
    pageMargins: [MARGIN, 32, MARGIN, 36],
    defaultStyle: { font: FAMILY, fontSize: 10, lineHeight: 1.1 },
    footer: (page: number, pages: number) => ({
      text: [reprint, `${doc.title} ${page}/${pages}`].filter(Boolean).join('  ·  '),
      alignment: 'center',
      fontSize: 8,
      color: reprint ? '#b00000' : '#888888',
      margin: [MARGIN, 10, MARGIN, 0]
    }),
    content
  }
}

/** Renders the document as an A4 PDF with the CJK font embedded (subset). */
export async function renderPdf(doc: ReceiptDoc, opts: { fontPath: string; fontName?: string }): Promise<Buffer> {
  // A .ttc face is addressed as [file, face name]; the face has no bold, so bold uses it too.
  // (pdfmake 0.3 takes font sources as paths or URLs only; a Buffer is mistaken for a URL object.)
  const face = () => [opts.fontPath, opts.fontName ?? DEFAULT_FONT_NAME] as unknown as string
  const fonts: TFontDictionary = { [FAMILY]: { normal: face(), bold: face(), italics: face(), bolditalics: face() } }
  // A receipt loads nothing but the font: no URLs, no other local files
  pdfmake.setUrlAccessPolicy(() => false)
  pdfmake.setLocalAccessPolicy((path) => path === opts.fontPath)
  pdfmake.setFonts(fonts)
  return pdfmake.createPdf(pdfDefinition(doc)).getBuffer()
}
