import type { followUpContract } from '@shared/contract/followup'
import { addDays, addMonths } from '@shared/domain/dates'
import type { Handlers } from '../core/context'
import { signedInUser } from '../core/context'
import { followUpList, followUpsForOrder, recordFollowUp } from './service'
import { complaintRate, satisfactionRate } from './rates'

export const followUpHandlers: Handlers<typeof followUpContract> = {
  'followups.list': async (_input, ctx) => {
    const s = await ctx.services.settings.load(ctx.em)
    return followUpList(ctx.em, ctx.now, s.timeZone, s.calendar)
  },

  'followups.record': async (input, ctx) => {
    const s = await ctx.services.settings.load(ctx.em)
    return recordFollowUp(ctx.em, input, { at: ctx.now, userId: signedInUser(ctx).id, timeZone: s.timeZone, calendar: s.calendar })
  },

  'followups.forOrder': async ({ orderId }, ctx) => followUpsForOrder(ctx.em, orderId),

  'followups.rates': async ({ month }, ctx) => {
    const tz = (await ctx.services.settings.load(ctx.em)).timeZone
    const from = `${month}-01`
    const to = addDays(addMonths(from, 1), -1)
    return { satisfaction: satisfactionRate(ctx.em, from, to, tz), complaints: complaintRate(ctx.em, from, to, tz) }
  }
}
