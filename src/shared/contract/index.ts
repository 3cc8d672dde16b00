import { auditContract } from './audit'
import { authContract } from './auth'
import { devicesContract } from './devices'
import { intakeContract } from './intake'
import { printingContract } from './printing'
import { searchContract } from './search'
import { settingsContract } from './settings'
import { systemContract } from './system'
import { warehouseContract } from './warehouse'
import { repairsContract } from './repairs'
import { pickupContract } from './pickup'
import { customersContract } from './customers'
import { loanersContract } from './loaners'
import { backupContract } from './backup'
import { dayCloseContract } from './dayclose'
import { reportsContract } from './reports'
import { followUpContract } from './followup'
import { complaintsContract } from './complaints'
import type { InputOf, OutputOf } from './channel'
import type { Result } from './result'

export * from './channel'
export * from './result'
export * from './roles'

/** The whole IPC contract: one map per domain, merged. Main and renderer both derive from it. */
export const contract = {
  ...authContract,
  ...auditContract,
  ...settingsContract,
  ...intakeContract,
  ...devicesContract,
  ...printingContract,
  ...searchContract,
  ...systemContract,
  ...warehouseContract,
  ...repairsContract,
  ...pickupContract,
  ...customersContract,
  ...loanersContract,
  ...backupContract,
  ...dayCloseContract,
  ...reportsContract,
  ...followUpContract,
  ...complaintsContract
}
export type Contract = typeof contract
export type Channel = keyof Contract

/** The typed client every transport provides: api.call('intake.create', input) */
export interface Api {
  call<C extends Channel>(channel: C, input: InputOf<Contract[C]>): Promise<Result<OutputOf<Contract[C]>>>
}
