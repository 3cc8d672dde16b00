import { z } from 'zod'
import { channel, readOnly } from '../channel'
import { approval, id, optionalText, requiredText } from '../fields'
import { STOCK_LOCATIONS, type StockLocation } from './common'

/**
 * Stocktake (盘点). Start snapshots the book quantity of every part and location in scope (all
 * parts, or a bin range) together with the ledger position. Counts are typed (set) or scanned (+1
 * on 'main'). Each line remembers the book quantity at the moment its count was entered; approval
 * posts counted − book-at-count on top of the current balance, so movements before and after a
 * count are both kept (see README: stocktake and movements during a count).
 */
export const STOCKTAKE_STATUSES = ['open', 'approved', 'cancelled'] as const
export type StocktakeStatus = (typeof STOCKTAKE_STATUSES)[number]
export const STOCKTAKE_LINE_PAGE = 200
/** The most one line can count (a typo guard). */
export const COUNT_MAX = 1_000_000

export interface StocktakeSummary {
  id: number
  stNo: string
  status: StocktakeStatus
  /** '' = open end (both '' = every part). */
  binFrom: string
  binTo: string
  createdAt: string
  createdBy: { id: number; displayName: string }
  lines: number
  counted: number
}

export interface StocktakeView extends StocktakeSummary {
  /** The newest ledger row when the count started: movements after it are "during the count". */
  snapshotMoveId: number
  /** Lines whose book quantity was > 0 at the snapshot and are not counted yet (approval waits for them). */
  uncountedExpected: number
  approved: { at: string; by: { id: number; displayName: string }; adjustedLines: number; netFen: number } | null
  cancelled: { at: string; by: { id: number; displayName: string }; reason: string } | null
}

export interface StocktakeLineView {
  id: number
  partId: number
  sku: string
  name: string
  spec: string
  unit: string
  barcode: string
  /** The part's bin when the count started (the sheet's order). */
  bin: string
  location: StockLocation
  /** Book quantity at the snapshot. */
  expectedQty: number
  countedQty: number | null
  /** Book quantity when the count was last entered (null until counted). */
  bookAtCount: number | null
  countedAt: string | null
  /** The part moved at this location after the snapshot (a receipt, issue... during the count). */
  movedDuringCount: boolean
}

export interface StocktakeLinesPage {
  lines: StocktakeLineView[]
  /** Pass as `after` for the next page; null on the last. */
  next: { bin: string; id: number } | null
}

export interface VarianceLine {
  lineId: number
  partId: number
  sku: string
  name: string
  bin: string
  location: StockLocation
  expectedQty: number
  bookAtCount: number
  countedQty: number
  /** counted − book at count: what approval posts. */
  diffQty: number
  unitCostFen: number
  valueFen: number
  movedDuringCount: boolean
}

export interface VarianceReport {
  stocktake: StocktakeView
  /** Counted lines whose count differs from the book, plus lines that moved during the count. */
  lines: VarianceLine[]
  /** More than VARIANCE_MAX lines: the screen shows the first, the PDF has them all. */
  truncated: boolean
  totals: { countedLines: number; uncountedLines: number; varianceLines: number; gainFen: number; lossFen: number; netFen: number }
}
export const VARIANCE_MAX = 500

const stocktakeId = z.object({ stocktakeId: id })
const location = z.enum(STOCK_LOCATIONS, { error: 'v.choice' })

export const stocktakeContract = {
  /** All parts (both bins empty) or a bin range; refused while an open count covers an overlapping range. */
  'warehouse.stocktakes.start': channel<StocktakeView>()(
    z.object({ binFrom: optionalText(40), binTo: optionalText(40) }).default({ binFrom: '', binTo: '' }),
    ['warehouse', 'manager']
  ),
  /** Newest first, 50 at a time. */
  'warehouse.stocktakes.list': readOnly(channel<StocktakeSummary[]>()(z.object({ beforeId: id.optional() }).default({}), ['warehouse', 'manager'])),
  'warehouse.stocktakes.get': readOnly(channel<StocktakeView>()(stocktakeId, ['warehouse', 'manager'])),
  /** The count lines in bin order, STOCKTAKE_LINE_PAGE at a time. */
  'warehouse.stocktakes.lines': readOnly(
    channel<StocktakeLinesPage>()(
      z.object({
        stocktakeId: id,
        uncountedOnly: z.boolean().default(false),
        after: z.object({ bin: z.string().max(40), id }).optional()
      }),
      ['warehouse', 'manager']
    )
  ),
  /** Sets the counted quantity of one part at one location (a part in scope without a line gets one). */
  'warehouse.stocktakes.count': channel<StocktakeLineView>()(
    z.object({ stocktakeId: id, partId: id, location, qty: z.number({ error: 'v.number' }).int('v.integer').min(0, 'warehouse.v.countRange').max(COUNT_MAX, 'warehouse.v.countRange') }),
    ['warehouse', 'manager']
  ),
  /** One scan of a barcode or SKU: one more on the shelf ('main'). */
  'warehouse.stocktakes.scan': channel<StocktakeLineView>()(
    z.object({ stocktakeId: id, code: requiredText(64) }),
    ['warehouse', 'manager']
  ),
  'warehouse.stocktakes.variance': readOnly(channel<VarianceReport>()(stocktakeId, ['warehouse', 'manager'])),
  /** A manager's username + PIN on the same screen; the adjustment rows post (docType 'stocktake'). */
  'warehouse.stocktakes.approve': channel<StocktakeView>()(z.object({ stocktakeId: id, approval }), ['warehouse', 'manager']),
  'warehouse.stocktakes.cancel': channel<StocktakeView>()(z.object({ stocktakeId: id, reason: requiredText(200) }), ['warehouse', 'manager']),
  /** Count sheets (A4, bin order, blind: no book quantity on them). */
  'warehouse.stocktakes.sheetPdf': channel<{ fileName: string; path: string; base64: string }>()(stocktakeId, ['warehouse', 'manager']),
  'warehouse.stocktakes.variancePdf': channel<{ fileName: string; path: string; base64: string }>()(stocktakeId, ['warehouse', 'manager'])
}
