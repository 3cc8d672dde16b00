import { nextImei, sampleIntake, setUpStore, startTestCore, userWithRole, type Caller, type TestCore } from '../../../test/helpers/core'
import type { OrderStatus } from '../../shared/domain/order-status'
import { moveOrder } from '../repairs/status'
import { orderCharges } from '../repairs/charges'
import { reworkRate } from './comebacks'

let tc: TestCore
let manager: Caller
let clerk: Caller & { id: number }

/** Through the bench to ready and handed back (pickup sets returnedAt), in one core transaction. */
async function pickUp(orderId: number, userId: number): Promise<void> {
  const steps: OrderStatus[] = ['received', 'diagnosing', 'repairing', 'qualityCheck', 'ready', 'pickedUp']
  await tc.core.dataSource.transaction(async (em) => {
    for (let i = 1; i < steps.length; i++) moveOrder(em, { orderId, from: steps[i - 1], to: steps[i], at: tc.clock.now(), userId })
    await em.query(`UPDATE work_order SET returnedAt = ? WHERE id = ?`, [tc.clock.now().toISOString(), orderId])
  })
}

/** A paid repair (out of warranty) of this device, with 80 yuan of labour on its repair card. */
async function paidIntake(serial: string) {
  const { order } = await clerk.ok(
    'intake.create',
    sampleIntake({
      device: { category: 'phone', brand: '华为', model: 'Mate 60', serial, colour: '' },
      purchase: { invoiceDate: '2023-01-01', invoiceNo: '' },
      service: { type: 'paid', estimateFen: 20000, depositFen: 0, depositMethod: null, promisedDate: '2027-03-30', technicianId: null }
    })
  )
  await tc.core.dataSource.query(
    `INSERT INTO repair_charge (orderId, kind, description, faultCode, minutes, amountFen, warrantyFree, createdAt, userId) VALUES (?, 'labour', '换屏', 'screen', 30, 8000, 0, ?, ?)`,
    [order.id, tc.clock.now().toISOString(), clerk.id]
  )
  return order
}

const labourFree = (orderId: number) => orderCharges(tc.core.dataSource.manager, orderId).find((l) => l.kind === 'labour')!.warrantyFree

beforeEach(async () => {
  tc = await startTestCore({ now: '2026-09-10T02:00:00Z' })
  manager = await setUpStore(tc)
  clerk = await userWithRole(tc, manager, 'counter')
})
afterEach(() => tc.close())

