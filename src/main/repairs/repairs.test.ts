import { ORDER_STATUSES, TRANSITIONS, type OrderStatus } from '@shared/domain/order-status'
import { STEP_TARGETS, type RepairCardView } from '@shared/contract/repairs'
import { sampleIntake, setUpStore, startTestCore, userWithRole, type Caller, type TestCore } from '../../../test/helpers/core'
import { createPart, stockUp } from '../../../test/helpers/warehouse'

/**
 * The technician bench through the real router on a real SQLite file: the status machine (every
 * pair), roles, the quote rule, quality check, manufacturer trips, "will be late", the repair card.
 */
let tc: TestCore
let manager: Caller
let counter: Caller & { id: number }
let tech1: Caller & { id: number }
let tech2: Caller & { id: number }
let store: Caller & { id: number }

const sql = <T = Record<string, unknown>>(q: string, params: unknown[] = []): Promise<T[]> => tc.core.dataSource.query(q, params)
const statusOf = async (orderId: number) => (await sql<{ status: OrderStatus }>(`SELECT status FROM work_order WHERE id = ?`, [orderId]))[0].status
const eventCount = async (orderId: number) => (await sql<{ n: number }>(`SELECT COUNT(*) AS n FROM order_event WHERE orderId = ?`, [orderId]))[0].n
const forceStatus = (orderId: number, status: OrderStatus) => sql(`UPDATE work_order SET status = ? WHERE id = ?`, [status, orderId])

async function takeIn(service: Record<string, unknown> = {}, extra: Record<string, unknown> = {}): Promise<number> {
  const base = sampleIntake()
  // A paid repair: bought long ago, out of warranty.
  const purchase = service.type === 'paid' ? { invoiceDate: '2023-01-01', invoiceNo: '' } : base.purchase
  const { order } = await counter.ok('intake.create', { ...base, purchase, ...extra, service: { ...base.service, ...service } } as never)
  return order.id
}

/** A paid order (not 三包) with an estimate, assigned to tech1 and being diagnosed. */
async function paidInDiagnosis(estimateFen: number): Promise<number> {
  const id = await takeIn({ type: 'paid', estimateFen, technicianId: tech1.id })
  await tech1.ok('repairs.step', { orderId: id, to: 'diagnosing' })
  return id
}

beforeAll(async () => {
  tc = await startTestCore()
  manager = await setUpStore(tc)
  counter = await userWithRole(tc, manager, 'counter')
  tech1 = await userWithRole(tc, manager, 'technician', 'tech1')
  tech2 = await userWithRole(tc, manager, 'technician', 'tech2')
  store = await userWithRole(tc, manager, 'warehouse')
})
afterAll(async () => {
  await tc?.close()
})

