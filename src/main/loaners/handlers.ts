import type { loanersContract } from '@shared/contract/loaners'
import type { Handlers } from '../core/context'

export const loanersHandlers: Handlers<typeof loanersContract> = {
  'loaners.list': async () => []
}
