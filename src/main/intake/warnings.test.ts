import { sampleIntake, setUpStore, startTestCore, userWithRole, validImei, type Caller, type TestCore } from '../../../test/helpers/core'

let tc: TestCore
let manager: Caller
let clerk: Caller

beforeEach(async () => {
  tc = await startTestCore({ now: '2026-11-23T02:00:00Z' })
  manager = await setUpStore(tc)
  clerk = await userWithRole(tc, manager, 'counter')
})
afterEach(() => tc.close())

const rows = (sql: string) => tc.core.dataSource.query(sql)
const orderCount = async () => (await rows('SELECT COUNT(*) AS n FROM work_order'))[0].n as number
const overrides = async () =>
  (await rows(`SELECT detail FROM audit_log WHERE action='intake.warningOverride' ORDER BY id`)).map((r: { detail: string }) => JSON.parse(r.detail))

const serial = validImei('86123456789012')
const phone = { category: 'phone', brand: 'Apple', model: 'iPhone 13', serial, colour: '' }
const paidService = { type: 'paid', estimateFen: 20000, depositFen: 0, depositMethod: null, promisedDate: '2026-11-30', technicianId: null }
const noInvoice = { invoiceDate: null, invoiceNo: '' }

describe('warning: an open order for the same IMEI', () => {
  it('is listed live with a link, refused on save without a reason, saved and audited with one', async () => {
    const first = await clerk.ok('intake.create', sampleIntake({ device: phone }))
    const second = sampleIntake({ device: phone, customer: { name: '李四', mobile: '13900001111' } })

    expect(await clerk.ok('intake.warnings', second)).toEqual([{ code: 'openOrderSameSerial', orderId: first.order.id, orderNo: first.order.orderNo }])
    const refused = await clerk.call('intake.create', second)
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringContaining('原因'), fields: { 'warnings.openOrderSameSerial': expect.stringContaining(first.order.orderNo) } }
    })
    expect(await orderCount()).toBe(1)

    const reason = '同一台手机，客户另报一个故障'
    const saved = await clerk.ok('intake.create', { ...second, acknowledgedWarnings: [{ code: 'openOrderSameSerial', reason }] })
    expect(saved.order.device.serial).toBe(serial)
    expect(await overrides()).toEqual([{ code: 'openOrderSameSerial', reason, otherOrderNo: first.order.orderNo }])
  })

  it('does not count a void order or one handed back, and answers a half-typed form without errors', async () => {
    const first = await clerk.ok('intake.create', sampleIntake({ device: phone }))
    await manager.ok('orders.void', { orderId: first.order.id, reason: '录错了' })
    expect(await clerk.ok('intake.warnings', sampleIntake({ device: phone }))).toEqual([])
    expect(await clerk.ok('intake.warnings', { device: { serial: '12' }, service: { estimateFen: -5 } } as never)).toEqual([])
  })

  it('uses the serial index', async () => {
    const plan = await rows(`EXPLAIN QUERY PLAN SELECT id FROM work_order WHERE serial = 'X' AND returnedAt IS NULL AND status != 'void'`)
    expect(plan.map((p: { detail: string }) => p.detail).join(' ')).toMatch(/USING INDEX/)
  })
})

describe('warning: free warranty service with a charge', () => {
  it('is refused without a reason and saved with one', async () => {
    const input = sampleIntake({ service: { type: 'warranty', estimateFen: 8000, depositFen: 0, depositMethod: null, promisedDate: '2026-11-30', technicianId: null } })
    expect(await clerk.ok('intake.warnings', input)).toEqual([{ code: 'warrantyWithCharge' }])
    expect(await clerk.call('intake.create', input)).toMatchObject({ ok: false, error: { fields: { 'warnings.warrantyWithCharge': expect.stringContaining('保修') } } })
    expect(await orderCount()).toBe(0)
    await clerk.ok('intake.create', { ...input, acknowledgedWarnings: [{ code: 'warrantyWithCharge', reason: '屏幕膜不在保修范围，另收费' }] })
    expect(await overrides()).toEqual([{ code: 'warrantyWithCharge', reason: '屏幕膜不在保修范围，另收费' }])
  })
})

describe('warning: paid service while in warranty', () => {
  it('follows the verdict and its override', async () => {
    const inWarranty = sampleIntake({ service: paidService })
    expect(await clerk.ok('intake.warnings', inWarranty)).toEqual([{ code: 'paidInWarranty' }])
    expect(await clerk.ok('intake.warnings', sampleIntake({ service: paidService, purchase: noInvoice }))).toEqual([])
    const overriddenOut = sampleIntake({ service: paidService, warranty: { component: 'main', override: { inWarranty: false, reason: '发票非本店' } } })
    expect(await clerk.ok('intake.warnings', overriddenOut)).toEqual([])

    expect(await clerk.call('intake.create', inWarranty)).toMatchObject({ ok: false, error: { fields: { 'warnings.paidInWarranty': expect.any(String) } } })
    const blank = await clerk.call('intake.create', { ...inWarranty, acknowledgedWarnings: [{ code: 'paidInWarranty', reason: '  ' }] })
    expect(blank).toMatchObject({ ok: false, error: { fields: { 'acknowledgedWarnings.0.reason': '必填' } } })
    expect(await orderCount()).toBe(0)
    await clerk.ok('intake.create', { ...inWarranty, acknowledgedWarnings: [{ code: 'paidInWarranty', reason: '客户要求当天取，不走厂保' }] })
    expect(await overrides()).toMatchObject([{ code: 'paidInWarranty' }])
  })

  it('answers in English when the store language is English', async () => {
    await manager.ok('settings.update', { locale: 'en' })
    const r = await clerk.call('intake.create', sampleIntake({ service: paidService }))
    expect(r).toMatchObject({ ok: false, error: { message: expect.stringContaining('reason'), fields: { 'warnings.paidInWarranty': expect.stringContaining('in warranty') } } })
  })
})