describe('status machine', () => {
  it('the table is the workflow of the issue, written out here on its own', () => {
    // Issue 8's order of work and its side exits; a change to the table must change this too.
    expect(TRANSITIONS).toEqual({
      received: ['diagnosing', 'unrepairable', 'cancelled', 'void'],
      diagnosing: ['awaitingApproval', 'waitingParts', 'repairing', 'unrepairable', 'atManufacturer', 'cancelled'],
      awaitingApproval: ['waitingParts', 'repairing', 'unrepairable', 'cancelled'],
      waitingParts: ['repairing', 'awaitingApproval', 'unrepairable', 'cancelled'],
      repairing: ['qualityCheck', 'waitingParts', 'awaitingApproval', 'unrepairable', 'atManufacturer', 'cancelled'],
      qualityCheck: ['ready', 'repairing'],
      atManufacturer: ['repairing', 'qualityCheck', 'unrepairable'],
      ready: ['pickedUp', 'repairing'],
      unrepairable: ['pickedUp'],
      cancelled: ['pickedUp'],
      pickedUp: [],
      void: []
    })
  })

  it('every step in the table works through repairs.step, every other pair is refused and changes nothing', async () => {
    const id = await takeIn()
    const byOtherChannels: OrderStatus[] = ['qualityCheck', 'atManufacturer']
    const tried: string[] = []
    for (const from of ORDER_STATUSES) {
      for (const to of STEP_TARGETS) {
        await forceStatus(id, from)
        const before = await eventCount(id)
        const r = await manager.call('repairs.step', { orderId: id, to, note: `${from}→${to}` })
        const legal = TRANSITIONS[from].includes(to) && !byOtherChannels.includes(from)
        tried.push(`${from}>${to}:${r.ok}`)
        if (legal) {
          expect(r.ok, `${from} → ${to}`).toBe(true)
          expect(await statusOf(id)).toBe(to)
          const [e] = await sql<{ fromStatus: string; toStatus: string; note: string; kind: string }>(`SELECT * FROM order_event WHERE orderId = ? ORDER BY id DESC LIMIT 1`, [id])
          expect(e).toMatchObject({ kind: 'status', fromStatus: from, toStatus: to, note: `${from}→${to}` })
        } else {
          expect(r.ok, `${from} → ${to} must be refused`).toBe(false)
          if (!r.ok) expect(r.error.code).toBe('CONFLICT')
          expect(await statusOf(id)).toBe(from)
          expect(await eventCount(id)).toBe(before)
        }
      }
    }
    expect(tried.length).toBe(ORDER_STATUSES.length * STEP_TARGETS.length)
  })

  it('an illegal step names both statuses in the store language', async () => {
    const id = await takeIn()
    const r = await manager.call('repairs.step', { orderId: id, to: 'qualityCheck' })
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '不能从「已收机」改为「待质检」' } })
  })

  it('quality check and the manufacturer have their own channels', async () => {
    const id = await takeIn()
    await forceStatus(id, 'qualityCheck')
    expect(await manager.call('repairs.step', { orderId: id, to: 'repairing' })).toMatchObject({ ok: false, error: { message: '待质检的工单请用「质检」给出结果' } })
    await forceStatus(id, 'atManufacturer')
    expect(await manager.call('repairs.step', { orderId: id, to: 'repairing' })).toMatchObject({ ok: false, error: { message: '返厂中的工单请用「返厂取回」登记结果' } })
  })
})

