import type { searchContract } from '@shared/contract/search'
import type { Handlers } from '../core/context'

export const searchHandlers: Handlers<typeof searchContract> = {
  'search.global': async ({ query }, ctx) => ctx.services.search.global(query),
  'orders.page': async (input, ctx) => ctx.services.search.ordersPage(input)
}

/**
 * Channels that only read: the router runs them in its lock but without a transaction (the ORM's
 * BEGIN/COMMIT is most of a small call's cost) and with the connection query-only, so a write
 * here fails loudly. Hot reads through SearchService, and other domains' pure reads.
 */
export const READ_ONLY_CHANNELS: ReadonlySet<string> = new Set([
  'search.global',
  'orders.page',
  'orders.list',
  'customers.search',
  'customers.history',
  'orders.get',
  'intake.technicians',
  'intake.checkWarranty',
  'printing.jobs'
])
