import { plainDateProblem, type PlainDate } from './dates'

/**
 * Dates as counter clerks type them: `2026-06-20`, `2026/6/20`, `2026.6.20`, `20260620`,
 * `2026年6月20日` (full-width digits too). Read only once the clerk is done typing (blur, Enter,
 * save), never reformatted mid-typing. Whether the day exists and is in range is dates.ts's rule
 * (plainDateProblem); this file only reads the typed formats.
 */
export const TYPED_DATE_EXAMPLES = ['2026-06-20', '2026/6/20', '2026.6.20', '20260620', '2026年6月20日'] as const

/** ok: the date to save (null for an empty field); else a schema-style message "key|param=value". */
export type TypedDate = { ok: true; date: PlainDate | null } | { ok: false; message: string }

const SEPARATED = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/
const CHINESE = /^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?$/

const pad = (n: string) => n.padStart(2, '0')

/** Empty text means "no date"; anything else is a real date or a message naming the problem. */
export function parseTypedDate(text: string, today?: PlainDate): TypedDate {
  const s = text.normalize('NFKC').replace(/\s+/g, '').replace(/[。．]/g, '.')
  if (!s) return { ok: true, date: null }
  const m = SEPARATED.exec(s) ?? COMPACT.exec(s) ?? CHINESE.exec(s)
  if (!m) return { ok: false, message: 'date.v.format' }
  const date = `${m[1]}-${pad(m[2])}-${pad(m[3])}`
  const problem = plainDateProblem(date, today)
  return problem ? { ok: false, message: problem } : { ok: true, date }
}

export interface DateRange {
  /** Earliest allowed day; when it is `today` the message says "not before today". */
  min?: PlainDate
  max?: PlainDate
  today?: PlainDate
}

/** A field's own limits (promised date not in the past, invoice not in the future), named in the message. */
export function dateRangeProblem(date: PlainDate, { min, max, today }: DateRange): string | null {
  if (min && date < min) return min === today ? 'v.date.past' : `date.v.before|min=${min}`
  if (max && date > max) return max === today ? 'v.date.future' : `date.v.after|max=${max}`
  return null
}

/** Parse + the field's range in one step: what a date field saves, or why it saves nothing. */
export function readTypedDate(text: string, range: DateRange = {}, required = false): TypedDate {
  const r = parseTypedDate(text, range.today)
  if (!r.ok) return r
  if (r.date === null) return required ? { ok: false, message: 'v.required' } : r
  const problem = dateRangeProblem(r.date, range)
  return problem ? { ok: false, message: problem } : r
}
