import { latestPlainDate } from '../../src/shared/domain/dates'
import { sampleIntake, setUpStore, startTestCore, userWithRole, type TestCore } from '../helpers/core'

/** The date rules through the router: named problems, the same invoice-date rule for check and save. */
let tc: TestCore
beforeEach(async () => {
  tc = await startTestCore({ now: '2026-11-23T02:00:00Z' })
})
afterEach(() => tc.close())

const question = (invoiceDate: string) => ({ category: 'phone', component: 'main', serial: '', invoiceDate, condition: {} })

describe('dates through the router', () => {
  it('the warranty check refuses what the save refuses, with the same message, never INTERNAL', async () => {
    const manager = await setUpStore(tc)
    const clerk = await userWithRole(tc, manager, 'counter')
    // The plausible range is a field-schema check shared with the renderer: it reads the machine's
    // clock (not the core's test clock), so its end moves with the day this test runs.
    const range = `日期应在 2000-01-01 至 ${latestPlainDate(new Date().toISOString().slice(0, 10))} 之间`
    const cases: [string, string][] = [
      ['9999-12-31', range],
      ['1999-12-31', range],
      ['2026-02-30', '2月没有30日'],
      ['2027-02-29', '2027年2月没有29日（不是闰年）'],
      ['2026-11-24', '日期不能晚于今天'], // tomorrow in Shanghai
      ['2026/11/01', '日期格式应为 YYYY-MM-DD']
    ]
    for (const [date, message] of cases) {
      const check = await clerk.call('intake.checkWarranty', question(date))
      expect(check, date).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { invoiceDate: message } } })
      const save = await clerk.call('intake.create', sampleIntake({ purchase: { invoiceDate: date, invoiceNo: '' } }))
      expect(save, date).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { 'purchase.invoiceDate': message } } })
    }
    expect(await clerk.ok('intake.checkWarranty', question('2026-11-23'))).toMatchObject({ inWarranty: true })
    expect((await tc.core.dataSource.query('SELECT COUNT(*) AS n FROM work_order'))[0].n).toBe(0)
  })

  it('answers in English for an English window', async () => {
    const manager = await setUpStore(tc, 'en')
    const r = await manager.call('intake.checkWarranty', question('2026-02-30'))
    expect(r).toMatchObject({ ok: false, error: { fields: { invoiceDate: 'February has no 30th' } } })
    const holiday = await manager.call('settings.update', { calendar: { holidays: ['2026-04-31'], makeupWorkdays: [] } })
    expect(holiday).toMatchObject({ ok: false, error: { fields: { 'calendar.holidays.0': 'April has no 31st' } } })
  })
})
