import type { Contract } from '@shared/contract'
import type { Handlers } from './core/context'
import { authHandlers } from './auth/handlers'
import { intakeHandlers } from './intake/handlers'
import { printingHandlers } from './printing/handlers'
import { settingsHandlers } from './settings/handlers'

/** Every channel's handler; the type makes a missing or misspelt channel a compile error. */
export const handlers: Handlers<Contract> = {
  ...authHandlers,
  ...settingsHandlers,
  ...intakeHandlers,
  ...printingHandlers
}
