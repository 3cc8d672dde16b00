import type { pickupContract } from '@shared/contract/pickup'
import type { Handlers } from '../core/context'

export const pickupHandlers: Handlers<typeof pickupContract> = {
  'pickup.find': async () => []
}