describe('comebacks (返修)', () => {
  it('flags the same device back within 3 months of pickup, labour free, linked to the earlier order', async () => {
    const serial = nextImei()
    const first = await paidIntake(serial)
    expect(await clerk.ok('comebacks.forOrder', { orderId: first.id })).toBeNull()
    expect(labourFree(first.id)).toBe(false)
    // Picked up on 15 Sep (Shanghai).
    tc.clock.set('2026-09-15T04:00:00Z')
    await pickUp(first.id, clerk.id)

    // 15 Dec, 07:30 in Shanghai: still within 3 months.
    tc.clock.set('2026-12-14T23:30:00Z')
    const back = await paidIntake(serial)
    const cb = await clerk.ok('comebacks.forOrder', { orderId: back.id })
    expect(cb).toMatchObject({ orderId: back.id, earlierOrderId: first.id, earlierOrderNo: first.orderNo, flagged: true, earlierReturnedAt: '2026-09-15T04:00:00.000Z' })
    expect(labourFree(back.id)).toBe(true)
    const events = (await tc.core.dataSource.query(`SELECT kind FROM order_event WHERE orderId = ? AND kind = 'comeback'`, [back.id])) as unknown[]
    expect(events).toHaveLength(1)

    // Another device the same day is not a comeback.
    const other = await paidIntake(nextImei())
    expect(await clerk.ok('comebacks.forOrder', { orderId: other.id })).toBeNull()
  })

  it('an order taken in with "IMEI 待补" is checked when its IMEI is supplied (review of issue 8)', async () => {
    const serial = nextImei()
    const first = await paidIntake(serial)
    tc.clock.set('2026-09-15T04:00:00Z')
    await pickUp(first.id, clerk.id)
    tc.clock.set('2026-10-01T02:00:00Z')
    const { order: back } = await clerk.ok(
      'intake.create',
      sampleIntake({
        device: { category: 'phone', brand: '华为', model: 'Mate 60', serial: '', colour: '', imeiUnreadable: true, imeiUnreadableReason: '屏幕碎无法查看' },
        purchase: { invoiceDate: '2023-01-01', invoiceNo: '' },
        service: { type: 'paid', estimateFen: 20000, depositFen: 0, depositMethod: null, promisedDate: '2027-03-30', technicianId: null }
      })
    )
    expect(await clerk.ok('comebacks.forOrder', { orderId: back.id })).toBeNull()
    await clerk.ok('orders.supplyImei', { orderId: back.id, serial })
    expect(await clerk.ok('comebacks.forOrder', { orderId: back.id })).toMatchObject({ earlierOrderId: first.id, flagged: true })

    // Corrected back to "IMEI 待补" and supplied again: the order keeps its one link (no constraint error).
    await tc.core.dataSource.query(`UPDATE work_order SET serial = '' WHERE id = ?`, [back.id])
    await clerk.ok('orders.supplyImei', { orderId: back.id, serial })
    expect(await clerk.ok('comebacks.forOrder', { orderId: back.id })).toMatchObject({ earlierOrderId: first.id, flagged: true })
  })

  it('does not flag a device back more than 3 months after its pickup', async () => {
    const serial = nextImei()
    const first = await paidIntake(serial)
    tc.clock.set('2026-09-15T04:00:00Z')
    await pickUp(first.id, clerk.id)
    // 16 Dec in Shanghai (15 Dec 16:30 UTC): one day too late.
    tc.clock.set('2026-12-15T16:30:00Z')
    const late = await paidIntake(serial)
    expect(await clerk.ok('comebacks.forOrder', { orderId: late.id })).toBeNull()
    expect(labourFree(late.id)).toBe(false)
  })

  it('un-flags with a reason (audited): labour is charged again; refused without a reason, twice, or by a technician', async () => {
    const serial = nextImei()
    const first = await paidIntake(serial)
    await pickUp(first.id, clerk.id)
    tc.clock.set('2026-10-01T02:00:00Z')
    const back = await paidIntake(serial)
    const tech = await userWithRole(tc, manager, 'technician')
    expect(await tech.call('comebacks.unflag', { orderId: back.id, reason: '新故障' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await clerk.call('comebacks.unflag', { orderId: back.id, reason: '  ' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { reason: '必填' } } })

    const un = await clerk.ok('comebacks.unflag', { orderId: back.id, reason: '摔坏，与上次维修无关' })
    expect(un).toMatchObject({ flagged: false, unflagReason: '摔坏，与上次维修无关' })
    expect(labourFree(back.id)).toBe(false)
    const again = await clerk.call('comebacks.unflag', { orderId: back.id, reason: '再来' })
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '这张工单已不是返修' } })

    const audit = await manager.ok('audit.list', { action: 'comeback.unflag' })
    expect(JSON.stringify(audit)).toContain('摔坏，与上次维修无关')
  })

  it('reworkRate: comebacks still flagged over orders picked up in the range', async () => {
    const a = nextImei()
    const b = nextImei()
    const c = nextImei()
    for (const serial of [a, b, c]) await pickUp((await paidIntake(serial)).id, clerk.id)
    tc.clock.set('2026-10-05T02:00:00Z')
    const backA = await paidIntake(a)
    await paidIntake(b)
    await pickUp(backA.id, clerk.id)
    const backC = await paidIntake(c)
    await clerk.ok('comebacks.unflag', { orderId: backC.id, reason: '新故障' })

    // September: 3 picked up, no comeback taken in; 1 Sep – 31 Oct: 4 picked up, 2 still flagged.
    expect(await manager.ok('comebacks.reworkRate', { from: '2026-09-01', to: '2026-09-30' })).toEqual({ from: '2026-09-01', to: '2026-09-30', comebacks: 0, pickedUp: 3, rate: 0 })
    expect(reworkRate(tc.core.dataSource.manager, '2026-09-01', '2026-10-31')).toMatchObject({ comebacks: 2, pickedUp: 4, rate: 0.5 })
    expect(reworkRate(tc.core.dataSource.manager, '2026-11-01', '2026-11-30')).toMatchObject({ comebacks: 0, pickedUp: 0, rate: 0 })
    expect(await clerk.call('comebacks.reworkRate', { from: '2026-09-01', to: '2026-09-30' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })
})
