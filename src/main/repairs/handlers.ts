import type { repairsContract } from '@shared/contract/repairs'
import type { Handlers } from '../core/context'

export const repairsHandlers: Handlers<typeof repairsContract> = {
  'repairs.queue': async () => []
}
