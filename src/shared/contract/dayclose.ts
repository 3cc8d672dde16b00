import { z } from 'zod'
import { channel, readOnly } from './channel'
import { approvalToken, fen, optionalText, plainDate, requiredText } from './fields'
import { PAYMENT_METHODS, type PaymentMethod } from '../domain/payments'
import type { PrintJobView } from './printing'
import type { Locale } from '../i18n/define'

/**
 * The business day and its cash (issue 9): the opening float, cash in / out, the day close with a
 * cash count by denomination, and the frozen daily report (日报表 / Z report) of a closed day.
 * A business day is the calendar day in the store's time zone; its UTC range is [startAt, endAt).
 */

/** Notes and coins counted at the close, in fen: ¥100, 50, 20, 10, 5, 1, 0.5, 0.1. */
export const DENOMINATIONS = [10000, 5000, 2000, 1000, 500, 100, 50, 10] as const

export const CASH_MOVE_KINDS = ['float', 'in', 'out', 'adjustment'] as const
export type CashMoveKind = (typeof CASH_MOVE_KINDS)[number]

export interface CashMoveView {
  id: number
  kind: CashMoveKind
  method: PaymentMethod
  /** Signed: cash out is negative; an adjustment may be either. */
  amountFen: number
  reason: string
  at: string
  userName: string
  /** An adjustment: the closed day it corrects. */
  closedDayRef: string | null
}

export interface MethodTotals {
  method: PaymentMethod
  /** Deposits and payments received (positive). */
  receivedFen: number
  /** Refunds paid back (positive number). */
  refundsFen: number
  /** Float, cash in/out and adjustments of this method. */
  movesFen: number
  expectedFen: number
  /** Only in a close: what was counted (cash) or read off the terminal (others). */
  countedFen?: number
  diffFen?: number
}

export interface ZReport {
  day: string
  startAt: string
  endAt: string
  closedAt: string
  closedBy: string
  approvedBy: string
  store: string
  /**
   * The store's receipt language and time zone when the day was closed: every print and export of
   * it uses these, so a reprint after a settings change is still identical. (Absent in reports
   * frozen before they were recorded: the current settings then.)
   */
  locale?: Locale
  timeZone?: string
  orders: { received: number; finished: number; pickedUp: number; cancelled: number }
  /** Devices in the shop at close (客户商品进出登记簿), oldest first; at most IN_SHOP_MAX listed. */
  inShop: { orderNo: string; device: string; customer: string; status: string; receivedAt: string; ageDays: number; overdue: boolean }[]
  inShopCount: number
  overdueCount: number
  uncollected: { orderNo: string; device: string; customer: string; readyAt: string; notices: number }[]
  money: Required<MethodTotals>[]
  cash: {
    floatFen: number
    inFen: number
    outFen: number
    adjustmentsFen: number
    paymentsFen: number
    expectedFen: number
    countedFen: number
    overShortFen: number
    note: string
    counts: { denomFen: number; count: number }[]
  }
  /** What the shop owes customers at close: net payments (loaner deposits apart) of orders still in the shop. */
  depositsHeldFen: number
  refunds: { orderNo: string; method: PaymentMethod; amountFen: number; loaner: boolean; at: string }[]
  discounts: { orderNo: string; discountFen: number; reason: string; approvedBy: string }[]
  parts: { issuedQty: number; issuedFen: number; returnedQty: number; returnedFen: number; receivedQty: number; receivedFen: number }
  technicians: { userId: number; name: string; ordersTouched: number; labourMinutes: number; labourFen: number; qcPassed: number; qcFailed: number }[]
  adjustments: { closedDayRef: string; method: PaymentMethod; amountFen: number; reason: string }[]
}

export interface DayCloseView {
  id: number
  day: string
  startAt: string
  endAt: string
  closedAt: string
  closedBy: string
  overShortFen: number
  note: string
}

export interface DayStatus {
  /** The day shown (today unless asked). */
  day: string
  today: string
  startAt: string
  endAt: string
  closed: DayCloseView | null
  /** The day's opening float (null: not recorded yet). */
  float: CashMoveView | null
  moves: CashMoveView[]
  /** Expected per method from payments, float and moves (live until the day is closed). */
  expected: MethodTotals[]
  /** Business days before today with payments or orders and no close (oldest first). */
  unclosed: string[]
}

export const IN_SHOP_MAX = 2000

const counts = z.array(z.number({ error: 'v.number' }).int('v.integer').min(0, 'v.money.nonNegative').max(100_000, 'v.invalid')).length(DENOMINATIONS.length)

export const CloseDayInput = z.object({
  day: plainDate,
  /** One count per DENOMINATIONS entry, in that order. */
  counts,
  /** Non-cash totals as read off the terminals / statements. */
  counted: z.object({ wechat: fen, alipay: fen, card: fen, other: fen }),
  /** Required when anything is over or short. */
  note: optionalText(200),
  /** The manager's PIN, checked as it was typed (auth.approve, purpose 'dayclose.close'). */
  approval: approvalToken
})
export type CloseDayParsed = z.output<typeof CloseDayInput>

export const CashMoveInput = z.object({
  kind: z.enum(['in', 'out']),
  amountFen: fen.min(1, 'dayclose.v.positive'),
  reason: requiredText(100)
})

export const AdjustInput = z.object({
  closedDay: plainDate,
  method: z.enum(PAYMENT_METHODS),
  direction: z.enum(['in', 'out']),
  amountFen: fen.min(1, 'dayclose.v.positive'),
  reason: requiredText(200)
})

export const EXPORT_FORMATS = ['pdf', 'xlsx', 'csv'] as const

const managerOnly = ['manager'] as const
const cashRoles = ['counter', 'manager'] as const

export const dayCloseContract = {
  'dayclose.status': readOnly(channel<DayStatus>()(z.object({ day: plainDate.optional() }).default({}), cashRoles)),
  /** Business days before today left unclosed (the manager's banner at sign-in). */
  'dayclose.unclosed': readOnly(channel<{ days: string[] }>()(z.object({}).default({}), managerOnly)),
  /** The opening float of today (once a day). */
  'dayclose.openFloat': channel<CashMoveView>()(z.object({ amountFen: fen, note: optionalText(100) }), cashRoles),
  'dayclose.cashMove': channel<CashMoveView>()(CashMoveInput, cashRoles),
  /** A correction of a closed day, booked today and pointing at that day. */
  'dayclose.adjust': channel<CashMoveView>()(AdjustInput, managerOnly),
  /** Closes a business day (the manager's PIN checked beforehand by auth.approve): counts, expected vs counted, the frozen Z report; a backup follows. */
  'dayclose.close': channel<{ close: DayCloseView; report: ZReport }>()(CloseDayInput, managerOnly),
  'dayclose.report': readOnly(channel<ZReport>()(z.object({ day: plainDate }), managerOnly)),
  /** The thermal summary through the print queue (the same snapshot every time). */
  'dayclose.print': channel<PrintJobView>()(z.object({ day: plainDate }), managerOnly),
  'dayclose.export': readOnly(
    channel<{ fileName: string; base64: string; mime: string }>()(z.object({ day: plainDate, format: z.enum(EXPORT_FORMATS) }), managerOnly)
  )
}
