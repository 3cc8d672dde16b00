import { sampleIntake, setUpStore, startTestCore, userWithRole, type Caller, type TestCore } from '../../../test/helpers/core'
import { walkOrder } from '../../../test/helpers/pickup'
import { satisfactionRate, complaintRate } from './rates'

let tc: TestCore
let manager: Caller
let clerk: Caller & { id: number }

const days = (from: string, n: number) => Array.from({ length: n }, (_, i) => new Date(Date.parse(`${from}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10))
/** 2026 National Day: 1–7 October off, Sunday 20 September and Saturday 10 October worked. */
const NATIONAL_DAY = { holidays: days('2026-10-01', 7), makeupWorkdays: ['2026-09-20', '2026-10-10'] }

let mobileSeq = 0
/** An order taken in and handed back at `iso` (10:00 in Shanghai when the time is 02:00 UTC). */
async function pickedUpAt(iso: string): Promise<{ id: number; orderNo: string }> {
  tc.clock.set(iso)
  const mobile = `1390000${String(++mobileSeq).padStart(4, '0')}`
  const { order } = await clerk.ok('intake.create', sampleIntake({ customer: { name: `客户${mobileSeq}`, mobile, landline: '', address: '' } }))
  await walkOrder(tc.core.dataSource, order.id, 1, 'ready', tc.clock.now())
  await clerk.ok('pickup.complete', { orderId: order.id, proof: { kind: 'code', value: order.claimCode }, tenders: [] })
  return { id: order.id, orderNo: order.orderNo }
}

const listed = async () => (await clerk.ok('followups.list', {})).map((i) => i.orderNo)

beforeEach(async () => {
  mobileSeq = 0
  tc = await startTestCore({ now: '2026-09-01T02:00:00Z' })
  manager = await setUpStore(tc)
  clerk = await userWithRole(tc, manager, 'counter')
})
afterEach(() => tc.close())

describe('the follow-up call list', () => {
  it('holds orders picked up 2 to 7 working days ago, skipping the National Day holidays and counting the make-up Saturday', async () => {
    await manager.ok('settings.update', { calendar: NATIONAL_DAY })
    const eightAgo = await pickedUpAt('2026-09-24T02:00:00Z')
    const sevenAgo = await pickedUpAt('2026-09-25T02:00:00Z')
    const onHoliday = await pickedUpAt('2026-10-03T02:00:00Z')
    const twoAgo = await pickedUpAt('2026-10-09T02:00:00Z')
    const makeUpSaturday = await pickedUpAt('2026-10-10T02:00:00Z')
    // Monday 12 October, 10:00 in Shanghai.
    tc.clock.set('2026-10-12T02:00:00Z')
    const list = await clerk.ok('followups.list', {})
    expect(list.map((i) => [i.orderNo, i.pickupDate, i.workingDaysAgo])).toEqual([
      [sevenAgo.orderNo, '2026-09-25', 7],
      [onHoliday.orderNo, '2026-10-03', 4],
      [twoAgo.orderNo, '2026-10-09', 2]
    ])
    expect(list[0]).toMatchObject({ customerName: '客户2', mobile: '13900000002', device: '华为 Mate 60', attempts: 0 })
    expect(list.map((i) => i.orderNo)).not.toContain(eightAgo.orderNo)
    expect(list.map((i) => i.orderNo)).not.toContain(makeUpSaturday.orderNo)
    // The next morning the Saturday pickup is 2 working days old and the 25 September one has left.
    tc.clock.set('2026-10-13T02:00:00Z')
    expect(await listed()).toEqual([onHoliday.orderNo, twoAgo.orderNo, makeUpSaturday.orderNo])
  })

  it('skips weekends on an ordinary week and uses the store-local day', async () => {
    const friday = await pickedUpAt('2026-11-13T02:00:00Z')
    const monday = await pickedUpAt('2026-11-16T02:00:00Z')
    const lastMonday = await pickedUpAt('2026-11-23T02:00:00Z')
    const tuesday = await pickedUpAt('2026-11-24T02:00:00Z')
    // Wednesday 25th, 00:30 in Shanghai (still the 24th in UTC).
    tc.clock.set('2026-11-24T16:30:00Z')
    expect(await listed()).toEqual([monday.orderNo, lastMonday.orderNo])
    expect(await listed()).not.toContain(friday.orderNo)
    expect(await listed()).not.toContain(tuesday.orderNo)
    // Saturday 28th: Monday 16th is now 9 working days old; Tuesday 24th is 3.
    tc.clock.set('2026-11-28T02:00:00Z')
    expect(await listed()).toEqual([lastMonday.orderNo, tuesday.orderNo])
  })

  it('keeps an unanswered order on the list to retry, and drops it after a reached or refused call', async () => {
    const a = await pickedUpAt('2026-11-16T02:00:00Z')
    const b = await pickedUpAt('2026-11-16T03:00:00Z')
    tc.clock.set('2026-11-19T02:00:00Z')
    await clerk.ok('followups.record', { orderId: a.id, outcome: 'noAnswer' })
    const [again] = await clerk.ok('followups.list', {})
    expect(again).toMatchObject({ orderNo: a.orderNo, attempts: 1, lastAttemptAt: '2026-11-19T02:00:00.000Z' })
    await clerk.ok('followups.record', { orderId: b.id, outcome: 'refused' })
    expect(await listed()).toEqual([a.orderNo])
    tc.clock.set('2026-11-20T02:00:00Z')
    const view = await clerk.ok('followups.record', {
      orderId: a.id,
      outcome: 'reached',
      rating: 'verySatisfied',
      aspects: { attitude: 'verySatisfied', skill: 'satisfied', timeliness: 'average', fees: 'satisfied' },
      depositRefunded: true,
      note: '很满意'
    })
    expect(view).toMatchObject({ outcome: 'reached', rating: 'verySatisfied', depositRefunded: true, note: '很满意', complaintId: null, userName: 'counter 员工' })
    expect(view.aspects).toEqual({ attitude: 'verySatisfied', skill: 'satisfied', timeliness: 'average', fees: 'satisfied' })
    expect(await listed()).toEqual([])
    const history = await clerk.ok('followups.forOrder', { orderId: a.id })
    expect(history.map((h) => h.outcome)).toEqual(['reached', 'noAnswer'])
    // A final call is final.
    expect(await clerk.call('followups.record', { orderId: a.id, outcome: 'reached', rating: 'satisfied' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    const audit = await tc.core.dataSource.query(`SELECT COUNT(*) AS n FROM audit_log WHERE action = 'followUp.record'`)
    // noAnswer, refused, reached: one audit row each; the refused second "reached" wrote none.
    expect(audit[0].n).toBe(3)
  })

  it('refuses a rating without a reached call, a reached call without one, and an order still in the shop', async () => {
    const o = await pickedUpAt('2026-11-16T02:00:00Z')
    tc.clock.set('2026-11-19T02:00:00Z')
    const noRating = await clerk.call('followups.record', { orderId: o.id, outcome: 'reached' })
    expect(noRating).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(noRating.ok ? {} : noRating.error.fields).toHaveProperty('rating')
    expect(await clerk.call('followups.record', { orderId: o.id, outcome: 'noAnswer', rating: 'satisfied' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    const unhappyNoNote = await clerk.call('followups.record', { orderId: o.id, outcome: 'reached', rating: 'dissatisfied' })
    expect(unhappyNoNote.ok ? {} : unhappyNoNote.error.fields).toHaveProperty('note')
    const { order: inShop } = await clerk.ok('intake.create', sampleIntake())
    expect(await clerk.call('followups.record', { orderId: inShop.id, outcome: 'noAnswer' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(await tc.core.dataSource.query(`SELECT * FROM follow_up`)).toEqual([])
  })
})

describe('an unhappy call', () => {
  it('opens a complaint linked to the order and the call, owned by the caller, in the same transaction', async () => {
    const o = await pickedUpAt('2026-11-16T02:00:00Z')
    // Thursday 19 November: the response is due Monday 23rd (2 working days).
    tc.clock.set('2026-11-19T02:00:00Z')
    const view = await clerk.ok('followups.record', {
      orderId: o.id,
      outcome: 'reached',
      rating: 'dissatisfied',
      aspects: { attitude: 'satisfied', fees: 'veryDissatisfied', timeliness: 'dissatisfied' },
      note: '换屏收费比报价高'
    })
    expect(view.complaintNo).toBe('2611-001')
    const complaint = await clerk.ok('complaints.get', { complaintId: view.complaintId! })
    expect(complaint).toMatchObject({
      complaintNo: '2611-001',
      status: 'open',
      source: 'followUp',
      category: 'fees',
      orderId: o.id,
      orderNo: o.orderNo,
      customerName: '客户1',
      mobile: '13900000001',
      description: '换屏收费比报价高',
      ownerName: 'counter 员工',
      createdByName: 'counter 员工',
      responseDue: '2026-11-23',
      dueDate: '2026-11-23',
      followUpId: view.id,
      overdue: false
    })
    const [listed] = await clerk.ok('complaints.list', { status: 'open' })
    expect(listed.complaintNo).toBe('2611-001')
    // The caller may name the category; very dissatisfied opens one too.
    const p = await pickedUpAt('2026-11-17T02:00:00Z')
    tc.clock.set('2026-11-19T03:00:00Z')
    const second = await clerk.ok('followups.record', { orderId: p.id, outcome: 'reached', rating: 'veryDissatisfied', note: '前台态度差', complaintCategory: 'counter' })
    expect(second.complaintNo).toBe('2611-002')
    expect((await clerk.ok('complaints.get', { complaintId: second.complaintId! })).category).toBe('counter')
  })

  it('leaves nothing behind when the complaint cannot be written', async () => {
    const o = await pickedUpAt('2026-11-16T02:00:00Z')
    tc.clock.set('2026-11-19T02:00:00Z')
    await tc.core.dataSource.query(`CREATE TRIGGER test_fail BEFORE INSERT ON complaint BEGIN SELECT RAISE(ABORT, 'disk full'); END`)
    const r = await clerk.call('followups.record', { orderId: o.id, outcome: 'reached', rating: 'dissatisfied', note: '修了又坏' })
    expect(r.ok).toBe(false)
    expect(await tc.core.dataSource.query(`SELECT * FROM follow_up`)).toEqual([])
    expect(await listed()).toEqual([o.orderNo])
    await tc.core.dataSource.query(`DROP TRIGGER test_fail`)
    const ok = await clerk.ok('followups.record', { orderId: o.id, outcome: 'reached', rating: 'dissatisfied', note: '修了又坏' })
    // The failed attempt took no number.
    expect(ok.complaintNo).toBe('2611-001')
  })
})

describe('rates', () => {
  it('satisfaction = (visits − dissatisfied − very dissatisfied) / visits against the target; complaints over pickups', async () => {
    const ratings = ['verySatisfied', 'satisfied', 'average', 'dissatisfied', 'veryDissatisfied'] as const
    const orders = []
    for (let i = 0; i < 7; i++) orders.push(await pickedUpAt(`2026-11-02T0${i}:00:00Z`))
    tc.clock.set('2026-11-04T02:00:00Z')
    for (let i = 0; i < 5; i++) await clerk.ok('followups.record', { orderId: orders[i].id, outcome: 'reached', rating: ratings[i], note: '原因' })
    await clerk.ok('followups.record', { orderId: orders[5].id, outcome: 'noAnswer' })
    await clerk.ok('followups.record', { orderId: orders[6].id, outcome: 'refused' })
    // A call on 1 December (Shanghai) belongs to December, though it is still 30 November in UTC.
    const december = await pickedUpAt('2026-11-27T02:00:00Z')
    tc.clock.set('2026-11-30T16:30:00Z')
    await clerk.ok('followups.record', { orderId: december.id, outcome: 'reached', rating: 'dissatisfied', note: '慢' })

    const r = await manager.ok('followups.rates', { month: '2026-11' })
    expect(r.satisfaction).toEqual({ from: '2026-11-01', to: '2026-11-30', visits: 5, dissatisfied: 1, veryDissatisfied: 1, rate: 3 / 5, target: 0.95 })
    // Two complaints (the unhappy calls) over eight pickups in November.
    expect(r.complaints).toEqual({ from: '2026-11-01', to: '2026-11-30', complaints: 2, pickedUp: 8, rate: 2 / 8 })
    const dec = await manager.ok('followups.rates', { month: '2026-12' })
    expect(dec.satisfaction).toMatchObject({ visits: 1, rate: 0 })
    expect((await manager.ok('followups.rates', { month: '2027-01' })).satisfaction).toMatchObject({ visits: 0, rate: null })

    await manager.ok('settings.update', { followUp: { satisfactionTargetPercent: 90 } })
    // The exported functions the reports use give the same figures.
    await tc.core.dataSource.transaction(async (em) => {
      expect(satisfactionRate(em, '2026-11-01', '2026-11-30', 'Asia/Shanghai')).toMatchObject({ visits: 5, rate: 0.6, target: 0.9 })
      expect(complaintRate(em, '2026-11-01', '2026-11-30', 'Asia/Shanghai')).toMatchObject({ complaints: 2, pickedUp: 8 })
      expect(complaintRate(em, '2026-11-03', '2026-11-03', 'Asia/Shanghai')).toMatchObject({ complaints: 0, pickedUp: 0, rate: 0 })
    })
  })
})

describe('roles', () => {
  it('lets the counter and the manager call, not the technician or the warehouse', async () => {
    const tech = await userWithRole(tc, manager, 'technician')
    const store = await userWithRole(tc, manager, 'warehouse')
    expect(await manager.call('followups.list', {})).toMatchObject({ ok: true })
    for (const who of [tech, store]) {
      expect(await who.call('followups.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
      expect(await who.call('followups.record', { orderId: 1, outcome: 'noAnswer' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
  })
})
