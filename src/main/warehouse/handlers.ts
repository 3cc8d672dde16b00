import type { warehouseContract } from '@shared/contract/warehouse'
import type { Handlers } from '../core/context'
import { catalogueHandlers } from './catalogue-handlers'
import { movesHandlers } from './moves-handlers'
import { oldPartsHandlers } from './old-parts-handlers'
import { stocktakeHandlers } from './stocktake-handlers'

export const warehouseHandlers: Handlers<typeof warehouseContract> = {
  ...catalogueHandlers,
  ...movesHandlers,
  ...oldPartsHandlers,
  ...stocktakeHandlers
}
