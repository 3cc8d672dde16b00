import type { intakeContract } from '@shared/contract/intake'
import type { Handlers } from '../core/context'
import { signedInUser } from '../core/context'
import { validationError } from '../core/errors'
import { invoiceDateProblem, localDate } from '@shared/domain/dates'
import { prepared } from '../db/prepared'
import { createIntake } from './service'
import { orderHandlers } from './order-handlers'
import { loadOrderView } from './views'
import { warrantyVerdict } from './warranty'

export const intakeHandlers: Handlers<typeof intakeContract> = {
  ...orderHandlers,
  // Hot reads: lean indexed SQL in src/main/search (see the store-scale bench).
  'customers.search': async ({ query }, ctx) => ctx.services.search.customers(query),

  'customers.history': async ({ customerId }, ctx) => ctx.services.search.history(customerId),

  'intake.checkWarranty': async (input, ctx) => {
    // Read-only channel (no transaction of its own): the cached copy is what was last committed.
    const settings = await ctx.services.settings.cached(ctx.em)
    // The same invoice-date rule as intake.create: a verdict for a date the save would refuse misleads.
    const invoiceDate = invoiceDateProblem(input.invoiceDate, localDate(ctx.now, settings.timeZone))
    if (invoiceDate) throw validationError({ invoiceDate })
    return warrantyVerdict(ctx.em, settings, ctx.now, input)
  },

  'intake.technicians': async (_input, ctx) => {
    // Asked on every intake screen load and used as the bench's router floor: one reused statement.
    return prepared(ctx.em, `SELECT id, displayName FROM user WHERE role = 'technician' AND active = 1 ORDER BY displayName`).all() as {
      id: number
      displayName: string
    }[]
  },

  'intake.create': async (input, ctx) => createIntake(ctx, signedInUser(ctx), input),

  'orders.get': async ({ orderId }, ctx) => loadOrderView(ctx.em, orderId),

  'orders.list': async ({ query, limit }, ctx) => ctx.services.search.ordersPage({ query, before: null, limit }).orders
}
