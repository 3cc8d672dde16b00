/**
 * Instants are stored as UTC ISO strings; business days are plain 'YYYY-MM-DD' dates in the store's
 * time zone. Plain-date arithmetic is done on UTC midnights so DST never shifts a day.
 */
export type PlainDate = string // 'YYYY-MM-DD'

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai'
const PLAIN_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

export function isPlainDate(text: string): boolean {
  const m = PLAIN_DATE.exec(text)
  if (!m) return false
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]))
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3]
}

/** The oldest business date the app accepts (no shop keeps invoices or repairs from before it). */
export const MIN_PLAIN_DATE = '2000-01-01'
/** How far ahead a business date may lie (a promised date, a holiday calendar). */
export const MAX_YEARS_AHEAD = 10

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** Today in UTC: close enough for the sane-range check, which has ten years of slack. */
function utcToday(): PlainDate {
  return new Date().toISOString().slice(0, 10)
}

/**
 * Why a typed 'YYYY-MM-DD' is not an acceptable business date, as an i18n key with params
 * ("v.date.noDay.2.30", "v.date.range|min=…|max=…"), or null when it is one. Format, then calendar, then range.
 */
export function plainDateProblem(text: string, today: PlainDate = utcToday()): string | null {
  const m = PLAIN_DATE.exec(text)
  if (!m) return 'v.date'
  const [year, month, day] = [+m[1], +m[2], +m[3]]
  if (month < 1 || month > 12) return `v.date.noMonth|month=${month}`
  if (day < 1 || day > daysInMonth(year, month)) {
    // The usual slips (2月30日, 4月31日) have their own sentence; anything else the generic one.
    if (month === 2 && day === 29) return `v.date.noLeapDay|year=${year}`
    if (day <= 31 && day > daysInMonth(2024, month)) return `v.date.noDay.${month}.${day}`
    return `v.date.noDay|month=${month}|day=${day}`
  }
  const max = latestPlainDate(today)
  if (text < MIN_PLAIN_DATE || text > max) return `v.date.range|min=${MIN_PLAIN_DATE}|max=${max}`
  return null
}

/** The last date plainDateProblem accepts on `today`. */
export function latestPlainDate(today: PlainDate): PlainDate {
  return addMonths(today, 12 * MAX_YEARS_AHEAD)
}

/**
 * The one invoice-date rule (intake and the warranty check both use it): a real date in the sane
 * range, and not after the store's today.
 */
export function invoiceDateProblem(date: PlainDate | null, today: PlainDate): string | null {
  if (date === null) return null
  return plainDateProblem(date, today) ?? (date > today ? 'v.date.future' : null)
}

// Building an Intl.DateTimeFormat costs far more than using one: one per time zone, kept.
const formatters = new Map<string, Intl.DateTimeFormat>()

export function isValidTimeZone(tz: string): boolean {
  if (formatters.has(tz)) return true
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz })
    return true
  } catch {
    return false
  }
}

function formatterFor(tz: string): Intl.DateTimeFormat {
  let fmt = formatters.get(tz)
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-GB', {
      timeZone: tz,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23'
    })
    formatters.set(tz, fmt)
  }
  return fmt
}

function parts(instant: Date, tz: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const p of formatterFor(tz).formatToParts(instant)) out[p.type] = p.value
  return out
}

/** The store-local calendar date of an instant. */
export function localDate(instant: Date, tz: string): PlainDate {
  const p = parts(instant, tz)
  return `${p.year}-${p.month}-${p.day}`
}

/** 'YYYY-MM-DD HH:mm' in the store's zone, for receipts and lists. */
export function localDateTime(instant: Date | string, tz: string): string {
  const p = parts(typeof instant === 'string' ? new Date(instant) : instant, tz)
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`
}

/** The instant a store-local day begins (UTC ISO), e.g. for "from this day" filters over instants. */
export function startOfLocalDay(date: PlainDate, tz: string): string {
  const midnightUtc = toUtc(date).getTime()
  // Guess with the zone's offset at UTC midnight, then correct once for an offset change that day.
  let guess = midnightUtc - offsetMs(new Date(midnightUtc), tz)
  guess = midnightUtc - offsetMs(new Date(guess), tz)
  return new Date(guess).toISOString()
}

/** Local wall time minus UTC at an instant, in ms. */
function offsetMs(instant: Date, tz: string): number {
  const p = parts(instant, tz)
  const wall = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute)
  return wall - Math.floor(instant.getTime() / 60_000) * 60_000
}

function toUtc(date: PlainDate): Date {
  const m = PLAIN_DATE.exec(date)
  if (!m) throw new RangeError(`not a date: ${date}`)
  return new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]))
}

function fromUtc(d: Date): PlainDate {
  return d.toISOString().slice(0, 10)
}

export function addDays(date: PlainDate, days: number): PlainDate {
  const d = toUtc(date)
  d.setUTCDate(d.getUTCDate() + days)
  return fromUtc(d)
}

/** Adds calendar months, clamping to the month's last day (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(date: PlainDate, months: number): PlainDate {
  const d = toUtc(date)
  const day = d.getUTCDate()
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1))
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate()
  target.setUTCDate(Math.min(day, lastDay))
  return fromUtc(target)
}

/** Whole days from a to b (b - a). */
export function diffDays(a: PlainDate, b: PlainDate): number {
  return Math.round((toUtc(b).getTime() - toUtc(a).getTime()) / 86_400_000)
}

export function isWeekend(date: PlainDate): boolean {
  const dow = toUtc(date).getUTCDay()
  return dow === 0 || dow === 6
}

/** Public holidays and the weekend days that are worked instead (调休), both store-configured. */
export interface WorkCalendar {
  holidays: PlainDate[]
  makeupWorkdays: PlainDate[]
}

export function isWorkingDay(date: PlainDate, cal: WorkCalendar): boolean {
  if (cal.holidays.includes(date)) return false
  if (cal.makeupWorkdays.includes(date)) return true
  return !isWeekend(date)
}

/** The date itself if it is a working day, else the first working day after it. */
export function nextWorkingDayOnOrAfter(date: PlainDate, cal: WorkCalendar): PlainDate {
  let d = date
  for (let i = 0; i < 366 && !isWorkingDay(d, cal); i++) d = addDays(d, 1)
  return d
}

/** YYMM of a plain date, as used in order numbers. */
export function yearMonthCode(date: PlainDate): string {
  return date.slice(2, 4) + date.slice(5, 7)
}
