import type { devicesContract } from '@shared/contract/devices'
import type { Handlers } from '../core/context'
import { suggestDevices } from './suggestions'

export const devicesHandlers: Handlers<typeof devicesContract> = {
  'devices.suggest': async (input, ctx) => suggestDevices(ctx.em, input)
}
