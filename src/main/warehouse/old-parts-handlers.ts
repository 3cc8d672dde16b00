import type { oldPartsContract } from '@shared/contract/warehouse/old-parts'
import type { Handlers } from '../core/context'

export const oldPartsHandlers: Handlers<typeof oldPartsContract> = {}
