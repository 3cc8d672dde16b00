import type { intakeContract } from '@shared/contract/intake'
import type { Handlers } from '../core/context'
import { signedInUser } from '../core/context'
import { correctOrder, revealPasscode, supplyImei, voidOrder } from './corrections'
import { warningsFor } from './warnings'
import { warrantyVerdict } from './warranty'

type OrderChannels = 'intake.warnings' | 'orders.correct' | 'orders.void' | 'orders.supplyImei' | 'orders.revealPasscode'

/** Warnings, corrections, void, late IMEI and the passcode (spread into intakeHandlers). */
export const orderHandlers: Pick<Handlers<typeof intakeContract>, OrderChannels> = {
  'intake.warnings': async (input, ctx) => {
    const settings = await ctx.services.settings.load(ctx.em)
    const verdict = await warrantyVerdict(ctx.em, settings, ctx.now, {
      category: input.device.category,
      component: input.warranty.component,
      serial: input.device.serial,
      invoiceDate: input.purchase.invoiceDate,
      condition: input.condition
    })
    return warningsFor(ctx.em, {
      serial: input.device.serial,
      excludeOrderId: input.orderId ?? undefined,
      serviceType: input.service.type,
      estimateFen: input.service.estimateFen,
      depositFen: input.service.depositFen,
      finalInWarranty: input.warranty.override ? input.warranty.override.inWarranty : verdict.inWarranty
    })
  },
  'orders.correct': async (input, ctx) => correctOrder(ctx, signedInUser(ctx), input),
  'orders.void': async ({ orderId, reason }, ctx) => voidOrder(ctx, signedInUser(ctx), orderId, reason),
  'orders.supplyImei': async ({ orderId, serial }, ctx) => supplyImei(ctx, signedInUser(ctx), orderId, serial),
  'orders.revealPasscode': async ({ orderId }, ctx) => revealPasscode(ctx, signedInUser(ctx), orderId)
}
