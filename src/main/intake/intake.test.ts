import { sampleIntake, setUpStore, startTestCore, userWithRole, validImei, type Caller, type TestCore } from '../../../test/helpers/core'

let tc: TestCore
let manager: Caller
let clerk: Caller

beforeEach(async () => {
  tc = await startTestCore({ now: '2026-11-23T02:00:00Z' }) // 10:00 in Shanghai
  manager = await setUpStore(tc)
  clerk = await userWithRole(tc, manager, 'counter')
})
afterEach(() => tc.close())

const count = async (table: string) => (await tc.core.dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n as number

describe('intake.create', () => {
  it('saves customer, order, deposit, audit row and print jobs in one go', async () => {
    // A printer that is switched off: the jobs are saved and wait.
    await manager.ok('settings.update', {
      printer: { enabled: true, interface: 'tcp://127.0.0.1:9', widthMm: 80, type: 'epson', characterSet: 'GB18030', printDeviceTag: true }
    })
    const input = sampleIntake({
      service: { type: 'paid', estimateFen: 35000, depositFen: 10000, depositMethod: 'wechat', promisedDate: '2026-11-30', technicianId: null },
      // Paid while in warranty is a warning the clerk confirms (see warnings.test.ts)
      acknowledgedWarnings: [{ code: 'paidInWarranty', reason: '客户不愿等厂家审批' }]
    })
    const r = await clerk.ok('intake.create', input)
    expect(r.order.orderNo).toBe('2611-0001')
    expect(r.order.claimCode).toMatch(/^[A-Z0-9]{6}$/)
    expect(r.order).toMatchObject({ status: 'received', customer: { name: '张三', mobile: '13812345678' } })
    expect(r.order.service).toMatchObject({ estimateFen: 35000, depositFen: 10000, depositMethod: 'wechat' })
    expect(r.order.warranty).toMatchObject({ inWarranty: true, finalInWarranty: true, reasonKey: 'warranty.reason.inPeriod' })
    expect(r.printJobs.map((j) => [j.kind, j.status])).toEqual([
      ['claimTicket', 'pending'],
      ['deviceTag', 'pending']
    ])
    const [payment] = await tc.core.dataSource.query('SELECT * FROM payment')
    expect(payment).toMatchObject({ orderId: r.order.id, kind: 'deposit', method: 'wechat', amountFen: 10000 })
    const audit = await tc.core.dataSource.query(`SELECT action FROM audit_log WHERE entity='work_order'`)
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['intake.create', 'intake.warningOverride'])

    const fetched = await clerk.ok('orders.get', { orderId: r.order.id })
    expect(fetched).toEqual(r.order)
  })

  it('queues nothing while no receipt printer is set up, and the PDF is the original ticket', async () => {
    const r = await clerk.ok('intake.create', sampleIntake())
    expect(r.printJobs).toEqual([])
    const first = await clerk.ok('printing.ticketPdf', { orderId: r.order.id })
    expect(first.fileName).toBe(`${r.order.orderNo}-claim-ticket.pdf`)
    const second = await clerk.ok('printing.ticketPdf', { orderId: r.order.id })
    expect(second.fileName).toBe(`${r.order.orderNo}-claim-ticket-copy1.pdf`)
    const pdfAudits = await tc.core.dataSource.query(`SELECT COUNT(*) AS n FROM audit_log WHERE action='print.pdf'`)
    expect(pdfAudits[0].n).toBe(2)
    const tech = await userWithRole(tc, manager, 'technician')
    expect(await tech.call('printing.ticketPdf', { orderId: r.order.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('accepts full-width digits and pasted mobile formats, and stores them plainly', async () => {
    const imei = validImei()
    const fullWidth = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))
    const input = sampleIntake()
    input.customer = { ...input.customer, mobile: `+86 ${fullWidth('138')}-1234-5678` }
    input.device = { ...input.device, serial: `${fullWidth(imei.slice(0, 8))} ${imei.slice(8)}` }
    const { order } = await clerk.ok('intake.create', input)
    expect(order.customer.mobile).toBe('13812345678')
    expect(order.device.serial).toBe(imei)
    expect((await clerk.ok('customers.search', { query: '138 1234' })).map((c) => c.mobile)).toEqual(['13812345678'])
  })

  it('reuses a returning customer and shows their earlier orders', async () => {
    const first = await clerk.ok('intake.create', sampleIntake())
    const found = await clerk.ok('customers.search', { query: '1381234' })
    expect(found.map((c) => c.name)).toEqual(['张三'])
    await clerk.ok('intake.create', sampleIntake({ customer: { ...found[0], id: found[0].id, address: '新地址' } }))
    expect(await count('customer')).toBe(1)
    const history = await clerk.ok('customers.history', { customerId: first.order.customer.id })
    expect(history.customer.address).toBe('新地址')
    expect(history.orders.map((o) => o.orderNo)).toEqual(['2611-0002', '2611-0001'])
  })
})

describe('work order numbers', () => {
  it('stay gap-free when a save fails half-way', async () => {
    await clerk.ok('intake.create', sampleIntake())
    // Make the database itself fail after the number was allocated (as a full disk would).
    await tc.core.dataSource.query(
      `CREATE TRIGGER fail_save BEFORE INSERT ON work_order WHEN NEW.brand = 'FAIL' BEGIN SELECT RAISE(ABORT, 'disk full'); END`
    )
    const auditBefore = await count('audit_log')
    const failed = await clerk.call('intake.create', sampleIntake({ customer: { name: '新客户', mobile: '13900009999' }, device: { category: 'phone', brand: 'FAIL', model: 'X', serial: validImei(), colour: '' } }))
    expect(failed).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(await count('customer')).toBe(1)
    expect(await count('audit_log')).toBe(auditBefore)
    const next = await clerk.ok('intake.create', sampleIntake())
    expect(next.order.orderNo).toBe('2611-0002')
    expect(await count('work_order')).toBe(2)
  })

  it('restart each store-local month and are never reused', async () => {
    tc.clock.set('2026-11-30T15:59:00Z') // 23:59 on Nov 30 in Shanghai
    expect((await clerk.ok('intake.create', sampleIntake({ service: { ...sampleIntake().service, promisedDate: '2026-12-07' } }))).order.orderNo).toBe(
      '2611-0001'
    )
    tc.clock.set('2026-11-30T16:00:00Z') // 00:00 on Dec 1 in Shanghai, still Nov 30 in UTC
    const december = () => sampleIntake({ service: { ...sampleIntake().service, promisedDate: '2026-12-08' } })
    expect((await clerk.ok('intake.create', december())).order.orderNo).toBe('2612-0001')
    expect((await clerk.ok('intake.create', december())).order.orderNo).toBe('2612-0002')
    const numbers = (await tc.core.dataSource.query('SELECT orderNo FROM work_order')).map((r: { orderNo: string }) => r.orderNo)
    expect(new Set(numbers).size).toBe(numbers.length)
  })
})

describe('warranty at intake', () => {
  const waterDamaged = () =>
    sampleIntake({ condition: { screenCracked: false, scratchesDents: false, waterDamage: true, sealsIntact: true, powersOn: false, other: '' } })

  it('refuses free warranty service when the verdict is out, and saves nothing', async () => {
    const r = await clerk.call('intake.create', waterDamaged())
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { 'service.type': expect.stringContaining('不在保') } } })
    expect(await count('work_order')).toBe(0)
  })

  it('lets the clerk override with a reason, and audits it', async () => {
    const input = waterDamaged()
    input.warranty = { component: 'main', override: { inWarranty: true, reason: '厂家特批：进水标签误触发' } }
    const r = await clerk.ok('intake.create', input)
    expect(r.order.warranty).toMatchObject({ inWarranty: false, reasonKey: 'warranty.reason.waterDamage', finalInWarranty: true })
    expect(r.order.warranty.override).toEqual({ inWarranty: true, reason: '厂家特批：进水标签误触发' })
    const [row] = await tc.core.dataSource.query(`SELECT detail FROM audit_log WHERE action='warranty.override'`)
    expect(JSON.parse(row.detail)).toMatchObject({ computed: false, final: true, reason: '厂家特批：进水标签误触发' })
  })

  const intact = { screenCracked: false, scratchesDents: false, waterDamage: false, sealsIntact: true, powersOn: true, other: '' }
  it.each([
    // invoice 2026-06-01, today 2026-11-23
    ['main unit, 12 months', 'main', intact, true, 'warranty.reason.inPeriod', '2027-06-01'],
    ['battery, 6 months', 'battery', intact, true, 'warranty.reason.inPeriod', '2026-12-01'],
    ['wired earphones, 3 months', 'earphones', intact, false, 'warranty.reason.expired', '2026-09-01'],
    ['SIM/data card, 1 month', 'card', intact, false, 'warranty.reason.expired', '2026-07-01'],
    ['water damage', 'main', { ...intact, waterDamage: true }, false, 'warranty.reason.waterDamage', '2027-06-01'],
    ['human damage (cracked screen)', 'main', { ...intact, screenCracked: true }, false, 'warranty.reason.humanDamage', '2027-06-01'],
    ['opened seal', 'main', { ...intact, sealsIntact: false }, false, 'warranty.reason.sealBroken', '2027-06-01']
  ])('judges %s through the router and stores that verdict with the order', async (_name, component, condition, inWarranty, reasonKey, lastDay) => {
    const question = { category: 'phone', component, serial: validImei(), invoiceDate: '2026-06-01', condition }
    expect(await clerk.ok('intake.checkWarranty', question)).toMatchObject({ inWarranty, reasonKey, lastDay })
    const input = sampleIntake({ condition, warranty: { component, override: null } })
    input.service = { ...input.service, type: inWarranty ? 'warranty' : 'paid' }
    const { order } = await clerk.ok('intake.create', input)
    expect(order.warranty).toMatchObject({ component, inWarranty, reasonKey, lastDay, finalInWarranty: inWarranty })
  })

  it('extends the period by earlier days in repair of the same serial', async () => {
    const serial = validImei('86012345678901')
    const question = {
      category: 'phone',
      component: 'main',
      serial,
      invoiceDate: '2025-11-18', // nominal last day 2026-11-18: expired on 2026-11-23
      condition: { screenCracked: false, scratchesDents: false, waterDamage: false, sealsIntact: true, powersOn: true, other: '' }
    }
    expect(await clerk.ok('intake.checkWarranty', question)).toMatchObject({ inWarranty: false, lastDay: '2026-11-18' })
    // The earlier stay: taken in on 2026-03-02, handed back 8 days later (the pickup step will record returnedAt).
    const device = { category: 'phone', brand: '华为', model: 'P60', serial, colour: '' }
    const takenInAt = async (iso: string, invoiceDate: string | null, promisedDate: string) => {
      tc.clock.set(iso)
      const service = { ...sampleIntake().service, type: invoiceDate ? 'warranty' : 'paid', promisedDate }
      const { order } = await clerk.ok('intake.create', sampleIntake({ device, purchase: { invoiceDate, invoiceNo: '' }, service }))
      tc.clock.set('2026-11-23T02:00:00Z')
      return order
    }
    const earlier = await takenInAt('2026-03-02T02:00:00Z', '2025-11-18', '2026-03-05')
    await tc.core.dataSource.query(`UPDATE work_order SET returnedAt='2026-03-10T02:00:00.000Z' WHERE id=?`, [earlier.id])
    expect(await clerk.ok('intake.checkWarranty', question)).toMatchObject({ inWarranty: true, daysInRepair: 8, lastDay: '2026-11-26' })
    // A stay before the invoice date belonged to an earlier owner (a resold phone): not counted.
    const resold = await takenInAt('2025-03-01T02:00:00Z', null, '2025-03-05')
    await tc.core.dataSource.query(`UPDATE work_order SET returnedAt='2025-04-01T02:00:00.000Z' WHERE id=?`, [resold.id])
    expect(await clerk.ok('intake.checkWarranty', question)).toMatchObject({ daysInRepair: 8 })
  })

  it('moves the last day past configured holidays', async () => {
    await manager.ok('settings.update', { calendar: { holidays: ['2026-11-20', '2026-11-23'], makeupWorkdays: [] } })
    const v = await clerk.ok('intake.checkWarranty', {
      category: 'phone',
      invoiceDate: '2025-11-20', // nominal last day Fri 2026-11-20, a holiday; then weekend, then another holiday
      condition: { sealsIntact: true }
    })
    expect(v).toMatchObject({ inWarranty: true, lastDay: '2026-11-24', movedForHoliday: true })
  })
})

