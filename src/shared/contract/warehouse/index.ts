import { catalogueContract } from './catalogue'
import { movesContract } from './moves'
import { oldPartsContract } from './old-parts'
import { stocktakeContract } from './stocktake'

export * from './common'

/** The warehouse domain's channels, one file per area (catalogue, movements, old parts, stocktake). */
export const warehouseContract = {
  ...catalogueContract,
  ...movesContract,
  ...oldPartsContract,
  ...stocktakeContract
}
