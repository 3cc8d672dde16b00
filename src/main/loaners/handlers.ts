import type { loanersContract } from '@shared/contract/loaners'
import { localDate } from '@shared/domain/dates'
import { signedInUser, type HandlerContext, type Handlers } from '../core/context'
import { createLoaner, lendLoaner, loanerPool, loansForOrder, loansOut, returnLoaner, updateLoaner } from './service'

const today = async (ctx: HandlerContext) => localDate(ctx.now, (await ctx.services.settings.load(ctx.em)).timeZone)

export const loanersHandlers: Handlers<typeof loanersContract> = {
  'loaners.list': async (_input, ctx) => loanerPool(ctx.em, await today(ctx)),
  'loaners.out': async (_input, ctx) => loansOut(ctx.em, await today(ctx)),
  'loaners.forOrder': async ({ orderId }, ctx) => loansForOrder(ctx.em, orderId, await today(ctx)),
  'loaners.create': async (input, ctx) => createLoaner(ctx.em, input, ctx.now, signedInUser(ctx).id, await today(ctx)),
  'loaners.update': async ({ loanerId, ...fields }, ctx) => updateLoaner(ctx.em, loanerId, fields, ctx.now, signedInUser(ctx).id, await today(ctx)),
  'loaners.lend': async (input, ctx) => lendLoaner(ctx, input, signedInUser(ctx).id),
  'loaners.return': async (input, ctx) => returnLoaner(ctx, input, signedInUser(ctx).id)
}