describe('bad input', () => {
  it.each([
    ['empty mobile', { customer: { name: '李四', mobile: '' } }, 'customer.mobile', '必填'],
    ['bad IMEI', { device: { category: 'phone', brand: 'Apple', model: 'iPhone 15', serial: '490154203237517' } }, 'device.serial', 'IMEI'],
    ['negative deposit', { service: { type: 'paid', estimateFen: 1000, depositFen: -1, depositMethod: 'cash', promisedDate: '2026-11-30' } }, 'service.depositFen', '负数'],
    ['deposit over estimate', { service: { type: 'paid', estimateFen: 1000, depositFen: 2000, depositMethod: 'cash', promisedDate: '2026-11-30' } }, 'service.depositFen', '超过'],
    ['promised date in the past', { service: { type: 'paid', estimateFen: 0, depositFen: 0, depositMethod: null, promisedDate: '2026-11-22' } }, 'service.promisedDate', '早于'],
    ['unknown category', { device: { category: 'spaceship', brand: 'X', model: 'Y', serial: '' } }, 'device.category', '目录']
  ])('%s gets a translated field error and changes nothing', async (_name, patch, field, words) => {
    const r = await clerk.call('intake.create', { ...sampleIntake(), ...patch } as never)
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.code).toBe('VALIDATION')
    expect(r.error.fields?.[field]).toContain(words)
    for (const table of ['work_order', 'customer', 'payment', 'print_job', 'order_sequence']) expect(await count(table)).toBe(0)
  })

  it('answers in English when the store language is English', async () => {
    await manager.ok('settings.update', { locale: 'en' })
    const r = await clerk.call('intake.create', { ...sampleIntake(), customer: { name: 'Li', mobile: '12' } } as never)
    expect(r).toMatchObject({ ok: false, error: { message: 'Please correct the highlighted fields', fields: { 'customer.mobile': expect.stringContaining('11 digits') } } })
  })

  it('refuses input that is not even an object, and unknown channels', async () => {
    expect(await clerk.call('intake.create', 'DROP TABLE' as never)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(await clerk.call('intake.nuke' as never, {} as never)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })
})