describe('roles', () => {
  it('the counter may only cancel; the warehouse may take no step', async () => {
    const id = await takeIn()
    expect(await counter.call('repairs.step', { orderId: id, to: 'diagnosing' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '这一步只能由技术员或店长操作' } })
    expect(await store.call('repairs.step', { orderId: id, to: 'diagnosing' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await store.call('repairs.assign', { orderId: id, technicianId: tech1.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const card = await counter.ok('repairs.step', { orderId: id, to: 'cancelled', note: '客户不修了' })
    expect(card.status).toBe('cancelled')
  })

  it('the warehouse is refused on every bench write, and nothing changes (review of issue 8)', async () => {
    const id = await takeIn({ type: 'paid', estimateFen: 0, technicianId: tech1.id })
    const before = await eventCount(id)
    const writes: [string, Record<string, unknown>][] = [
      ['repairs.card.save', { orderId: id, faultFound: 'x' }],
      ['repairs.charges.add', { orderId: id, kind: 'other', description: 'x', amountFen: 100 }],
      ['repairs.charges.remove', { orderId: id, chargeId: 1 }],
      ['repairs.prices.save', { prices: [] }],
      ['repairs.quote.record', { orderId: id, approved: true, amountFen: 100 }],
      ['repairs.qc', { orderId: id, passed: true }],
      ['repairs.manufacturer.send', { orderId: id, date: '2026-11-20', carrier: 'SF', reference: '1' }],
      ['repairs.manufacturer.back', { orderId: id, date: '2026-11-20', result: 'repaired' }],
      ['repairs.lateCall', { orderId: id, promisedDate: '2027-01-01', note: 'x' }]
    ]
    for (const [ch, input] of writes) expect(await store.call(ch as never, input as never), ch).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await eventCount(id)).toBe(before)
    expect((await tech1.ok('repairs.card', { orderId: id })).charges).toEqual([])
  })

  it("a technician works on their own or unassigned orders, and takes an unassigned one by starting it", async () => {
    const mine = await takeIn({ technicianId: tech1.id })
    const r = await tech2.call('repairs.step', { orderId: mine, to: 'diagnosing' })
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '这张工单由 technician 员工 负责，只有本人或店长可以操作' } })
    expect(await statusOf(mine)).toBe('received')

    const free = await takeIn()
    const card = await tech2.ok('repairs.step', { orderId: free, to: 'diagnosing' })
    expect(card.technician?.id).toBe(tech2.id)
    const kinds = (await tech2.ok('repairs.timeline', { orderId: free })).map((e) => e.kind)
    expect(kinds).toEqual(['status', 'assign', 'status'])
  })

  it('assign: counter and manager any order, a technician only takes an unassigned one for themselves', async () => {
    const id = await takeIn()
    expect(await tech1.call('repairs.assign', { orderId: id, technicianId: tech2.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect((await tech1.ok('repairs.assign', { orderId: id, technicianId: tech1.id })).technician?.id).toBe(tech1.id)
    expect(await tech2.call('repairs.assign', { orderId: id, technicianId: tech2.id })).toMatchObject({ ok: false, error: { message: '技术员只能领取尚未分配的工单（给自己）' } })
    expect((await counter.ok('repairs.assign', { orderId: id, technicianId: tech2.id })).technician?.id).toBe(tech2.id)
    expect(await counter.call('repairs.assign', { orderId: id, technicianId: counter.id })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { technicianId: '请选择在职的技术员或店长' } } })
    const assigns = (await manager.ok('repairs.timeline', { orderId: id })).filter((e) => e.kind === 'assign')
    expect(assigns.map((e) => [e.user.displayName, e.detail?.fromName, e.detail?.toName])).toEqual([
      ['technician 员工', null, 'technician 员工'],
      ['counter 员工', 'technician 员工', 'technician 员工']
    ])
  })

  it('only the manager edits the labour price list; the counter cannot edit a repair card', async () => {
    expect(await tech1.call('repairs.prices.save', { prices: [] })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const id = await takeIn()
    expect(await counter.call('repairs.card.save', { orderId: id, faultFound: 'x' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })
})

describe('quote approval', () => {
  it('work stops at awaiting approval when the expected cost exceeds the estimate, until the customer says yes', async () => {
    const id = await paidInDiagnosis(5000)
    await tech1.ok('repairs.charges.add', { orderId: id, kind: 'labourTyped', description: '更换屏幕工时', minutes: 60, amountFen: 8000 })
    const r = await tech1.call('repairs.step', { orderId: id, to: 'repairing' })
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '预计费用 ¥80.00 超过报价 ¥50.00：工单已转为「待客户确认报价」，请先联系客户确认' } })
    expect(await statusOf(id)).toBe('awaitingApproval')
    expect(await tech1.call('repairs.step', { orderId: id, to: 'waitingParts' })).toMatchObject({ ok: false, error: { message: '预计费用 ¥80.00 仍超过客户确认的报价 ¥50.00：请先登记客户的确认' } })
    expect(await statusOf(id)).toBe('awaitingApproval')

    expect(await counter.call('repairs.quote.record', { orderId: id, approved: true, amountFen: 6000 })).toMatchObject({ ok: false, error: { fields: { amountFen: '客户同意的金额低于预计费用 ¥80.00' } } })
    tc.clock.set('2026-11-23T03:00:00Z')
    const card = await counter.ok('repairs.quote.record', { orderId: id, approved: true, amountFen: 8000, note: '客户电话同意' })
    expect(card.estimateFen).toBe(8000)
    expect(card.status).toBe('awaitingApproval')
    const [audit] = await sql<{ action: string; detail: string }>(`SELECT action, detail FROM audit_log WHERE action = 'order.estimate' AND entityId = ?`, [id])
    expect(JSON.parse(audit.detail).changes).toEqual({ estimateFen: { old: 5000, new: 8000 } })
    const quote = (await tech1.ok('repairs.timeline', { orderId: id })).find((e) => e.kind === 'quote')!
    expect(quote).toMatchObject({ user: { id: counter.id }, note: '客户电话同意', at: '2026-11-23T03:00:00.000Z', detail: { approved: true, amountFen: 8000, oldEstimateFen: 5000 } })

    expect((await tech1.ok('repairs.step', { orderId: id, to: 'repairing' })).status).toBe('repairing')
  })

  it('within the estimate the work goes straight on; a warranty order costs the customer nothing', async () => {
    const paid = await paidInDiagnosis(10000)
    await tech1.ok('repairs.charges.add', { orderId: paid, kind: 'labourTyped', description: '工时', amountFen: 10000 })
    expect((await tech1.ok('repairs.step', { orderId: paid, to: 'waitingParts' })).status).toBe('waitingParts')

    const warranty = await takeIn({ technicianId: tech1.id })
    await tech1.ok('repairs.step', { orderId: warranty, to: 'diagnosing' })
    const card = await tech1.ok('repairs.charges.add', { orderId: warranty, kind: 'labourTyped', description: '工时', amountFen: 10000 })
    expect(card).toMatchObject({ warranty: true, totalFen: 10000, expectedFen: 0, overEstimate: false })
    expect((await tech1.ok('repairs.step', { orderId: warranty, to: 'repairing' })).status).toBe('repairing')
  })

  it('a cost that grows past the estimate while waiting for parts or repairing stops the work too (review of issue 8)', async () => {
    const id = await paidInDiagnosis(10000)
    expect((await tech1.ok('repairs.step', { orderId: id, to: 'waitingParts' })).status).toBe('waitingParts')
    // The part (or more labour) arrives after the first answer: the customer has not agreed to this.
    await tech1.ok('repairs.charges.add', { orderId: id, kind: 'other', description: '屏幕总成', amountFen: 20000 })
    expect(await tech1.call('repairs.step', { orderId: id, to: 'repairing' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '预计费用 ¥200.00 超过报价 ¥100.00：工单已转为「待客户确认报价」，请先联系客户确认' } })
    expect(await statusOf(id)).toBe('awaitingApproval')
    await counter.ok('repairs.quote.record', { orderId: id, approved: true, amountFen: 20000 })
    expect((await tech1.ok('repairs.step', { orderId: id, to: 'repairing' })).status).toBe('repairing')
    // More needed mid-repair: going back to wait for parts asks the customer first as well.
    await tech1.ok('repairs.charges.add', { orderId: id, kind: 'labourTyped', description: '额外工时', amountFen: 5000 })
    expect(await tech1.call('repairs.step', { orderId: id, to: 'waitingParts' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(await statusOf(id)).toBe('awaitingApproval')
    // Finished with more on the card than agreed: it cannot go to the quality check (and on to pickup)
    // without the customer's yes.
    await counter.ok('repairs.quote.record', { orderId: id, approved: true, amountFen: 25000 })
    expect((await tech1.ok('repairs.step', { orderId: id, to: 'repairing' })).status).toBe('repairing')
    await tech1.ok('repairs.charges.add', { orderId: id, kind: 'other', description: '电池', amountFen: 8000 })
    expect(await tech1.call('repairs.step', { orderId: id, to: 'qualityCheck' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('¥330.00') } })
    expect(await statusOf(id)).toBe('awaitingApproval')
    await counter.ok('repairs.quote.record', { orderId: id, approved: true, amountFen: 33000 })
    await tech1.ok('repairs.step', { orderId: id, to: 'repairing' })
    expect((await tech1.ok('repairs.step', { orderId: id, to: 'qualityCheck' })).status).toBe('qualityCheck')
  })

  it('a no cancels the order, with a diagnosis fee as an other charge', async () => {
    const id = await paidInDiagnosis(0)
    await tech1.ok('repairs.charges.add', { orderId: id, kind: 'labourTyped', description: '工时', amountFen: 5000 })
    await tech1.call('repairs.step', { orderId: id, to: 'repairing' })
    const card = await counter.ok('repairs.quote.record', { orderId: id, approved: false, amountFen: 5000, note: '太贵了', diagnosisFeeFen: 3000 })
    expect(card.status).toBe('cancelled')
    expect(card.charges.filter((c) => c.kind === 'other')).toMatchObject([{ description: '检测费', amountFen: 3000 }])
    const last = (await counter.ok('repairs.timeline', { orderId: id })).at(-1)!
    expect(last).toMatchObject({ kind: 'quote', fromStatus: 'awaitingApproval', toStatus: 'cancelled', note: '太贵了', detail: { approved: false, diagnosisFeeFen: 3000 } })
    expect(await counter.call('repairs.quote.record', { orderId: id, approved: true, amountFen: 1 })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  })
})

describe('quality check', () => {
  async function toQc(): Promise<number> {
    const id = await takeIn({ technicianId: tech1.id })
    for (const to of ['diagnosing', 'repairing', 'qualityCheck'] as const) await tech1.ok('repairs.step', { orderId: id, to })
    return id
  }

  it('the repairer cannot check their own repair; another technician or the manager can; a fail needs a reason', async () => {
    const id = await toQc()
    expect(await tech1.call('repairs.qc', { orderId: id, passed: true })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '维修人不能给自己修的机器质检：请店长或另一位技术员质检' } })
    expect((await tech1.ok('repairs.card', { orderId: id })).actions.qc).toBe(false)
    expect((await tech2.ok('repairs.card', { orderId: id })).actions.qc).toBe(true)
    expect(await tech2.call('repairs.qc', { orderId: id, passed: false })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { reason: '必填' } } })
    const failed = await tech2.ok('repairs.qc', { orderId: id, passed: false, reason: '听筒无声' })
    expect(failed.status).toBe('repairing')
    const qc = (await tech1.ok('repairs.timeline', { orderId: id })).at(-1)!
    expect(qc).toMatchObject({ kind: 'qc', toStatus: 'repairing', note: '听筒无声', detail: { passed: false, reason: '听筒无声' }, user: { id: tech2.id } })
    await tech1.ok('repairs.step', { orderId: id, to: 'qualityCheck' })
    expect((await manager.ok('repairs.qc', { orderId: id, passed: true })).status).toBe('ready')
  })

  it('whoever moved the order into quality check cannot pass it either, even when not assigned', async () => {
    const id = await takeIn({ technicianId: tech1.id })
    await manager.ok('repairs.step', { orderId: id, to: 'diagnosing' })
    await manager.ok('repairs.step', { orderId: id, to: 'repairing' })
    await manager.ok('repairs.step', { orderId: id, to: 'qualityCheck' })
    expect(await manager.call('repairs.qc', { orderId: id, passed: true })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(await tech1.call('repairs.qc', { orderId: id, passed: true })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect((await tech2.ok('repairs.qc', { orderId: id, passed: true })).status).toBe('ready')
    expect(await counter.call('repairs.qc', { orderId: id, passed: true })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('the technician who repaired it cannot check it after the order was reassigned (review of issue 8)', async () => {
    const id = await takeIn({ technicianId: tech1.id })
    for (const to of ['diagnosing', 'repairing'] as const) await tech1.ok('repairs.step', { orderId: id, to })
    await counter.ok('repairs.assign', { orderId: id, technicianId: tech2.id })
    await tech2.ok('repairs.step', { orderId: id, to: 'qualityCheck' })
    expect((await tech1.ok('repairs.card', { orderId: id })).actions.qc).toBe(false)
    expect(await tech1.call('repairs.qc', { orderId: id, passed: true })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(await statusOf(id)).toBe('qualityCheck')
    expect((await manager.ok('repairs.qc', { orderId: id, passed: true })).status).toBe('ready')
  })
})

describe('manufacturer trip (返厂)', () => {
  it('send, then back with a result; the default next status follows the result', async () => {
    tc.clock.set('2026-11-23T02:00:00Z')
    const id = await takeIn({ technicianId: tech1.id })
    await tech1.ok('repairs.step', { orderId: id, to: 'diagnosing' })
    expect(await tech1.call('repairs.manufacturer.send', { orderId: id, date: '2026-11-24', carrier: '顺丰', reference: 'SF123' })).toMatchObject({ ok: false, error: { fields: { date: '日期不能晚于今天' } } })
    const sent = await tech1.ok('repairs.manufacturer.send', { orderId: id, date: '2026-11-23', carrier: '顺丰', reference: 'SF123', note: '主板故障' })
    expect(sent.status).toBe('atManufacturer')
    expect(sent.actions).toMatchObject({ manufacturerBack: true, manufacturerSend: false, steps: [] })
    expect(await tech1.call('repairs.manufacturer.back', { orderId: id, date: '2026-11-22', result: 'repaired' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(await tech1.call('repairs.manufacturer.back', { orderId: id, date: '2026-11-23', result: 'repaired', to: 'unrepairable' })).toMatchObject({ ok: false, error: { fields: { to: '请选择有效的选项' } } })
    tc.clock.set('2026-11-30T02:00:00Z')
    const back = await tech1.ok('repairs.manufacturer.back', { orderId: id, date: '2026-11-30', result: 'refused', note: '进水不保' })
    expect(back.status).toBe('unrepairable')
    expect(back.trips).toMatchObject([{ sentDate: '2026-11-23', carrier: '顺丰', reference: 'SF123', backDate: '2026-11-30', result: 'refused', backNote: '进水不保', backBy: { id: tech1.id } }])
    const events = (await tech1.ok('repairs.timeline', { orderId: id })).filter((e) => e.kind === 'manufacturer')
    expect(events.map((e) => [e.fromStatus, e.toStatus])).toEqual([
      ['diagnosing', 'atManufacturer'],
      ['atManufacturer', 'unrepairable']
    ])
  })

  it('repaired by the maker goes to quality check (or back to repairing when asked)', async () => {
    const a = await takeIn({ technicianId: tech1.id })
    await tech1.ok('repairs.step', { orderId: a, to: 'diagnosing' })
    await tech1.ok('repairs.manufacturer.send', { orderId: a, date: '2026-11-30', carrier: '厂家物流', reference: 'R1' })
    expect((await tech1.ok('repairs.manufacturer.back', { orderId: a, date: '2026-11-30', result: 'replaced' })).status).toBe('qualityCheck')
    const b = await takeIn({ technicianId: tech1.id })
    await tech1.ok('repairs.step', { orderId: b, to: 'diagnosing' })
    await tech1.ok('repairs.manufacturer.send', { orderId: b, date: '2026-11-30', carrier: '厂家物流', reference: 'R2' })
    expect((await tech1.ok('repairs.manufacturer.back', { orderId: b, date: '2026-11-30', result: 'repaired', to: 'repairing' })).status).toBe('repairing')
  })
})

describe('"will be late" call', () => {
  it('moves the promised date (not into the past), audited and on the timeline', async () => {
    tc.clock.set('2026-11-23T02:00:00Z')
    const id = await takeIn({ promisedDate: '2026-11-25' })
    expect(await counter.call('repairs.lateCall', { orderId: id, promisedDate: '2026-11-22', note: '配件未到' })).toMatchObject({ ok: false, error: { fields: { promisedDate: '新的承诺日期不能早于今天' } } })
    expect(await counter.call('repairs.lateCall', { orderId: id, promisedDate: '2026-11-28', note: '' })).toMatchObject({ ok: false, error: { fields: { note: '必填' } } })
    const card = await counter.ok('repairs.lateCall', { orderId: id, promisedDate: '2026-11-28', note: '配件未到，已电话告知' })
    expect(card.promisedDate).toBe('2026-11-28')
    const [a] = await sql<{ detail: string }>(`SELECT detail FROM audit_log WHERE action = 'order.promisedDate' AND entityId = ?`, [id])
    expect(JSON.parse(a.detail).changes).toEqual({ promisedDate: { old: '2026-11-25', new: '2026-11-28' } })
    expect((await counter.ok('repairs.timeline', { orderId: id })).at(-1)).toMatchObject({ kind: 'lateCall', note: '配件未到，已电话告知', detail: { from: '2026-11-25', to: '2026-11-28' }, user: { displayName: 'counter 员工' } })
    expect(await store.call('repairs.lateCall', { orderId: id, promisedDate: '2026-11-29', note: 'x' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })
})

describe('repair card', () => {
  it('fault found, codes from settings, work done, labour time are kept', async () => {
    const id = await takeIn({ technicianId: tech1.id })
    expect(await tech1.call('repairs.card.save', { orderId: id, faultCodes: ['nope'] })).toMatchObject({ ok: false, error: { fields: { faultCodes: '故障代码 nope 不在设置的故障代码中' } } })
    await tech1.ok('repairs.card.save', { orderId: id, faultFound: '屏幕排线松动', faultCodes: ['screen', 'screen'], workDone: '重新压排线', labourMinutes: 30 })
    const card = await tech2.ok('repairs.card', { orderId: id })
    // Another technician reads the card but does not write on it.
    expect(card.actions.editCard).toBe(false)
    expect(await tech2.call('repairs.card.save', { orderId: id, faultFound: '改' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await tech2.call('repairs.charges.add', { orderId: id, kind: 'other', description: '贴膜', amountFen: 100 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(card.card).toMatchObject({ faultFound: '屏幕排线松动', faultCodes: ['screen'], workDone: '重新压排线', labourMinutes: 30, updatedBy: { id: tech1.id } })
  })

  it('labour from the price list, typed labour and other charges; removable until handed back', async () => {
    expect(await manager.call('repairs.prices.save', { prices: [
      { category: 'phone', faultCode: 'screen', amountFen: 12000, minutes: 45 },
      { category: 'phone', faultCode: 'screen', amountFen: 1, minutes: 1 }
    ] })).toMatchObject({ ok: false, error: { fields: { 'prices.1.faultCode': '同一类别和故障代码只能有一个价格' } } })
    const prices = await manager.ok('repairs.prices.save', { prices: [
      { category: 'phone', faultCode: 'screen', amountFen: 12000, minutes: 45 },
      { category: 'tablet', faultCode: 'audio', description: '更换扬声器', amountFen: 6000, minutes: 30 }
    ] })
    expect(prices).toHaveLength(2)
    const id = await takeIn({ type: 'paid', estimateFen: 50000, technicianId: tech1.id })
    const card0 = await tech1.ok('repairs.card', { orderId: id })
    expect(card0.prices.map((p) => p.faultCode)).toEqual(['screen'])
    let card = await tech1.ok('repairs.charges.add', { orderId: id, kind: 'labour', priceId: card0.prices[0].id })
    expect(await tech1.call('repairs.charges.add', { orderId: id, kind: 'labour', priceId: prices.find((p) => p.category === 'tablet')!.id })).toMatchObject({ ok: false, error: { fields: { priceId: '这个价格属于别的设备类别' } } })
    card = await tech1.ok('repairs.charges.add', { orderId: id, kind: 'other', description: '贴膜', amountFen: 2000 })
    expect(card.charges).toMatchObject([
      { kind: 'labour', description: '屏幕故障', faultCode: 'screen', minutes: 45, amountFen: 12000, warrantyFree: false },
      { kind: 'other', description: '贴膜', amountFen: 2000 }
    ])
    expect(card.totalFen).toBe(14000)
    card = await tech1.ok('repairs.charges.remove', { orderId: id, chargeId: card.charges[1].chargeId! })
    expect(card.totalFen).toBe(12000)
    await forceStatus(id, 'pickedUp')
    expect(await tech1.call('repairs.charges.remove', { orderId: id, chargeId: card.charges[0].chargeId! })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '工单已「已取机」，修护卡不能再修改' } })
    expect((await tech1.ok('repairs.card', { orderId: id })).charges).toHaveLength(1)
  })

  it('parts issued by the warehouse count in the totals; a 三包 part asks for its old-part record until it is made', async () => {
    const partId = await createPart(manager, { salePriceFen: 25000 })
    await stockUp(manager, [{ partId, qty: 3 }])
    const id = await takeIn({ technicianId: tech1.id })
    const req = await tech1.ok('warehouse.requisitions.create', { orderId: id, lines: [{ partId, qty: 1 }] })
    await store.ok('warehouse.requisitions.issue', { requisitionId: req.id, lines: [{ lineId: req.lineViews[0].id, qty: 1 }] })
    let card: RepairCardView = await tech1.ok('repairs.card', { orderId: id })
    expect(card.charges).toMatchObject([{ kind: 'part', partId, qty: 1, amountFen: 25000, warrantyFree: true }])
    expect(card).toMatchObject({ totalFen: 25000, expectedFen: 0 })
    expect(card.oldPartsDue).toMatchObject([{ partId, qty: 1 }])
    const { orderNo } = (await sql<{ orderNo: string }>(`SELECT orderNo FROM work_order WHERE id = ?`, [id]))[0]
    await store.ok('warehouse.oldParts.create', { orderNo, partId, faultSymptom: '屏幕闪烁', faultCode: 'screen' })
    card = await tech1.ok('repairs.card', { orderId: id })
    expect(card.oldPartsDue).toEqual([])
  })
})

describe('technician queue', () => {
  it('open orders only, overdue first (past promise or > 7 days in the shop), filters by technician and status, bounded', async () => {
    const fresh = await startTestCore({ now: '2026-11-01T02:00:00Z' })
    try {
      const boss = await setUpStore(fresh)
      const clerk = await userWithRole(fresh, boss, 'counter')
      const t1 = await userWithRole(fresh, boss, 'technician', 'qtech1')
      const t2 = await userWithRole(fresh, boss, 'technician', 'qtech2')
      const intake = async (promisedDate: string, technicianId: number | null) => {
        const base = sampleIntake()
        return (await clerk.ok('intake.create', { ...base, service: { ...base.service, promisedDate, technicianId } })).order.id
      }
      // Received 2026-11-01 (will be > 7 days old by the 12th), promised far ahead.
      const old = await intake('2026-12-20', t1.id)
      fresh.clock.set('2026-11-10T02:00:00Z')
      const late = await intake('2026-11-11', t2.id) // promised yesterday by the 12th
      const soon = await intake('2026-11-13', t1.id)
      const later = await intake('2026-11-20', null)
      const done = await intake('2026-11-11', t1.id)
      await fresh.core.dataSource.query(`UPDATE work_order SET status = 'pickedUp' WHERE id = ?`, [done])
      await t1.ok('repairs.step', { orderId: soon, to: 'diagnosing' })
      fresh.clock.set('2026-11-12T02:00:00Z')

      const shop = await clerk.ok('repairs.queue', {})
      expect(shop.today).toBe('2026-11-12')
      expect(shop.rows.map((r) => [r.orderId, r.overdue])).toEqual([
        [late, true],
        [old, true],
        [soon, false],
        [later, false]
      ])
      expect(shop.rows[0]).toMatchObject({ customerName: '张三', device: '华为 Mate 60', status: 'received', technician: { id: t2.id, displayName: 'technician 员工' }, promisedDate: '2026-11-11' })
      expect(shop.more).toBe(false)
      expect((await t1.ok('repairs.queue', { scope: 'mine' })).rows.map((r) => r.orderId)).toEqual([old, soon])
      expect((await clerk.ok('repairs.queue', { technicianId: t2.id })).rows.map((r) => r.orderId)).toEqual([late])
      expect((await clerk.ok('repairs.queue', { unassigned: true })).rows.map((r) => r.orderId)).toEqual([later])
      expect((await clerk.ok('repairs.queue', { status: 'diagnosing' })).rows.map((r) => r.orderId)).toEqual([soon])
      expect((await t1.ok('repairs.queue', { scope: 'mine', status: 'received' })).rows.map((r) => r.orderId)).toEqual([old])
      const page = await clerk.ok('repairs.queue', { limit: 2 })
      expect(page.rows.map((r) => r.orderId)).toEqual([late, old])
      expect(page.more).toBe(true)
      expect(await clerk.call('repairs.queue', { limit: 201 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
      expect(await clerk.call('repairs.queue', { status: 'pickedUp' as never })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    } finally {
      await fresh.close()
    }
  })
})
