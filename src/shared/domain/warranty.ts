import { addDays, addMonths, nextWorkingDayOnOrAfter, type PlainDate, type WorkCalendar } from './dates'

/** 三包: per device category and component, a warranty period in months from the invoice date. */
export interface WarrantyRule {
  category: string
  component: string
  months: number
}

/** Condition-check findings at intake; printed on the ticket. */
export interface ConditionCheck {
  screenCracked: boolean
  scratchesDents: boolean
  waterDamage: boolean
  sealsIntact: boolean
  powersOn: boolean
  other: string
}

/** Findings that void the warranty (三包 exclusions: water damage, human damage, opened seal). */
export const EXCLUSIONS = ['waterDamage', 'humanDamage', 'sealBroken'] as const
export type Exclusion = (typeof EXCLUSIONS)[number]

export interface WarrantyPolicy {
  rules: WarrantyRule[]
  /** Which exclusions are enforced. */
  exclusions: Exclusion[]
  /** Which condition findings count as human damage. */
  humanDamageSigns: ('screenCracked' | 'scratchesDents')[]
}

/** Defaults from the usual mobile-phone 三包 rules; every category gets a 12-month main unit. */
export const DEFAULT_WARRANTY_POLICY: WarrantyPolicy = {
  rules: [
    { category: 'phone', component: 'main', months: 12 },
    { category: 'phone', component: 'battery', months: 6 },
    { category: 'phone', component: 'charger', months: 12 },
    { category: 'phone', component: 'earphones', months: 3 },
    { category: 'phone', component: 'card', months: 1 },
    { category: 'tablet', component: 'main', months: 12 },
    { category: 'tablet', component: 'battery', months: 6 },
    { category: 'tablet', component: 'charger', months: 12 },
    { category: 'computer', component: 'main', months: 12 },
    { category: 'computer', component: 'battery', months: 12 },
    { category: 'appliance', component: 'main', months: 12 },
    { category: 'other', component: 'main', months: 12 }
  ],
  exclusions: ['waterDamage', 'humanDamage', 'sealBroken'],
  humanDamageSigns: ['screenCracked']
}

export const COMPONENTS = ['main', 'battery', 'charger', 'earphones', 'card'] as const

export interface WarrantyQuestion {
  policy: WarrantyPolicy
  category: string
  /** The component the fault is claimed against; 'main' unless the clerk picks another. */
  component: string
  invoiceDate: PlainDate | null
  today: PlainDate
  /** Days this device already spent in repair here; they extend every period. */
  daysInRepair: number
  calendar: WorkCalendar
  condition: ConditionCheck
}

export interface ComponentTerm {
  component: string
  months: number
  lastDay: PlainDate
  covered: boolean
}

export type WarrantyReasonKey =
  | 'warranty.reason.inPeriod'
  | 'warranty.reason.expired'
  | 'warranty.reason.noInvoice'
  | 'warranty.reason.noPolicy'
  | 'warranty.reason.waterDamage'
  | 'warranty.reason.humanDamage'
  | 'warranty.reason.sealBroken'

export interface WarrantyVerdict {
  inWarranty: boolean
  reasonKey: WarrantyReasonKey
  reasonParams: Record<string, string | number>
  component: string
  /** Last covered day for the claimed component, after repair-time extension and holiday move. */
  lastDay: PlainDate | null
  daysInRepair: number
  /** True when the last day fell on a holiday/rest day and was moved to the next working day. */
  movedForHoliday: boolean
  components: ComponentTerm[]
}

/**
 * Last covered day. Periods follow the Civil Code (arts. 201-202): the invoice day itself is not
 * counted, so the period ends on the same day of the month `months` later, or on that month's last
 * day when it has no such day (Jan 31 + 1 month = Feb 28/29). Days already spent in repair here are
 * added, then a last day that is not a working day moves to the next working day.
 */
export function lastCoveredDay(
  invoiceDate: PlainDate,
  months: number,
  daysInRepair: number,
  calendar: WorkCalendar
): { lastDay: PlainDate; moved: boolean } {
  const nominal = addDays(addMonths(invoiceDate, months), daysInRepair)
  const lastDay = nextWorkingDayOnOrAfter(nominal, calendar)
  return { lastDay, moved: lastDay !== nominal }
}

function exclusionFound(q: WarrantyQuestion): Exclusion | null {
  const on = new Set(q.policy.exclusions)
  if (on.has('waterDamage') && q.condition.waterDamage) return 'waterDamage'
  if (on.has('humanDamage') && q.policy.humanDamageSigns.some((sign) => q.condition[sign])) return 'humanDamage'
  if (on.has('sealBroken') && !q.condition.sealsIntact) return 'sealBroken'
  return null
}

/** The 三包 verdict for one claim. Pure: the same function feeds the intake screen and the save. */
export function determineWarranty(q: WarrantyQuestion): WarrantyVerdict {
  const rules = q.policy.rules.filter((r) => r.category === q.category)
  const daysInRepair = Math.max(0, Math.floor(q.daysInRepair))
  const components: ComponentTerm[] = q.invoiceDate
    ? rules.map((r) => {
        const { lastDay } = lastCoveredDay(q.invoiceDate as PlainDate, r.months, daysInRepair, q.calendar)
        return { component: r.component, months: r.months, lastDay, covered: q.today <= lastDay }
      })
    : []
  const base = { component: q.component, daysInRepair, components }
  const out = (reasonKey: WarrantyReasonKey, reasonParams: Record<string, string | number> = {}) => ({
    ...base,
    inWarranty: false,
    reasonKey,
    reasonParams,
    lastDay: null,
    movedForHoliday: false
  })

  const rule = rules.find((r) => r.component === q.component)
  if (!rule) return out('warranty.reason.noPolicy', { component: q.component })
  if (!q.invoiceDate) return out('warranty.reason.noInvoice')

  const { lastDay, moved } = lastCoveredDay(q.invoiceDate, rule.months, daysInRepair, q.calendar)
  const excluded = exclusionFound(q)
  const verdict = { ...base, lastDay, movedForHoliday: moved, reasonParams: { lastDay, months: rule.months, days: daysInRepair } }
  if (q.today > lastDay) return { ...verdict, inWarranty: false, reasonKey: 'warranty.reason.expired' }
  if (excluded) return { ...verdict, inWarranty: false, reasonKey: `warranty.reason.${excluded}` }
  return { ...verdict, inWarranty: true, reasonKey: 'warranty.reason.inPeriod' }
}
