import { splitMessage } from '../contract/fields'
import { translate } from '../i18n'
import { parseTypedDate, readTypedDate } from './date-input'
import { plainDateProblem } from './dates'

const today = '2026-06-10'

describe('typed dates', () => {
  it.each(['2026-06-20', '2026/6/20', '2026.6.20', '20260620', '2026年6月20日', '２０２６年６月２０日', ' 2026 / 06 / 20 ', '2026-6-20', '2026年6月20号', '2026。6。20'])(
    'reads %s as 2026-06-20',
    (text) => expect(parseTypedDate(text, today)).toEqual({ ok: true, date: '2026-06-20' })
  )

  it('reads an empty field as no date', () => {
    expect(parseTypedDate('  ')).toEqual({ ok: true, date: null })
  })

  it('names the day that does not exist instead of moving it (dates.ts decides, in its words)', () => {
    for (const [typed, plain] of [
      ['2026/2/30', '2026-02-30'],
      ['2026.4.31', '2026-04-31'],
      ['20260229', '2026-02-29'],
      ['2026年13月1日', '2026-13-01']
    ]) {
      const problem = plainDateProblem(plain, today)
      expect(problem, plain).not.toBeNull()
      expect(parseTypedDate(typed, today)).toEqual({ ok: false, message: problem })
    }
    const r = parseTypedDate('2026/2/30', today)
    const { key, params } = splitMessage(r.ok ? '' : r.message)
    expect(translate('zh-CN', key, params)).toContain('2月没有30日')
    expect(parseTypedDate('2028/2/29', today)).toEqual({ ok: true, date: '2028-02-29' })
  })

  it('refuses half-typed or odd text rather than guessing', () => {
    for (const text of ['2026/6/', '2026/6', '202662', '26/6/20', 'tomorrow', '2026-06-20x', '2026/6/123']) {
      expect(parseTypedDate(text, today), text).toEqual({ ok: false, message: 'date.v.format' })
    }
    expect(parseTypedDate('0226-06-20', today)).toEqual({ ok: false, message: plainDateProblem('0226-06-20', today) })
  })

  it('checks the field range with a message naming the limit', () => {
    expect(readTypedDate('2026/6/9', { min: today, today })).toEqual({ ok: false, message: 'v.date.past' })
    expect(readTypedDate('2026/6/11', { max: today, today })).toEqual({ ok: false, message: 'v.date.future' })
    expect(readTypedDate('2026/6/1', { min: '2026-06-05', today })).toEqual({ ok: false, message: 'date.v.before|min=2026-06-05' })
    expect(readTypedDate('', {}, true)).toEqual({ ok: false, message: 'v.required' })
    expect(readTypedDate('20260610', { min: today, max: today, today })).toEqual({ ok: true, date: today })
  })
})
