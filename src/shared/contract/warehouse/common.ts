/**
 * Stock locations: the shelf ('main') and quarantine (defective or returned stock: counted, never
 * issued). The bin (shelf spot) is a part attribute, not a location.
 */
export const STOCK_LOCATIONS = ['main', 'quarantine'] as const
export type StockLocation = (typeof STOCK_LOCATIONS)[number]

/**
 * What moved stock; every ledger row names one. receipt: accepted goods in; issue: out against a
 * requisition line; return: unused part back from a work order; transfer: main <-> quarantine;
 * adjustment: manager-approved correction; stocktake: approved count variance.
 */
export const MOVE_TYPES = ['receipt', 'issue', 'return', 'transfer', 'adjustment', 'stocktake'] as const
export type MoveType = (typeof MOVE_TYPES)[number]

/** One ledger row as the stock card shows it. balanceAfter: this part's balance at this location after the row. */
export interface StockMoveView {
  id: number
  partId: number
  location: StockLocation
  qty: number
  unitCostFen: number
  balanceAfter: number
  docType: MoveType
  docId: number
  /** The document's number as printed (GR2611-0003, a work order's number, ...). */
  docNo: string
  orderId: number | null
  userId: number
  userName: string
  at: string
  note: string
}
