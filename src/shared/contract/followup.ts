import { z } from 'zod'
import { channel, readOnly } from './channel'
import { id, optionalText } from './fields'
import { COMPLAINT_CATEGORIES, type ComplaintCategory } from './complaints'

/** Follow-up calls (回访) are due this many working days after pickup, inclusive. */
export const FOLLOW_UP_FROM_WORKING_DAYS = 2
export const FOLLOW_UP_TO_WORKING_DAYS = 7
/** The call list never reads more than this many orders. */
export const FOLLOW_UP_LIST_MAX = 500

/** reached: the customer answered; noAnswer: try again later (the order stays on the list); refused: no survey. */
export const FOLLOW_UP_OUTCOMES = ['reached', 'noAnswer', 'refused'] as const
export type FollowUpOutcome = (typeof FOLLOW_UP_OUTCOMES)[number]
export const RATINGS = ['verySatisfied', 'satisfied', 'average', 'dissatisfied', 'veryDissatisfied'] as const
export type Rating = (typeof RATINGS)[number]
/** An overall rating that opens a complaint by itself. */
export const UNHAPPY_RATINGS: readonly Rating[] = ['dissatisfied', 'veryDissatisfied']
export const ASPECTS = ['attitude', 'skill', 'timeliness', 'fees'] as const
export type Aspect = (typeof ASPECTS)[number]

/** One picked-up order on the call list. */
export interface FollowUpItem {
  orderId: number
  orderNo: string
  customerName: string
  mobile: string
  device: string
  /** Hand-back instant (UTC) and its store-local date. */
  returnedAt: string
  pickupDate: string
  /** Working days since pickup (2 … 7). */
  workingDaysAgo: number
  /** Earlier "no answer" calls. */
  attempts: number
  lastAttemptAt: string | null
}

const rating = z.enum(RATINGS, { error: 'v.required' })

export const FollowUpRecordInput = z
  .object({
    orderId: id,
    outcome: z.enum(FOLLOW_UP_OUTCOMES),
    rating: rating.nullable().default(null),
    aspects: z
      .object({ attitude: rating.nullable(), skill: rating.nullable(), timeliness: rating.nullable(), fees: rating.nullable() })
      .partial()
      .default({}),
    /** Was the deposit paid back (null: not asked / no deposit). */
    depositRefunded: z.boolean().nullable().default(null),
    note: optionalText(500, { multiline: true }),
    /** For an unhappy rating: what the complaint is about (default from the worst aspect). */
    complaintCategory: z.enum(COMPLAINT_CATEGORIES).optional()
  })
  .superRefine((f, ctx) => {
    if (f.outcome === 'reached' && !f.rating) ctx.addIssue({ code: 'custom', path: ['rating'], message: 'followups.v.ratingRequired' })
    if (f.outcome !== 'reached' && (f.rating || Object.values(f.aspects).some(Boolean)))
      ctx.addIssue({ code: 'custom', path: ['rating'], message: 'followups.v.noRatingUnlessReached' })
    if (f.rating && UNHAPPY_RATINGS.includes(f.rating) && !f.note) ctx.addIssue({ code: 'custom', path: ['note'], message: 'followups.v.noteRequired' })
  })

export interface FollowUpView {
  id: number
  orderId: number
  at: string
  userName: string
  outcome: FollowUpOutcome
  rating: Rating | null
  aspects: Partial<Record<Aspect, Rating | null>>
  depositRefunded: boolean | null
  note: string
  /** The complaint an unhappy rating opened. */
  complaintId: number | null
  complaintNo: string | null
}

export interface SatisfactionRate {
  from: string
  to: string
  /** Calls that reached the customer and got an overall rating. */
  visits: number
  dissatisfied: number
  veryDissatisfied: number
  /** (visits − dissatisfied − very dissatisfied) / visits; null with no visits. */
  rate: number | null
  /** The store's target (settings.followUp), as a fraction. */
  target: number
}

export interface ComplaintRate {
  from: string
  to: string
  complaints: number
  pickedUp: number
  /** complaints / orders picked up; 0 when nothing was picked up. */
  rate: number
}

/** Follow-up calls (回访): the counter and the manager make them; the rates are the manager's. */
export const followUpContract = {
  'followups.list': readOnly(channel<FollowUpItem[]>()(z.object({}).default({}), ['counter', 'manager'])),
  'followups.record': channel<FollowUpView>()(FollowUpRecordInput, ['counter', 'manager']),
  'followups.forOrder': readOnly(channel<FollowUpView[]>()(z.object({ orderId: id }), ['counter', 'manager'])),
  /** One store-local month (YYYY-MM): satisfaction against the target, and the complaint rate. */
  'followups.rates': readOnly(
    channel<{ satisfaction: SatisfactionRate; complaints: ComplaintRate }>()(z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'v.invalid') }), ['counter', 'manager'])
  )
}

export type { ComplaintCategory }
