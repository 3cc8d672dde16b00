import { z } from 'zod'
import { channel, readOnly } from '../channel'
import { fen, halfWidth, id, optionalText, plainDate, requiredText } from '../fields'
import { STOCK_LOCATIONS, type StockLocation, type StockMoveView } from './common'

/**
 * Warehouse channels: the parts catalogue (search, scan, create, edit, CSV import/export) and the
 * stock views (stock card, reorder report, valuation at a past date).
 */

/** Rows per page of every list here (search, stock card, reorder, valuation). */
export const WAREHOUSE_PAGE = 50
/** The most one stock quantity or minimum may be (a typo guard). */
export const QTY_MAX = 1_000_000
/** Largest CSV file accepted for import (base64 of it is sent over IPC). */
export const CSV_MAX_BYTES = 5 * 1024 * 1024
/** Most data rows one CSV import takes. */
export const CSV_MAX_ROWS = 25_000

/** SKU: half-width, upper case, letters/digits and . _ - / (no spaces). */
export const sku = z
  .string({ error: 'v.required' })
  .overwrite((s) => halfWidth(s).trim().toUpperCase())
  .min(1, 'v.required')
  .max(32, { error: 'v.tooLong|max=32' })
  .regex(/^[A-Z0-9][A-Z0-9._\-/]*$/, 'warehouse.v.sku')

/** Barcode as the scanner types it: printable ASCII, no spaces; '' = none. */
export const barcode = z
  .string()
  .overwrite((s) => halfWidth(s).trim())
  .max(64, { error: 'v.tooLong|max=64' })
  .regex(/^[\x21-\x7e]*$/, 'warehouse.v.barcode')
  .default('')

export const quantity = z.number({ error: 'v.number' }).int('v.integer').min(0, 'warehouse.v.minStockRange').max(QTY_MAX, 'warehouse.v.minStockRange')

/** Every editable part field (cost is not: it is the moving average kept by receipts). */
export const PartFields = z.object({
  sku,
  name: requiredText(60),
  spec: optionalText(100),
  /** Compatible brands/models, free text: searchable. */
  models: optionalText(200),
  unit: requiredText(10),
  barcode,
  bin: optionalText(20),
  minStock: quantity.default(0),
  salePriceFen: fen.default(0),
  active: z.boolean().default(true)
})
export type PartFieldsInput = z.input<typeof PartFields>
export type PartFieldsData = z.output<typeof PartFields>

export interface PartView {
  id: number
  sku: string
  name: string
  spec: string
  models: string
  unit: string
  barcode: string
  bin: string
  minStock: number
  salePriceFen: number
  /** Moving-average unit cost (fen), kept by receipts. */
  avgCostFen: number
  active: boolean
  createdAt: string
  updatedAt: string
}

/** A search hit: the part and what is on the shelf / in quarantine. */
export interface PartHit extends PartView {
  mainQty: number
  quarantineQty: number
  matchedBy: 'barcode' | 'sku' | 'text'
}

export interface PartSearchPage {
  parts: PartHit[]
  /** Pass as `after` for the next page; null on the last. */
  next: PartSearchCursor | null
}

/** Where the next search page starts: still within SKU-prefix hits (sku), or within text hits (id). */
export const PartSearchCursor = z.union([z.object({ sku: z.string().max(40) }), z.object({ id })])
export type PartSearchCursor = z.output<typeof PartSearchCursor>

export interface PartDetail {
  part: PartView
  balances: Record<StockLocation, number>
}

export interface StockCardPage {
  part: PartView
  location: StockLocation
  balances: Record<StockLocation, number>
  /** Newest first; balanceAfter is the running balance at this location after the row. */
  moves: StockMoveView[]
  /** Pass as `beforeId` for the next (older) page; null on the last. */
  nextBeforeId: number | null
}

export interface ReorderLine {
  partId: number
  sku: string
  name: string
  spec: string
  unit: string
  bin: string
  minStock: number
  /** On the shelf ('main'): quarantine stock cannot be issued, so it does not count. */
  onHand: number
  /** 2 × minimum − on hand (see README: reorder rule). */
  suggestedQty: number
  avgCostFen: number
  /** suggestedQty × average cost. */
  suggestedValueFen: number
}

