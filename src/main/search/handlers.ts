import type { searchContract } from '@shared/contract/search'
import type { Handlers } from '../core/context'

export const searchHandlers: Handlers<typeof searchContract> = {
  'search.global': async ({ query }, ctx) => ctx.services.search.global(query),
  'orders.page': async (input, ctx) => ctx.services.search.ordersPage(input)
}

/**
 * Channels that only read, through SearchService's lean statements: the router runs them in its
 * lock but without a transaction (each is one bounded index lookup). Nothing here may write.
 */
export const READ_ONLY_CHANNELS: ReadonlySet<string> = new Set([
  'search.global',
  'orders.page',
  'orders.list',
  'customers.search',
  'customers.history'
])
