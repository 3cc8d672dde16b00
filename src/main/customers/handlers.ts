import type { customersContract } from '@shared/contract/customers'
import type { Handlers } from '../core/context'
import { signedInUser } from '../core/context'
import { comebackFor, reworkRate, unflagComeback } from './comebacks'
import { noticesDue, noticesForOrder, noticeText, recordNotice, uncollected } from './notices'

export const customersHandlers: Handlers<typeof customersContract> = {
  'notices.list': async (_input, ctx) => noticesDue(ctx.em, ctx.now, (await ctx.services.settings.load(ctx.em)).timeZone),

  'notices.uncollected': async (_input, ctx) => uncollected(ctx.em, (await ctx.services.settings.load(ctx.em)).timeZone),

  'notices.message': async ({ orderId, locale }, ctx) => {
    const settings = await ctx.services.settings.load(ctx.em)
    const lang = locale ?? settings.locale
    return { text: noticeText(ctx.em, orderId, settings, lang), locale: lang }
  },

  'notices.record': async (input, ctx) => {
    const user = signedInUser(ctx)
    let text = input.text
    if (input.channel === 'message' && !text) {
      const settings = await ctx.services.settings.load(ctx.em)
      text = noticeText(ctx.em, input.orderId, settings, input.locale ?? settings.locale)
    }
    return recordNotice(ctx.em, { orderId: input.orderId, channel: input.channel, outcome: input.outcome, text, at: ctx.now, userId: user.id })
  },

  'notices.forOrder': async ({ orderId }, ctx) => noticesForOrder(ctx.em, orderId),

  'comebacks.forOrder': async ({ orderId }, ctx) => comebackFor(ctx.em, orderId),

  'comebacks.unflag': async ({ orderId, reason }, ctx) => unflagComeback(ctx.em, { orderId, reason, at: ctx.now, userId: signedInUser(ctx).id }),

  'comebacks.reworkRate': async ({ from, to }, ctx) => reworkRate(ctx.em, from, to, (await ctx.services.settings.load(ctx.em)).timeZone)
}
