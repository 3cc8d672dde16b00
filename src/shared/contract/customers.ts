import { z } from 'zod'
import { channel, readOnly } from './channel'

/** Customer care: ready notices, uncollected devices, comebacks (issue 8). */
export const customersContract = {
  'notices.list': readOnly(channel<unknown[]>()(z.object({}).default({}), 'signedIn'))
}
