import { z } from 'zod'
import { channel, readOnly } from './channel'

/** Pickup: find the order, settle, pay, final receipt, void the claim ticket (issue 8). */
export const pickupContract = {
  'pickup.find': readOnly(channel<unknown[]>()(z.object({}).default({}), 'signedIn'))
}
