import type { systemContract } from '@shared/contract/system'
import type { Handlers } from '../core/context'

/** A core with a router is a core whose database passed its checks; a damaged one answers from DamagedRouter. */
export const systemHandlers: Handlers<typeof systemContract> = {
  'system.health': async () => ({ state: 'ok' })
}
