import type { catalogueContract } from '@shared/contract/warehouse/catalogue'
import type { Handlers } from '../core/context'

export const catalogueHandlers: Handlers<typeof catalogueContract> = {}
