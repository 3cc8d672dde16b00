import type { repairsContract } from '@shared/contract/repairs'
import { localDate } from '@shared/domain/dates'
import { signedInUser, type Handlers } from '../core/context'
import { addCharge, assign, backFromManufacturer, lateCall, listPrices, qualityCheck, recordQuote, removeCharge, repairCard, saveCard, savePrices, sendToManufacturer, step, technicians, timeline } from './bench'
import { technicianQueue } from './queue'

export const repairsHandlers: Handlers<typeof repairsContract> = {
  'repairs.queue': async (input, ctx) => {
    const user = signedInUser(ctx)
    const { timeZone } = await ctx.services.settings.cached(ctx.em)
    const technicianId = input.scope === 'mine' ? user.id : input.unassigned ? null : input.technicianId
    return technicianQueue(ctx.em, { today: localDate(ctx.now, timeZone), timeZone, technicianId, status: input.status, limit: input.limit })
  },
  'repairs.assign': async (input, ctx) => assign(ctx, input),
  'repairs.step': async (input, ctx) => step(ctx, input),
  'repairs.card': async ({ orderId }, ctx) => repairCard(ctx.em, signedInUser(ctx), orderId),
  'repairs.card.save': async (input, ctx) => saveCard(ctx, input),
  'repairs.charges.add': async (input, ctx) => addCharge(ctx, input),
  'repairs.charges.remove': async (input, ctx) => removeCharge(ctx, input),
  'repairs.prices.list': async ({ category }, ctx) => listPrices(ctx.em, category),
  'repairs.prices.save': async ({ prices }, ctx) => savePrices(ctx, prices),
  'repairs.quote.record': async (input, ctx) => recordQuote(ctx, input),
  'repairs.qc': async (input, ctx) => qualityCheck(ctx, input),
  'repairs.manufacturer.send': async (input, ctx) => sendToManufacturer(ctx, input),
  'repairs.manufacturer.back': async (input, ctx) => backFromManufacturer(ctx, input),
  'repairs.lateCall': async (input, ctx) => lateCall(ctx, input),
  'repairs.timeline': async ({ orderId }, ctx) => timeline(ctx.em, orderId),
  'repairs.technicians': async (_input, ctx) => technicians(ctx.em)
}
