import fc from 'fast-check'
import { addDays, addMonths, diffDays, isPlainDate, localDate, localDateTime, nextWorkingDayOnOrAfter, yearMonthCode } from './dates'

describe('store-local dates', () => {
  it('takes the business day in the store zone, not UTC', () => {
    // 23:30 UTC on Nov 30 is already Dec 1 in Shanghai: a new month for order numbers.
    expect(localDate(new Date('2026-11-30T23:30:00Z'), 'Asia/Shanghai')).toBe('2026-12-01')
    expect(localDate(new Date('2026-11-30T23:30:00Z'), 'UTC')).toBe('2026-11-30')
    expect(localDateTime('2026-11-23T02:05:00Z', 'Asia/Shanghai')).toBe('2026-11-23 10:05')
    expect(yearMonthCode('2026-12-01')).toBe('2612')
  })

  it('clamps month arithmetic to the month end', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28')
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29')
    expect(addMonths('2026-11-15', 12)).toBe('2027-11-15')
  })

  it('addDays and diffDays are inverse for any date and offset', () => {
    const date = fc.date({ min: new Date('2000-01-01'), max: new Date('2090-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))
    fc.assert(
      fc.property(date, fc.integer({ min: -4000, max: 4000 }), (d, n) => {
        const moved = addDays(d, n)
        return isPlainDate(moved) && diffDays(d, moved) === n
      })
    )
  })

  it('skips weekends and holidays but honours make-up workdays', () => {
    const cal = { holidays: ['2026-10-01', '2026-10-02'], makeupWorkdays: ['2026-09-27'] }
    expect(nextWorkingDayOnOrAfter('2026-10-01', cal)).toBe('2026-10-05')
    expect(nextWorkingDayOnOrAfter('2026-09-27', cal)).toBe('2026-09-27') // a Sunday worked instead
    expect(nextWorkingDayOnOrAfter('2026-11-23', cal)).toBe('2026-11-23')
  })

  it('rejects impossible dates', () => {
    expect(isPlainDate('2026-02-30')).toBe(false)
    expect(isPlainDate('2026-2-3')).toBe(false)
    expect(isPlainDate('2026-12-31')).toBe(true)
  })
})
