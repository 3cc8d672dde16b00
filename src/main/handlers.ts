import type { Contract } from '@shared/contract'
import type { Handlers } from './core/context'
import { auditHandlers } from './audit/handlers'
import { authHandlers } from './auth/handlers'
import { devicesHandlers } from './devices/handlers'
import { intakeHandlers } from './intake/handlers'
import { printingHandlers } from './printing/handlers'
import { searchHandlers } from './search/handlers'
import { settingsHandlers } from './settings/handlers'
import { systemHandlers } from './system/handlers'
import { warehouseHandlers } from './warehouse/handlers'
import { repairsHandlers } from './repairs/handlers'
import { pickupHandlers } from './pickup/handlers'
import { customersHandlers } from './customers/handlers'
import { loanersHandlers } from './loaners/handlers'
import { backupHandlers } from './backup/handlers'
import { dayCloseHandlers } from './dayclose/handlers'
import { reportsHandlers } from './reports/handlers'
import { followUpHandlers } from './followup/handlers'
import { complaintsHandlers } from './complaints/handlers'

/** Every channel's handler; the type makes a missing or misspelt channel a compile error. */
export const handlers: Handlers<Contract> = {
  ...authHandlers,
  ...auditHandlers,
  ...settingsHandlers,
  ...intakeHandlers,
  ...devicesHandlers,
  ...printingHandlers,
  ...searchHandlers,
  ...systemHandlers,
  ...warehouseHandlers,
  ...repairsHandlers,
  ...pickupHandlers,
  ...customersHandlers,
  ...loanersHandlers,
  ...backupHandlers,
  ...dayCloseHandlers,
  ...reportsHandlers,
  ...followUpHandlers,
  ...complaintsHandlers
}
