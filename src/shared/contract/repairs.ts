import { z } from 'zod'
import { BENCH_STATUSES, ORDER_STATUSES, type OrderEventKind, type OrderStatus } from '../domain/order-status'
import type { ChargeLine } from '../domain/settlement'
import { channel, readOnly } from './channel'
import { catalogueCode, fen, id, optionalText, plainDate, requiredText } from './fields'

/** Technician bench: queue, status steps, repair card, quotes, QC, manufacturer trips (issue 8). */

/** The most rows one queue answer holds. */
export const QUEUE_MAX = 200
/** What the queue can show: work still at the bench, and repaired devices waiting to be collected. */
export const QUEUE_STATUSES = [...BENCH_STATUSES, 'ready'] as const satisfies readonly OrderStatus[]
export type QueueStatus = (typeof QUEUE_STATUSES)[number]

export const MANUFACTURER_RESULTS = ['repaired', 'replaced', 'refused'] as const
export type ManufacturerResult = (typeof MANUFACTURER_RESULTS)[number]
/** Where the order may go when it comes back from the manufacturer (first = the default). */
export const MANUFACTURER_NEXT: Record<ManufacturerResult, readonly OrderStatus[]> = {
  repaired: ['qualityCheck', 'repairing'],
  replaced: ['qualityCheck', 'repairing'],
  refused: ['unrepairable', 'repairing']
}

/** Steps taken with repairs.step (QC, manufacturer trips, pickup and void have their own channels). */
export const STEP_TARGETS = ['diagnosing', 'awaitingApproval', 'waitingParts', 'repairing', 'qualityCheck', 'unrepairable', 'cancelled'] as const satisfies readonly OrderStatus[]
export type StepTarget = (typeof STEP_TARGETS)[number]

export interface UserRef {
  id: number
  displayName: string
}

export interface QueueRow {
  orderId: number
  orderNo: string
  device: string
  customerName: string
  status: OrderStatus
  technician: UserRef | null
  promisedDate: string
  receivedAt: string
  overdue: boolean
}

export interface QueueView {
  rows: QueueRow[]
  /** More orders match than were answered (raise the limit or narrow the filter). */
  more: boolean
  /** The store's business day the overdue flags were computed for. */
  today: string
}

export const QueueInput = z
  .object({
    /** 'mine': the signed-in user's orders. */
    scope: z.enum(['shop', 'mine'], { error: 'v.choice' }).default('shop'),
    technicianId: id.optional(),
    /** Only orders nobody has taken yet. */
    unassigned: z.boolean().default(false),
    status: z.enum(QUEUE_STATUSES, { error: 'v.choice' }).optional(),
    limit: z.number().int().min(1).max(QUEUE_MAX).default(100)
  })
  .default({ scope: 'shop', unassigned: false, limit: 100 })
export type QueueInput = z.input<typeof QueueInput>

export interface TimelineEntry {
  id: number
  at: string
  kind: OrderEventKind
  user: UserRef
  fromStatus: OrderStatus | null
  toStatus: OrderStatus | null
  note: string
  detail: Record<string, unknown> | null
}

export interface LabourPriceView {
  id: number
  category: string
  faultCode: string
  description: string
  amountFen: number
  minutes: number
}

export const LabourPriceInput = z.object({
  category: catalogueCode,
  faultCode: catalogueCode,
  description: optionalText(60),
  amountFen: fen,
  minutes: z.number({ error: 'v.number' }).int('v.integer').min(0, 'v.invalid').max(100000, 'v.invalid')
})

export interface ManufacturerTripView {
  id: number
  sentDate: string
  carrier: string
  reference: string
  sentNote: string
  sentBy: UserRef
  backDate: string | null
  result: ManufacturerResult | null
  backNote: string
  backBy: UserRef | null
}

/** What the signed-in user may do to this order now (the order page shows exactly these). */
export interface BenchActions {
  steps: StepTarget[]
  assign: boolean
  take: boolean
  editCard: boolean
  qc: boolean
  quote: boolean
  manufacturerSend: boolean
  manufacturerBack: boolean
  lateCall: boolean
}

export interface RepairCardView {
  orderId: number
  orderNo: string
  status: OrderStatus
  category: string
  warranty: boolean
  estimateFen: number
  promisedDate: string
  technician: UserRef | null
  card: { faultFound: string; faultCodes: string[]; workDone: string; labourMinutes: number; updatedAt: string | null; updatedBy: UserRef | null }
  charges: ChargeLine[]
  /** Σ every line; what the customer will be asked for (not warranty-free). */
  totalFen: number
  expectedFen: number
  /** The expected cost is above the estimate: the customer must approve before work goes on. */
  overEstimate: boolean
  /** Handed back: charges can no longer change. */
  closed: boolean
  /** Labour prices for this order's category (and for every category, code '*'). */
  prices: LabourPriceView[]
  trips: ManufacturerTripView[]
  /** 三包: parts issued to this order for which no old part has been recorded yet. */
  oldPartsDue: { partId: number; description: string; qty: number }[]
  actions: BenchActions
}

