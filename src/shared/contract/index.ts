import { authContract } from './auth'
import { intakeContract } from './intake'
import { printingContract } from './printing'
import { settingsContract } from './settings'
import type { InputOf, OutputOf } from './channel'
import type { Result } from './result'

export * from './channel'
export * from './result'
export * from './roles'

/** The whole IPC contract: one map per domain, merged. Main and renderer both derive from it. */
export const contract = {
  ...authContract,
  ...settingsContract,
  ...intakeContract,
  ...printingContract
}
export type Contract = typeof contract
export type Channel = keyof Contract

/** The typed client every transport provides: api.call('intake.create', input) */
export interface Api {
  call<C extends Channel>(channel: C, input: InputOf<Contract[C]>): Promise<Result<OutputOf<Contract[C]>>>
}
