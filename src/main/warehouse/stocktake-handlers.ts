import type { stocktakeContract } from '@shared/contract/warehouse/stocktake'
import type { Handlers } from '../core/context'

export const stocktakeHandlers: Handlers<typeof stocktakeContract> = {}
