import { z } from 'zod'
import { channel, readOnly } from './channel'

/** What became of a loaner's deposit when it came back. */
export const LOAN_OUTCOMES = ['refunded', 'kept', 'none'] as const
export type LoanOutcome = (typeof LOAN_OUTCOMES)[number]

/** Loaner devices (备用机): the pool, lending against a deposit, returns (issue 8). */
export const loanersContract = {
  'loaners.list': readOnly(channel<unknown[]>()(z.object({}).default({}), 'signedIn'))
}
