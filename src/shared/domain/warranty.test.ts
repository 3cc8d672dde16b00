import { DEFAULT_WARRANTY_POLICY, determineWarranty, type ConditionCheck, type WarrantyQuestion } from './warranty'

const intact: ConditionCheck = { screenCracked: false, scratchesDents: false, waterDamage: false, sealsIntact: true, powersOn: true, other: '' }
const noHolidays = { holidays: [], makeupWorkdays: [] }

function ask(over: Partial<WarrantyQuestion>) {
  return determineWarranty({
    policy: DEFAULT_WARRANTY_POLICY,
    category: 'phone',
    component: 'main',
    invoiceDate: '2026-01-15',
    today: '2026-11-23',
    daysInRepair: 0,
    calendar: noHolidays,
    condition: intact,
    ...over
  })
}

describe('三包 warranty verdict', () => {
  it('covers the main unit for 12 months after the invoice date, the last day included', () => {
    // Invoice 2025-11-23: the period ends on 2026-11-23 (a Monday), which is today.
    expect(ask({ invoiceDate: '2025-11-23' })).toMatchObject({ inWarranty: true, lastDay: '2026-11-23', reasonKey: 'warranty.reason.inPeriod' })
    expect(ask({ invoiceDate: '2025-11-20' })).toMatchObject({ inWarranty: false, lastDay: '2026-11-20', reasonKey: 'warranty.reason.expired' })
  })

  it('ends on the month’s last day when the target month has no such day', () => {
    const calendar = { holidays: [], makeupWorkdays: ['2024-02-29', '2024-04-30'] }
    expect(ask({ category: 'phone', component: 'card', invoiceDate: '2024-01-31', today: '2024-02-29', calendar })).toMatchObject({
      inWarranty: true,
      lastDay: '2024-02-29'
    })
    expect(ask({ component: 'card', invoiceDate: '2024-03-31', today: '2024-04-30', calendar }).lastDay).toBe('2024-04-30')
  })

  it('uses each component’s own period: battery 6 months, earphones 3, card 1', () => {
    const v = ask({ invoiceDate: '2026-06-01', component: 'battery' })
    expect(v.inWarranty).toBe(true)
    expect(v.lastDay).toBe('2026-12-01')
    const byComponent = Object.fromEntries(ask({ invoiceDate: '2026-06-01' }).components.map((c) => [c.component, c]))
    expect(byComponent.main).toMatchObject({ months: 12, lastDay: '2027-06-01', covered: true })
    expect(byComponent.battery).toMatchObject({ months: 6, lastDay: '2026-12-01', covered: true })
    expect(byComponent.charger).toMatchObject({ months: 12, covered: true })
    expect(byComponent.earphones).toMatchObject({ months: 3, lastDay: '2026-09-01', covered: false })
    expect(byComponent.card).toMatchObject({ months: 1, lastDay: '2026-07-01', covered: false })
    expect(ask({ invoiceDate: '2026-06-01', component: 'earphones' }).reasonKey).toBe('warranty.reason.expired')
  })

  it('extends every period by the days the device already spent in repair here', () => {
    // Without extension the main unit ended 2026-11-19 (Thu); 5 days in repair push it to 2026-11-24.
    expect(ask({ invoiceDate: '2025-11-19' }).inWarranty).toBe(false)
    const v = ask({ invoiceDate: '2025-11-19', daysInRepair: 5 })
    expect(v).toMatchObject({ inWarranty: true, lastDay: '2026-11-24', daysInRepair: 5 })
  })

  it('moves a last day that falls on a holiday or rest day to the next working day', () => {
    // Nominal last day 2026-10-01 (national holiday, through 10-07); the working day after is 10-08.
    const calendar = { holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'], makeupWorkdays: [] }
    const v = ask({ invoiceDate: '2025-10-01', today: '2026-10-08', calendar })
    expect(v).toMatchObject({ inWarranty: true, lastDay: '2026-10-08', movedForHoliday: true })
    // A make-up working Saturday is not moved.
    const sat = ask({ invoiceDate: '2025-10-10', today: '2026-10-10', calendar: { holidays: [], makeupWorkdays: ['2026-10-10'] } })
    expect(sat).toMatchObject({ lastDay: '2026-10-10', movedForHoliday: false })
  })

  it.each([
    ['waterDamage', { waterDamage: true }, 'warranty.reason.waterDamage'],
    ['human damage (cracked screen)', { screenCracked: true }, 'warranty.reason.humanDamage'],
    ['opened seal', { sealsIntact: false }, 'warranty.reason.sealBroken']
  ])('voids the warranty for %s', (_name, finding, reasonKey) => {
    const v = ask({ invoiceDate: '2026-06-01', condition: { ...intact, ...finding } })
    expect(v).toMatchObject({ inWarranty: false, reasonKey })
  })

  it('does not void for findings the policy does not enforce', () => {
    expect(ask({ invoiceDate: '2026-06-01', condition: { ...intact, scratchesDents: true } }).inWarranty).toBe(true)
    const lenient = { ...DEFAULT_WARRANTY_POLICY, exclusions: [] }
    expect(ask({ policy: lenient, invoiceDate: '2026-06-01', condition: { ...intact, waterDamage: true } }).inWarranty).toBe(true)
  })

  it('cannot confirm warranty without an invoice date or without a rule for the component', () => {
    expect(ask({ invoiceDate: null })).toMatchObject({ inWarranty: false, reasonKey: 'warranty.reason.noInvoice', lastDay: null })
    expect(ask({ category: 'appliance', component: 'battery' })).toMatchObject({ inWarranty: false, reasonKey: 'warranty.reason.noPolicy' })
  })
})
