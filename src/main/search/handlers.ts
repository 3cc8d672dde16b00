import type { searchContract } from '@shared/contract/search'
import type { Handlers } from '../core/context'

export const searchHandlers: Handlers<typeof searchContract> = {
  'search.global': async ({ query }, ctx) => ctx.services.search.global(query),
  'orders.page': async (input, ctx) => ctx.services.search.ordersPage(input)
}

