import { z } from 'zod'
import { channel } from './channel'
import { catalogueCode } from './fields'

/** How many suggestions one call returns at most (the list under a brand or model field). */
export const DEVICE_SUGGESTIONS = 30

export const DeviceSuggestInput = z.object({
  category: catalogueCode,
  /** With a brand: its models; without: the category's brands. */
  brand: z.string().trim().max(40).default(''),
  /** What the clerk has typed so far: names starting with it come first (case-insensitive). */
  prefix: z.string().trim().max(60).default('')
})
export type DeviceSuggestInput = z.input<typeof DeviceSuggestInput>

/**
 * Brands and models this store has taken in before (recorded at every intake), most used first,
 * so the clerk types `hw` and picks 华为 rather than typing it again.
 */
export const devicesContract = {
  'devices.suggest': channel<string[]>()(DeviceSuggestInput, ['counter', 'manager'])
}
