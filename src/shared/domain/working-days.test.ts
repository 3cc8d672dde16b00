import type { WorkCalendar } from './dates'
import { addWorkingDays, workingDayWindow, workingDaysBetween } from './working-days'

const range = (from: string, days: number) =>
  Array.from({ length: days }, (_, i) => new Date(Date.parse(`${from}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10))

/** The State Council's 2026 arrangement for the Spring Festival and National Day, as a manager enters it. */
const CAL_2026: WorkCalendar = {
  holidays: [...range('2026-02-15', 9), ...range('2026-10-01', 7)],
  // 调休: Saturday 14 and 28 February, Sunday 20 September and Saturday 10 October are worked.
  makeupWorkdays: ['2026-02-14', '2026-02-28', '2026-09-20', '2026-10-10']
}
const PLAIN: WorkCalendar = { holidays: [], makeupWorkdays: [] }

describe('working days', () => {
  it('skip weekends on an ordinary week', () => {
    // Friday 2026-11-20 → Monday 23 is one working day, Tuesday two.
    expect(workingDaysBetween('2026-11-20', '2026-11-23', PLAIN)).toBe(1)
    expect(workingDaysBetween('2026-11-20', '2026-11-24', PLAIN)).toBe(2)
    expect(workingDaysBetween('2026-11-24', '2026-11-20', PLAIN)).toBe(-2)
    expect(addWorkingDays('2026-11-20', 2, PLAIN)).toBe('2026-11-24')
    expect(addWorkingDays('2026-11-24', -2, PLAIN)).toBe('2026-11-20')
    expect(addWorkingDays('2026-11-21', 0, PLAIN)).toBe('2026-11-21')
  })

  it('skip the National Day week and count its Saturday make-up day', () => {
    // Wednesday 30 September: 1–7 October are off; Thursday 8, Friday 9 and Saturday 10 are worked.
    expect(addWorkingDays('2026-09-30', 1, CAL_2026)).toBe('2026-10-08')
    expect(addWorkingDays('2026-09-30', 2, CAL_2026)).toBe('2026-10-09')
    expect(addWorkingDays('2026-09-30', 3, CAL_2026)).toBe('2026-10-10')
    expect(addWorkingDays('2026-09-30', 4, CAL_2026)).toBe('2026-10-12')
    expect(workingDaysBetween('2026-09-30', '2026-10-12', CAL_2026)).toBe(4)
    // Without the calendar the same span is eight weekdays.
    expect(workingDaysBetween('2026-09-30', '2026-10-12', PLAIN)).toBe(8)
    // A Sunday make-up day (20 September) counts; the Saturday before it does not.
    expect(addWorkingDays('2026-09-18', 1, CAL_2026)).toBe('2026-09-20')
  })

  it('skip the Spring Festival with a make-up Saturday on each side', () => {
    // Friday 13 February → Saturday 14 (worked) → Tuesday 24 (after nine days off).
    expect(addWorkingDays('2026-02-13', 1, CAL_2026)).toBe('2026-02-14')
    expect(addWorkingDays('2026-02-13', 2, CAL_2026)).toBe('2026-02-24')
    expect(addWorkingDays('2026-02-24', -1, CAL_2026)).toBe('2026-02-14')
    // 24–27 and the make-up Saturday 28: five working days in that week.
    expect(workingDaysBetween('2026-02-23', '2026-03-01', CAL_2026)).toBe(5)
  })

  it('give the pickup days whose call is due: 2 to 7 working days ago', () => {
    // Monday 12 October after National Day: working days back are 12, 10 (make-up), 9, 8, 30 Sep, 29, 28, 25.
    const w = workingDayWindow('2026-10-12', 2, 7, CAL_2026)
    expect(w).toEqual({ from: '2026-09-25', to: '2026-10-09' })
    expect(workingDaysBetween(w.from, '2026-10-12', CAL_2026)).toBe(7)
    expect(workingDaysBetween('2026-09-24', '2026-10-12', CAL_2026)).toBe(8)
    expect(workingDaysBetween(w.to, '2026-10-12', CAL_2026)).toBe(2)
    expect(workingDaysBetween('2026-10-10', '2026-10-12', CAL_2026)).toBe(1)
    // An ordinary Wednesday: Monday is 2 days ago, the Tuesday of the week before is 7 (weekend skipped).
    expect(workingDayWindow('2026-11-25', 2, 7, PLAIN)).toEqual({ from: '2026-11-16', to: '2026-11-23' })
    // On a Sunday: Thursday 26 is only 1 working day ago (Friday 27), Wednesday 18 is 7.
    expect(workingDayWindow('2026-11-29', 2, 7, PLAIN)).toEqual({ from: '2026-11-18', to: '2026-11-25' })
  })

  it('agree with each other for every day of 2026', () => {
    for (const d of range('2026-01-01', 365)) {
      for (const n of [1, 2, 7]) expect(workingDaysBetween(d, addWorkingDays(d, n, CAL_2026), CAL_2026)).toBe(n)
    }
  })
})
