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

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz })
    return true
  } catch {
    return false
  }
}

function parts(instant: Date, tz: string): Record<string, string> {
  const fmt = new Intl.DateTimeFormat('en-GB', {
    timeZone: tz,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23'
  })
  return Object.fromEntries(fmt.formatToParts(instant).map((p) => [p.type, p.value]))
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
