import type { customersContract } from '@shared/contract/customers'
import type { Handlers } from '../core/context'

export const customersHandlers: Handlers<typeof customersContract> = {
  'notices.list': async () => []
}
