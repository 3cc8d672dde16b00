import { z } from 'zod'
import type { ServiceType } from './intake'
import type { ReworkRate } from './customers'
import { channel, readOnly } from './channel'
import { plainDate } from './fields'

/**
 * The manager's reports and dashboard (issue 9): any store-local date range, both ends inclusive,
 * at most REPORT_MAX_DAYS days. Money in fen; durations in hours (the screen shows days + hours).
 */
export const REPORT_MAX_DAYS = 366
/** Parts listed by name in the consumption table (the total covers every part). */
export const REPORT_TOP_PARTS = 20

export interface ServiceTypeRow {
  serviceType: ServiceType
  /** Orders taken in during the range (void ones not counted). */
  received: number
  /** Orders handed back (status pickedUp) during the range. */
  pickedUp: number
  /** Net payment rows (deposits + payments − refunds; loaner money apart) of the orders picked up in the range. */
  revenueFen: number
}

export interface DayRow {
  date: string
  received: number
  pickedUp: number
  revenueFen: number
}

export interface TurnaroundStats {
  /** Orders picked up in the range. */
  count: number
  /** Received → picked up, in hours (null when none). */
  medianHours: number | null
  p90Hours: number | null
}

export interface TurnaroundReport {
  all: TurnaroundStats
  byServiceType: (TurnaroundStats & { serviceType: ServiceType })[]
  /** Orders per whole-day bucket (0 = same day … 30+). */
  histogram: { bucket: string; count: number }[]
}

export interface PartRow {
  partId: number
  sku: string
  name: string
  /** Issued minus returned. */
  qty: number
  /** At the cost each ledger row moved at. */
  valueFen: number
}

export interface PartsReport {
  top: PartRow[]
  /** Every part, not only the top ones. */
  totalQty: number
  totalValueFen: number
  /** Distinct parts with net consumption. */
  partCount: number
}

export interface TechnicianRow {
  userId: number
  name: string
  /** Orders they moved to quality check (or ready) during the range. */
  finished: number
  /** Labour charges on those orders. */
  labourMinutes: number
  labourFen: number
  /** QC verdicts in the range on work they handed to QC, and how many failed. */
  qcChecked: number
  qcFailed: number
  /** qcFailed / qcChecked; null when nothing was checked. */
  qcFailRate: number | null
}

/** A follow-up rate (satisfaction, complaints); `available: false` until the follow-up domain answers. */
export interface FollowupRate {
  available: boolean
  rate: number | null
  numerator: number
  denominator: number
  target: number | null
}

export interface RangeReport {
  from: string
  to: string
  days: number
  serviceTypes: ServiceTypeRow[]
  totals: { received: number; pickedUp: number; revenueFen: number }
  perDay: DayRow[]
  turnaround: TurnaroundReport
  comeback: ReworkRate
  parts: PartsReport
  technicians: TechnicianRow[]
  satisfaction: FollowupRate
  complaints: FollowupRate
}

export interface DashboardTiles {
  /** Every order not yet handed back or voided. */
  inShop: number
  /** Still at the bench with the promised date passed. */
  overdue: number
  /** Ready (or unrepairable / cancelled) and waiting for the customer. */
  uncollected: number
  /** Net money taken today (payments − refunds, loaner money apart) and how many rows. */
  takingsFen: number
  takingsCount: number
  /** Today's takings per method. */
  takingsByMethod: { method: string; amountFen: number }[]
}

export interface DashboardData {
  today: string
  tiles: DashboardTiles
  /** The current month, from its first day to today. */
  month: RangeReport
}

export const REPORT_TABLES = ['serviceTypes', 'perDay', 'turnaround', 'parts', 'technicians', 'rates'] as const
export type ReportTable = (typeof REPORT_TABLES)[number]

export interface ReportFile {
  fileName: string
  mime: string
  base64: string
}

/** A range of store-local days, inclusive; `to` not before `from`, at most REPORT_MAX_DAYS days. */
export const ReportRange = z
  .object({ from: plainDate, to: plainDate })
  .superRefine((r, ctx) => {
    if (r.to < r.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'reports.v.toBeforeFrom' })
    else {
      const days = Math.round((Date.parse(`${r.to}T00:00:00Z`) - Date.parse(`${r.from}T00:00:00Z`)) / 86_400_000) + 1
      if (days > REPORT_MAX_DAYS) ctx.addIssue({ code: 'custom', path: ['to'], message: `reports.v.tooLong|max=${REPORT_MAX_DAYS}` })
    }
  })


export const reportsContract = {
  /** The dashboard's first paint: today's tiles and the current month's report, in one call. */
  'reports.dashboard': readOnly(channel<DashboardData>()(z.object({}).default({}), ['manager'])),
  'reports.range': readOnly(channel<RangeReport>()(ReportRange, ['manager'])),
  /** One table of the range report (or every table, one sheet each) as xlsx. */
  'reports.export': readOnly(
    channel<ReportFile>()(
      z.object({ from: plainDate, to: plainDate, table: z.enum([...REPORT_TABLES, 'all'], { error: 'v.choice' }) }).superRefine((r, ctx) => {
        const parsed = ReportRange.safeParse({ from: r.from, to: r.to })
        if (!parsed.success) for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message })
      }),
      ['manager']
    )
  )
}
