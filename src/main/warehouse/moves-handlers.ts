import type { movesContract } from '@shared/contract/warehouse/moves'
import type { Handlers } from '../core/context'

export const movesHandlers: Handlers<typeof movesContract> = {}
