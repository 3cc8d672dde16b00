import { z } from 'zod'
import { channel, readOnly } from './channel'

/** Technician bench: queue, status steps, repair card, quotes, QC, manufacturer trips (issue 8). */
export const repairsContract = {
  'repairs.queue': readOnly(channel<unknown[]>()(z.object({}).default({}), 'signedIn'))
}
