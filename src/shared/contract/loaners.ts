import { z } from 'zod'
import { channel, readOnly } from './channel'
import { approval, fen, id, optionalText, plainDate, requiredText } from './fields'
import type { PrintJobView } from './printing'
import { PAYMENT_METHODS, type PaymentMethod } from '../domain/payments'

/** What became of a loaner's deposit when it came back. */
export const LOAN_OUTCOMES = ['refunded', 'kept', 'none'] as const
export type LoanOutcome = (typeof LOAN_OUTCOMES)[number]

export const LoanerInput = z.object({
  code: z.string({ error: 'v.required' }).trim().min(1, 'v.required').max(20, { error: 'v.tooLong|max=20' }).regex(/^[A-Za-z0-9_-]+$/, 'loaners.v.code'),
  device: requiredText(60),
  serial: optionalText(40),
  condition: optionalText(200),
  depositFen: fen
})

export interface LoanView {
  loanId: number
  loanerId: number
  code: string
  device: string
  orderId: number
  orderNo: string
  customerName: string
  customerMobile: string
  depositFen: number
  depositMethod: PaymentMethod | null
  lentAt: string
  dueDate: string
  /** dueDate is before today (store time zone). */
  overdue: boolean
  returnedAt: string | null
  outcome: LoanOutcome | null
  conditionOut: string
  conditionIn: string
  keptReason: string
}

export interface LoanerView {
  id: number
  code: string
  device: string
  serial: string
  condition: string
  depositFen: number
  active: boolean
  /** The loan it is out on, if any. */
  loan: LoanView | null
}

/** Loaner devices (备用机): the pool, lending against a deposit, returns (issue 8). */
export const loanersContract = {
  'loaners.list': readOnly(channel<LoanerView[]>()(z.object({}).default({}), 'signedIn')),
  'loaners.out': readOnly(channel<LoanView[]>()(z.object({}).default({}), 'signedIn')),
  /** The order's open loan and its earlier ones (order page). */
  'loaners.forOrder': readOnly(channel<{ open: LoanView | null; past: LoanView[] }>()(z.object({ orderId: id }), 'signedIn')),
  'loaners.create': channel<LoanerView>()(LoanerInput, ['manager']),
  'loaners.update': channel<LoanerView>()(LoanerInput.extend({ loanerId: id, active: z.boolean() }), ['manager']),
  'loaners.lend': channel<{ loan: LoanView; printJobs: PrintJobView[] }>()(
    z.object({ orderId: id, loanerId: id, depositMethod: z.enum(PAYMENT_METHODS), dueDate: plainDate.nullish(), conditionOut: optionalText(200) }),
    ['counter', 'manager']
  ),
  'loaners.return': channel<LoanView>()(
    z
      .object({
        loanId: id,
        conditionIn: optionalText(200),
        outcome: z.enum(['refunded', 'kept']),
        reason: optionalText(200),
        approval: approval.optional()
      })
      .superRefine((r, ctx) => {
        if (r.outcome !== 'kept') return
        if (!r.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'loaners.v.keptReason' })
        if (!r.approval) ctx.addIssue({ code: 'custom', path: ['approval', 'username'], message: 'v.required' })
      }),
    ['counter', 'manager']
  )
}
