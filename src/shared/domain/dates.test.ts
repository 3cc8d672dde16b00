import fc from 'fast-check'
import { splitMessage } from '../contract/fields'
import { translate } from '../i18n'
import {
  addDays,
  addMonths,
  diffDays,
  invoiceDateProblem,
  isPlainDate,
  localDate,
  localDateTime,
  nextWorkingDayOnOrAfter,
  plainDateProblem,
  startOfLocalDay,
  yearMonthCode
} from './dates'

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

describe('sane business dates', () => {
  const today = '2026-11-23'
  it('names the problem: format, impossible day, out of range', () => {
    expect(plainDateProblem('2026/11/23', today)).toBe('v.date')
    expect(plainDateProblem('2026-02-30', today)).toBe('v.date.noDay.2.30')
    expect(plainDateProblem('2026-04-31', today)).toBe('v.date.noDay.4.31')
    expect(plainDateProblem('2026-04-00', today)).toBe('v.date.noDay|month=4|day=0')
    expect(plainDateProblem('2027-02-29', today)).toBe('v.date.noLeapDay|year=2027')
    expect(plainDateProblem('2028-02-29', today)).toBeNull()
    expect(plainDateProblem('2026-13-01', today)).toBe('v.date.noMonth|month=13')
    expect(plainDateProblem('2026-00-10', today)).toBe('v.date.noMonth|month=0')
    expect(plainDateProblem('9999-12-31', today)).toBe('v.date.range|min=2000-01-01|max=2036-11-23')
    expect(plainDateProblem('1999-12-31', today)).toMatch(/^v\.date\.range\|/)
    expect(plainDateProblem('2000-01-01', today)).toBeNull()
    expect(plainDateProblem('2036-11-23', today)).toBeNull()
    expect(plainDateProblem('2036-11-24', today)).toMatch(/^v\.date\.range\|/)
  })

  it('reads as a person would say it, in both languages', () => {
    const say = (locale: 'zh-CN' | 'en', text: string) => {
      const { key, params } = splitMessage(plainDateProblem(text, today) ?? '')
      return translate(locale, key, params)
    }
    expect(say('zh-CN', '2026-02-30')).toBe('2月没有30日')
    expect(say('en', '2026-02-30')).toBe('February has no 30th')
    expect(say('en', '2026-06-31')).toBe('June has no 31st')
    expect(say('en', '2026-01-32')).toBe('Month 1 has no day 32')
    expect(say('zh-CN', '9999-12-31')).toBe('日期应在 2000-01-01 至 2036-11-23 之间')
  })

  it('the invoice-date rule: real, in range, not after today', () => {
    expect(invoiceDateProblem(null, today)).toBeNull()
    expect(invoiceDateProblem('2026-11-23', today)).toBeNull()
    expect(invoiceDateProblem('2026-11-24', today)).toBe('v.date.future')
    expect(invoiceDateProblem('9999-12-31', today)).toMatch(/^v\.date\.range/)
  })
})

describe('startOfLocalDay', () => {
  it('is local midnight as a UTC instant', () => {
    expect(startOfLocalDay('2026-11-23', 'Asia/Shanghai')).toBe('2026-11-22T16:00:00.000Z')
    expect(startOfLocalDay('2026-11-23', 'UTC')).toBe('2026-11-23T00:00:00.000Z')
    expect(startOfLocalDay('2026-03-29', 'Europe/Berlin')).toBe('2026-03-28T23:00:00.000Z')
    expect(startOfLocalDay('2026-03-30', 'Europe/Berlin')).toBe('2026-03-29T22:00:00.000Z')
  })
})
