// orders.get is lean SQL (views.ts): every OrderView field is checked here against what was typed,
// not against another read of the same row, so a column mapped wrongly or a boolean left as 0/1 fails.
import { MANAGER, sampleIntake, setUpStore, startTestCore, userWithRole, validImei, type Caller, type TestCore } from '../../../test/helpers/core'

let tc: TestCore
let manager: Caller
let clerk: Caller & { id: number }

beforeEach(async () => {
  tc = await startTestCore({ now: '2026-11-23T02:00:00Z' })
  manager = await setUpStore(tc)
  clerk = await userWithRole(tc, manager, 'counter')
})
afterEach(() => tc.close())

const SECRET = 'Zq9-never-shown'
const waterDamaged = { screenCracked: true, scratchesDents: false, waterDamage: true, sealsIntact: false, powersOn: true, other: '背壳有划痕' }

describe('orders.get', () => {
  it('returns every field as entered: customer, device, warranty with override, technician, clerk; never the passcode', async () => {
    const tech = await userWithRole(tc, manager, 'technician')
    const serial = validImei('86123400000012')
    const input = sampleIntake({
      customer: { name: '李四', mobile: '13900001111', landline: '0755-88886666', address: '深圳市福田区' },
      device: { category: 'phone', brand: '小米', model: '14 Pro', serial, colour: '白色', passcode: SECRET },
      purchase: { invoiceDate: '2026-06-01', invoiceNo: 'FP-778' },
      fault: { description: '进水后\n无法开机', codes: ['noPower'] },
      condition: waterDamaged,
      accessories: { items: ['charger'], other: '手机壳' },
      warranty: { component: 'main', override: { inWarranty: true, reason: '厂家特批' } },
      service: { type: 'warranty', estimateFen: 0, depositFen: 0, depositMethod: null, promisedDate: '2026-11-30', technicianId: tech.id }
    })
    const verdict = await clerk.ok('intake.checkWarranty', { category: 'phone', component: 'main', serial, invoiceDate: '2026-06-01', condition: waterDamaged })
    expect(verdict.inWarranty).toBe(false)
    const { order } = await clerk.ok('intake.create', input)
    const view = await clerk.ok('orders.get', { orderId: order.id })
    expect(view).toStrictEqual({
      id: order.id,
      orderNo: '2611-0001',
      claimCode: order.claimCode,
      status: 'received',
      receivedAt: '2026-11-23T02:00:00.000Z',
      customer: { id: order.customer.id, name: '李四', mobile: '13900001111', landline: '0755-88886666', address: '深圳市福田区' },
      device: {
        category: 'phone',
        brand: '小米',
        model: '14 Pro',
        serial,
        colour: '白色',
        imeiUnreadable: false,
        imeiUnreadableReason: '',
        imeiPending: false,
        hasPasscode: true
      },
      purchase: { invoiceDate: '2026-06-01', invoiceNo: 'FP-778' },
      fault: { description: '进水后\n无法开机', codes: ['noPower'] },
      condition: waterDamaged,
      accessories: { items: ['charger'], other: '手机壳' },
      warranty: { ...verdict, finalInWarranty: true, override: { inWarranty: true, reason: '厂家特批' } },
      service: { type: 'warranty', estimateFen: 0, depositFen: 0, depositMethod: null, promisedDate: '2026-11-30', technician: { id: tech.id, displayName: 'technician 员工' } },
      createdBy: { id: clerk.id, displayName: 'counter 员工' },
      correctedAt: null,
      voided: null
    })
    expect(JSON.stringify(view)).not.toContain(SECRET)
    expect(view).toStrictEqual(order)
  })

  it('shows an IMEI still to be supplied, no technician, and who voided the order, when and why', async () => {
    const { order } = await clerk.ok(
      'intake.create',
      sampleIntake({
        device: { category: 'phone', brand: 'OPPO', model: 'Reno 9', serial: '', colour: '', imeiUnreadable: true, imeiUnreadableReason: '黑屏' },
        service: { type: 'paid', estimateFen: 12000, depositFen: 3000, depositMethod: 'cash', promisedDate: '2026-11-30', technicianId: null },
        acknowledgedWarnings: [{ code: 'paidInWarranty', reason: '客户要求' }]
      })
    )
    const before = await clerk.ok('orders.get', { orderId: order.id })
    expect(before.device).toStrictEqual({
      category: 'phone',
      brand: 'OPPO',
      model: 'Reno 9',
      serial: '',
      colour: '',
      imeiUnreadable: true,
      imeiUnreadableReason: '黑屏',
      imeiPending: true,
      hasPasscode: false
    })
    expect(before.service).toStrictEqual({ type: 'paid', estimateFen: 12000, depositFen: 3000, depositMethod: 'cash', promisedDate: '2026-11-30', technician: null })
    expect(before.warranty.override).toBeNull()

    tc.clock.set('2026-11-23T03:30:00Z')
    await manager.ok('orders.void', { orderId: order.id, reason: '客户不修了' })
    const [boss] = await tc.core.dataSource.query(`SELECT id FROM "user" WHERE username = ?`, [MANAGER.username])
    const after = await clerk.ok('orders.get', { orderId: order.id })
    expect(after.status).toBe('void')
    expect(after.voided).toStrictEqual({ at: '2026-11-23T03:30:00.000Z', by: { id: boss.id, displayName: MANAGER.displayName }, reason: '客户不修了' })
    expect(await clerk.call('orders.get', { orderId: order.id + 100 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })
})