const orderRef = z.object({ orderId: id })

export const CardInput = z.object({
  orderId: id,
  faultFound: optionalText(500, { multiline: true }),
  faultCodes: z.array(catalogueCode).max(20).default([]),
  workDone: optionalText(500, { multiline: true }),
  labourMinutes: z.number({ error: 'v.number' }).int('v.integer').min(0, 'v.invalid').max(100000, 'v.invalid').default(0)
})

export const ChargeInput = z.discriminatedUnion('kind', [
  z.object({ orderId: id, kind: z.literal('labour'), priceId: id }),
  z.object({ orderId: id, kind: z.literal('labourTyped'), description: requiredText(60), minutes: z.number({ error: 'v.number' }).int('v.integer').min(0, 'v.invalid').max(100000, 'v.invalid').default(0), amountFen: fen }),
  z.object({ orderId: id, kind: z.literal('other'), description: requiredText(60), amountFen: fen })
])
export type ChargeInput = z.input<typeof ChargeInput>

export const QuoteInput = z.object({
  orderId: id,
  approved: z.boolean({ error: 'v.required' }),
  /** The amount the customer was quoted. */
  amountFen: fen,
  note: optionalText(200),
  /** On a no: a diagnosis fee charged as an other charge (0 = none). */
  diagnosisFeeFen: fen.default(0)
})

export const QcInput = z
  .object({ orderId: id, passed: z.boolean({ error: 'v.required' }), reason: optionalText(200) })
  .refine((v) => v.passed || v.reason.length > 0, { message: 'v.required', path: ['reason'] })

export const ManufacturerSendInput = z.object({ orderId: id, date: plainDate, carrier: requiredText(60), reference: requiredText(60), note: optionalText(200) })
export const ManufacturerBackInput = z.object({
  orderId: id,
  date: plainDate,
  result: z.enum(MANUFACTURER_RESULTS, { error: 'v.choice' }),
  /** Absent: the result's default (MANUFACTURER_NEXT). */
  to: z.enum(ORDER_STATUSES, { error: 'v.choice' }).optional(),
  note: optionalText(200)
})

const BENCH = ['technician', 'manager'] as const
const COUNTER_BENCH = ['counter', 'technician', 'manager'] as const

export const repairsContract = {
  /** The shop's queue or mine: overdue first, then by promised date; at most QUEUE_MAX rows. */
  'repairs.queue': readOnly(channel<QueueView>()(QueueInput, 'signedIn')),
  /** Counter/manager assign or reassign; a technician may take an unassigned order (technicianId = self). */
  'repairs.assign': channel<RepairCardView>()(z.object({ orderId: id, technicianId: id }), COUNTER_BENCH),
  'repairs.step': channel<RepairCardView>()(z.object({ orderId: id, to: z.enum(STEP_TARGETS, { error: 'v.choice' }), note: optionalText(200) }), COUNTER_BENCH),
  'repairs.card': readOnly(channel<RepairCardView>()(orderRef, 'signedIn')),
  'repairs.card.save': channel<RepairCardView>()(CardInput, BENCH),
  'repairs.charges.add': channel<RepairCardView>()(ChargeInput, BENCH),
  'repairs.charges.remove': channel<RepairCardView>()(z.object({ orderId: id, chargeId: id }), BENCH),
  'repairs.prices.list': readOnly(channel<LabourPriceView[]>()(z.object({ category: catalogueCode.optional() }).default({}), 'signedIn')),
  /** Replaces the whole labour price list (manager). */
  'repairs.prices.save': channel<LabourPriceView[]>()(z.object({ prices: z.array(LabourPriceInput).max(500) }), ['manager']),
  'repairs.quote.record': channel<RepairCardView>()(QuoteInput, COUNTER_BENCH),
  'repairs.qc': channel<RepairCardView>()(QcInput, BENCH),
  'repairs.manufacturer.send': channel<RepairCardView>()(ManufacturerSendInput, BENCH),
  'repairs.manufacturer.back': channel<RepairCardView>()(ManufacturerBackInput, BENCH),
  /** "Will be late": a new promised date (today or later) and what the customer was told. */
  'repairs.lateCall': channel<RepairCardView>()(z.object({ orderId: id, promisedDate: plainDate, note: requiredText(200) }), COUNTER_BENCH),
  'repairs.timeline': readOnly(channel<TimelineEntry[]>()(orderRef, 'signedIn')),
  /** Who can be assigned an order: active technicians and managers. */
  'repairs.technicians': readOnly(channel<UserRef[]>()(z.object({}).default({}), 'signedIn'))
}