describe('IMEI not readable now', () => {
  const unreadable = { category: 'phone', brand: 'OPPO', model: 'Reno 9', serial: '', colour: '', imeiUnreadable: true, imeiUnreadableReason: '黑屏，卡托丢失' }

  it('takes a phone in without its IMEI, with a reason, and shows "IMEI 待补" on the ticket', async () => {
    const { order } = await clerk.ok('intake.create', sampleIntake({ device: unreadable, purchase: noInvoice, service: { ...paidService, estimateFen: 0 } }))
    expect(order.device).toMatchObject({ serial: '', imeiUnreadable: true, imeiUnreadableReason: '黑屏，卡托丢失', imeiPending: true })
    const ticket = await clerk.ok('printing.preview', { orderId: order.id, kind: 'claimTicket' })
    expect(JSON.stringify(ticket)).toContain('IMEI 待补')

    // Filled in later (any role that handles the device); Luhn still checked.
    const tech = await userWithRole(tc, manager, 'technician')
    expect(await tech.call('orders.supplyImei', { orderId: order.id, serial: '490154203237517' })).toMatchObject({ ok: false, error: { fields: { serial: expect.stringContaining('IMEI') } } })
    const filled = await tech.ok('orders.supplyImei', { orderId: order.id, serial: validImei('35111122223333') })
    expect(filled.device).toMatchObject({ serial: validImei('35111122223333'), imeiPending: false })
    expect(await tech.call('orders.supplyImei', { orderId: order.id, serial: validImei() })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    const [row] = await rows(`SELECT detail FROM audit_log WHERE action='order.supplyImei'`)
    expect(JSON.parse(row.detail).changes).toEqual({ 'device.serial': { old: '', new: validImei('35111122223333') } })
  })

  it('needs the reason, and refuses an IMEI typed at the same time; a phone without either is refused', async () => {
    const noReason = await clerk.call('intake.create', sampleIntake({ device: { ...unreadable, imeiUnreadableReason: '' } }))
    expect(noReason).toMatchObject({ ok: false, error: { fields: { 'device.imeiUnreadableReason': '必填' } } })
    const both = await clerk.call('intake.create', sampleIntake({ device: { ...unreadable, serial: validImei() } }))
    expect(both).toMatchObject({ ok: false, error: { fields: { 'device.serial': expect.stringContaining('清空') } } })
    const neither = await clerk.call('intake.create', sampleIntake({ device: { ...unreadable, imeiUnreadable: false, imeiUnreadableReason: '' } }))
    expect(neither).toMatchObject({ ok: false, error: { fields: { 'device.serial': expect.stringContaining('无法读取') } } })
    expect(await orderCount()).toBe(0)
  })
})

describe('text rules', () => {
  it.each([
    ['emoji in a name', { customer: { name: '张三😀', mobile: '13812345678' } }, 'customer.name', ['😀', 'U+1F600', '表情']],
    ['ZWJ family emoji in the model', { device: { ...phone, model: 'X👨‍👩‍👧' } }, 'device.model', ['U+1F468']],
    ['a variation selector', { device: { ...phone, colour: '黑\uFE0F' } }, 'device.colour', ['U+FE0F']],
    ['a character outside the BMP', { customer: { name: '王𠀀', mobile: '13812345678' } }, 'customer.name', ['U+20000']],
    ['private use', { customer: { name: '王\uE000', mobile: '13812345678' } }, 'customer.name', ['U+E000']],
    ['a newline in a single-line field', { customer: { name: '王\n五', mobile: '13812345678' } }, 'customer.name', ['换行']],
    ['a control character', { fault: { description: '不开机\u0007', codes: [] } }, 'fault.description', ['U+0007']],
    ['an overlong fault description', { fault: { description: '屏'.repeat(5000), codes: [] } }, 'fault.description', ['500']]
  ])('refuses %s, naming it, and saves nothing', async (_name, patch, field, words) => {
    const r = await clerk.call('intake.create', { ...sampleIntake(), ...patch } as never)
    expect(r.ok).toBe(false)
    if (r.ok) return
    for (const w of words) expect(r.error.fields?.[field]).toContain(w)
    expect(await orderCount()).toBe(0)
  })

  it('keeps newlines in the fault description exactly, and full-width punctuation, ¥ and · everywhere', async () => {
    const description = '屏幕闪烁；\n偶尔黑屏（约¥300以内可修）'
    const { order } = await clerk.ok('intake.create', sampleIntake({ customer: { name: '欧阳·娜娜', mobile: '13812345678' }, fault: { description: description.replace('\n', '\r\n'), codes: [] } }))
    expect(order.fault.description).toBe(description)
    expect(order.customer.name).toBe('欧阳·娜娜')
  })
})
