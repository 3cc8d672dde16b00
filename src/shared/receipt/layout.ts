/**
 * One receipt layout model, rendered three ways: on screen (React), ESC/POS bytes, A4 PDF.
 * Width-independent: renderers fit it to 32/48 columns or to the page.
 */
export type Align = 'left' | 'center' | 'right'

export type ReceiptBlock =
  /** One paragraph; wraps at the paper width. `large` = double width and height on thermal. */
  | { kind: 'text'; text: string; align?: Align; bold?: boolean; large?: boolean }
  /** Label on the left, value on the right (value wraps under itself if too long). */
  | { kind: 'pair'; label: string; value: string; bold?: boolean }
  /** Columns by relative weight; CJK characters count as two columns on thermal. */
  | { kind: 'table'; columns: { weight: number; align?: Align }[]; header?: string[]; rows: string[][] }
  | { kind: 'rule'; style?: 'single' | 'double' }
  | { kind: 'qr'; data: string; caption?: string }
  /** CODE128 barcode; `data` must be printable ASCII. */
  | { kind: 'barcode'; data: string }
  | { kind: 'feed'; lines: number }

export interface ReceiptDoc {
  /** Shown as the PDF title and the preview heading; not printed by itself. */
  title: string
  /** 0 = original; n = n-th reprint. Renderers print a "REPRINT n" banner when n > 0. */
  reprintNo: number
  /** The translated banner text, e.g. "补打 第2次"; empty for originals. */
  reprintLabel: string
  blocks: ReceiptBlock[]
  /** Thermal printers cut after the document. */
  cut: boolean
}