export interface ReorderPage {
  lines: ReorderLine[]
  nextAfterId: number | null
}

export interface ValuationLine {
  partId: number
  sku: string
  name: string
  unit: string
  mainQty: number
  quarantineQty: number
  /** Moving-average cost as of the end of that day. */
  avgCostFen: number
  valueFen: number
}

export interface ValuationReport {
  date: string
  /** The instant the day ended in the store's zone: rows before it count. */
  asOf: string
  totals: { parts: number; qty: number; valueFen: number }
  lines: ValuationLine[]
  nextAfterId: number | null
}

/** One problem in an import file: 1-based line number in the file (the header is line 1). */
export interface CsvProblem {
  row: number
  /** The column as named in the file's header ('' = the whole row/file). */
  column: string
  message: string
}

export interface CsvImportReport {
  ok: boolean
  encoding: 'utf-8' | 'gb18030'
  rows: number
  created: number
  updated: number
  unchanged: number
  /** At most CSV_MAX_PROBLEMS; nothing was imported when there are any. */
  problems: CsvProblem[]
  /** More problems than listed. */
  moreProblems: number
}
export const CSV_MAX_PROBLEMS = 200

export const CSV_ENCODINGS = ['utf-8', 'gb18030'] as const
export const REPORT_FORMATS = ['pdf', 'csv', 'xlsx'] as const
export interface FileOut {
  fileName: string
  mime: string
  base64: string
}

const location = z.enum(STOCK_LOCATIONS, { error: 'v.choice' })
const READ = ['counter', 'technician', 'warehouse', 'manager'] as const
const WRITE = ['warehouse', 'manager'] as const

export const catalogueContract = {
  /**
   * Search as you type: barcode (exact), SKU (prefix), name/spec/models (words, Chinese by
   * bigrams). Empty text lists every part by SKU. WAREHOUSE_PAGE at a time.
   */
  'warehouse.parts.search': readOnly(
    channel<PartSearchPage>()(
      z.object({
        text: z.string().max(80, { error: 'v.tooLong|max=80' }).default(''),
        includeInactive: z.boolean().default(false),
        after: PartSearchCursor.optional()
      }),
      READ
    )
  ),
  /** The scanner path: exact barcode, else exact SKU; null when neither. */
  'warehouse.parts.byCode': readOnly(channel<PartDetail | null>()(z.object({ code: z.string().max(80, { error: 'v.tooLong|max=80' }) }), READ)),
  'warehouse.parts.get': readOnly(channel<PartDetail>()(z.object({ partId: id }), READ)),
  'warehouse.parts.create': channel<PartDetail>()(PartFields, WRITE),
  'warehouse.parts.update': channel<PartDetail>()(PartFields.extend({ partId: id }), WRITE),
  /** All or nothing: any bad row -> a report of every problem and nothing imported. Rows create or update by SKU. */
  'warehouse.parts.importCsv': channel<CsvImportReport>()(
    z.object({
      fileName: optionalText(200),
      base64: z.string().min(1, 'v.required').max(Math.ceil((CSV_MAX_BYTES * 4) / 3) + 4, 'warehouse.v.csvTooLarge')
    }),
    WRITE
  ),
  'warehouse.parts.exportCsv': readOnly(channel<FileOut>()(z.object({ encoding: z.enum(CSV_ENCODINGS, { error: 'v.choice' }).default('utf-8') }), WRITE)),
  /** Every ledger row of a part at one location, newest first, with the running balance. */
  'warehouse.stockCard': readOnly(channel<StockCardPage>()(z.object({ partId: id, location: location.default('main'), beforeId: id.optional() }), READ)),
  /** Active parts with a minimum whose shelf stock is at or below it, by part id. */
  'warehouse.reorder': readOnly(channel<ReorderPage>()(z.object({ afterId: id.optional() }).default({}), WRITE)),
  'warehouse.reorder.export': readOnly(channel<FileOut>()(z.object({ format: z.enum(REPORT_FORMATS, { error: 'v.choice' }) }), WRITE)),
  /** Quantity × moving-average cost as of the end of a store-local day; totals plus a page of parts. */
  'warehouse.valuation': readOnly(channel<ValuationReport>()(z.object({ date: plainDate, afterId: id.optional() }), WRITE))
}
