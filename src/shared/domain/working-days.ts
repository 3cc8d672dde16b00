import { addDays, diffDays, isWorkingDay, type PlainDate, type WorkCalendar } from './dates'

/**
 * Working-day arithmetic (follow-up call window, complaint response due dates). A working day is
 * what isWorkingDay says: Monday to Friday, minus the store's public holidays, plus its make-up
 * workdays (调休: a Saturday or Sunday worked instead). One home for the rule; plain dates only.
 */

/** Working days in (a, b] when b ≥ a, minus those in (b, a] when b < a: like diffDays, counting only working days. */
export function workingDaysBetween(a: PlainDate, b: PlainDate, cal: WorkCalendar): number {
  if (b < a) return -workingDaysBetween(b, a, cal)
  let n = 0
  const span = diffDays(a, b)
  for (let i = 1; i <= span; i++) if (isWorkingDay(addDays(a, i), cal)) n++
  return n
}

/**
 * The n-th working day after `date` (n > 0), the n-th before it (n < 0), or `date` itself (n = 0).
 * "Due within 2 working days" of a Friday before a holiday week lands after the holidays.
 */
export function addWorkingDays(date: PlainDate, n: number, cal: WorkCalendar): PlainDate {
  const step = n < 0 ? -1 : 1
  let d = date
  // A year of holidays in a row is not a calendar: stop rather than loop for ever.
  for (let left = Math.abs(n), guard = 0; left > 0 && guard < 3660; guard++) {
    d = addDays(d, step)
    if (isWorkingDay(d, cal)) left--
  }
  return d
}

/**
 * The store-local dates whose workingDaysBetween(date, today) lies in [min, max] (min ≥ 1), as an
 * inclusive range [from, to]: e.g. the pickup days whose follow-up call is due today (2 … 7).
 */
export function workingDayWindow(today: PlainDate, min: number, max: number, cal: WorkCalendar): { from: PlainDate; to: PlainDate } {
  // w(k) = the k-th working day counting back from today (today itself is w(1) when it is one).
  const back = (k: number): PlainDate => {
    let d = today
    let seen = isWorkingDay(d, cal) ? 1 : 0
    for (let guard = 0; seen < k && guard < 3660; guard++) {
      d = addDays(d, -1)
      if (isWorkingDay(d, cal)) seen++
    }
    return d
  }
  // workingDaysBetween(d, today) ≥ min ⟺ d < w(min); ≤ max ⟺ d ≥ w(max + 1).
  return { from: back(max + 1), to: addDays(back(min), -1) }
}
