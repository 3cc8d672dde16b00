import { sampleIntake, setUpStore, startTestCore, userWithRole, type Caller, type TestCore } from '../../../test/helpers/core'

let tc: TestCore
let manager: Caller
beforeEach(async () => {
  tc = await startTestCore()
  manager = await setUpStore(tc)
})
afterEach(() => tc.close())

const printer = (iface: string) => ({ enabled: true, interface: iface, widthMm: 58 as const, type: 'epson' as const, characterSet: 'GB18030' as const, printDeviceTag: false })

describe('settings', () => {
  it('fills fields added since a section was saved with their defaults', async () => {
    // A printer section as saved by an older version, before reportsStatus / openDrawerOnCash existed.
    const old = { enabled: false, interface: 'tcp://127.0.0.1:9100', widthMm: 80, type: 'epson', characterSet: 'GB18030', printDeviceTag: true }
    await tc.core.dataSource.query(`INSERT OR REPLACE INTO setting (key, value) VALUES ('printer', ?)`, [JSON.stringify(old)])
    const s = await manager.ok('settings.get', {})
    expect(s.printer).toEqual({ ...old, reportsStatus: true, openDrawerOnCash: false })
  })

  it('accepts the printer forms a shop uses', async () => {
    for (const iface of ['tcp://127.0.0.1:9100', '/dev/usb/lp0', 'COM3', '\\\\FRONT-PC\\Receipt', 'printer:XP-58']) {
      const s = await manager.ok('settings.update', { printer: printer(iface) })
      expect(s.printer.interface).toBe(iface)
    }
  })

  it.each(['tcp://127.0.0.1:0', 'tcp://127.0.0.1:70000', '/dev/../root/.bashrc', 'http://printer', ''])(
    'refuses printer interface %j with a translated message and keeps the old one',
    async (iface) => {
      await manager.ok('settings.update', { printer: printer('tcp://127.0.0.1:9100') })
      const r = await manager.call('settings.update', { printer: printer(iface) })
      expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { 'printer.interface': expect.stringMatching(/[\u4e00-\u9fff]/) } } })
      expect((await manager.ok('settings.get', {})).printer.interface).toBe('tcp://127.0.0.1:9100')
    }
  )

  it('refuses duplicate catalogue codes and duplicate warranty rules', async () => {
    const dupCodes = await manager.call('settings.update', { faultCodes: [{ code: 'screen', name: '' }, { code: 'screen', name: '屏' }] })
    expect(dupCodes).toMatchObject({ ok: false, error: { fields: { 'faultCodes.1.code': expect.stringMatching(/[\u4e00-\u9fff]/) } } })
    const policy = (await manager.ok('settings.get', {})).warrantyPolicy
    const dupRule = await manager.call('settings.update', {
      warrantyPolicy: { ...policy, rules: [...policy.rules, { category: 'phone', component: 'main', months: 24 }] }
    })
    expect(dupRule).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { 'warrantyPolicy.rules.12.component': '该类别的这个部件已有规定' } } })
  })

  it('refuses a day that is both a public holiday and a make-up workday, naming it, and keeps the calendar', async () => {
    const before = (await manager.ok('settings.get', {})).calendar
    const both = await manager.call('settings.update', { calendar: { holidays: ['2026-10-01', '2026-10-02'], makeupWorkdays: ['2026-10-02', '2026-10-11'] } })
    expect(both).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { 'calendar.makeupWorkdays': '2026-10-02 已是法定节假日，不能同时是调休上班日' } } })
    expect((await manager.ok('settings.get', {})).calendar).toEqual(before)
  })

  it('an edited warranty policy changes the verdict at the counter', async () => {
    const clerk = await userWithRole(tc, manager, 'counter')
    const q = { category: 'phone', component: 'main', invoiceDate: '2025-06-01', condition: {} }
    expect((await clerk.ok('intake.checkWarranty', q)).inWarranty).toBe(false)
    const policy = (await manager.ok('settings.get', {})).warrantyPolicy
    const rules = policy.rules.map((r) => (r.category === 'phone' && r.component === 'main' ? { ...r, months: 24 } : r))
    await manager.ok('settings.update', { warrantyPolicy: { ...policy, rules } })
    expect(await clerk.ok('intake.checkWarranty', q)).toMatchObject({ inWarranty: true, lastDay: '2027-06-01' })
    expect((await clerk.ok('intake.create', sampleIntake({ purchase: { invoiceDate: '2025-06-01', invoiceNo: '' } }))).order.warranty.finalInWarranty).toBe(true)
  })

  it('a window’s language is its own; receipts keep the store’s language', async () => {
    const clerk = await userWithRole(tc, manager, 'counter')
    expect(await clerk.ok('settings.setLocale', { locale: 'en' })).toMatchObject({ locale: 'en' })
    const bad = { ...sampleIntake(), customer: { name: 'Li', mobile: '12' } } as never
    expect(await clerk.call('intake.create', bad)).toMatchObject({ ok: false, error: { message: 'Please correct the highlighted fields' } })
    expect(await manager.call('intake.create', bad)).toMatchObject({ ok: false, error: { message: '输入有误，请检查标红的项目' } })
    const { order } = await clerk.ok('intake.create', sampleIntake())
    expect((await clerk.ok('printing.preview', { orderId: order.id, kind: 'claimTicket' })).title).toBe('取机凭证')
    await manager.ok('settings.update', { locale: 'en' })
    expect((await manager.ok('printing.preview', { orderId: order.id, kind: 'claimTicket' })).title).toMatch(/claim/i)
  })
})
