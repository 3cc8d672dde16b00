import { sampleIntake, setUpStore, startTestCore, userWithRole, type Caller, type TestCore } from '../../../test/helpers/core'
import type { OrderStatus } from '../../shared/domain/order-status'
import { moveOrder } from '../repairs/status'

let tc: TestCore
let manager: Caller
let clerk: Caller & { id: number }

/** The bench's steps, as helper R's screens make them: received → … → ready (one core transaction). */
async function toReady(orderId: number, userId: number): Promise<void> {
  const steps: OrderStatus[] = ['received', 'diagnosing', 'repairing', 'qualityCheck', 'ready']
  await tc.core.dataSource.transaction(async (em) => {
    for (let i = 1; i < steps.length; i++) moveOrder(em, { orderId, from: steps[i - 1], to: steps[i], at: tc.clock.now(), userId })
  })
}

const listed = async (who: Caller = clerk) => (await who.ok('notices.list', {})).map((i) => i.orderNo)

beforeEach(async () => {
  tc = await startTestCore({ now: '2026-11-23T02:00:00Z' })
  manager = await setUpStore(tc)
  clerk = await userWithRole(tc, manager, 'counter')
})
afterEach(() => tc.close())

describe('ready notices', () => {
  it('lists a ready order until notified, again 3 store-local days after each notice, then the manager’s uncollected list', async () => {
    const { order } = await clerk.ok('intake.create', sampleIntake())
    expect(await listed()).toEqual([])
    await toReady(order.id, clerk.id)
    const [first] = await clerk.ok('notices.list', {})
    expect(first).toMatchObject({ orderNo: order.orderNo, customerName: '张三', notices: 0, dueDate: '2026-11-23', device: '华为 Mate 60' })

    // 10:00 in Shanghai on the 23rd: a call that did not reach the customer.
    await clerk.ok('notices.record', { orderId: order.id, channel: 'call', outcome: 'notReached' })
    expect(await listed()).toEqual([])
    // 23:30 on the 25th in Shanghai (already the 25th 15:30 UTC): not yet.
    tc.clock.set('2026-11-25T15:30:00Z')
    expect(await listed()).toEqual([])
    // 00:30 on the 26th in Shanghai, though still the 25th in UTC: the second notice is due.
    tc.clock.set('2026-11-25T16:30:00Z')
    const [second] = await clerk.ok('notices.list', {})
    expect(second).toMatchObject({ orderNo: order.orderNo, notices: 1, lastChannel: 'call', lastOutcome: 'notReached', dueDate: '2026-11-26' })

    await clerk.ok('notices.record', { orderId: order.id, channel: 'message', outcome: 'sent' })
    tc.clock.set('2026-11-29T02:00:00Z')
    expect(await listed()).toEqual([order.orderNo])
    expect(await manager.ok('notices.uncollected', {})).toEqual([])
    await clerk.ok('notices.record', { orderId: order.id, channel: 'call', outcome: 'reached' })

    // Three notices: off the counter's list for good, on the manager's.
    expect(await listed()).toEqual([])
    tc.clock.set('2026-12-20T02:00:00Z')
    expect(await listed()).toEqual([])
    const [waiting] = await manager.ok('notices.uncollected', {})
    expect(waiting).toMatchObject({ orderNo: order.orderNo, notices: 3, lastOutcome: 'reached' })

    // Each notice is on the order's timeline.
    const kinds = (await tc.core.dataSource.query(`SELECT kind FROM order_event WHERE orderId = ? AND kind = 'notice'`, [order.id])) as unknown[]
    expect(kinds).toHaveLength(3)
    const history = await clerk.ok('notices.forOrder', { orderId: order.id })
    expect(history.map((n) => n.outcome)).toEqual(['reached', 'sent', 'notReached'])
    expect(history[0].userName).toBe('counter 员工')
  })

  it('counts only the notices since the order last became ready (sent back to repairing after a complaint)', async () => {
    const { order } = await clerk.ok('intake.create', sampleIntake())
    await toReady(order.id, clerk.id)
    for (const day of ['2026-11-23', '2026-11-26', '2026-11-29']) {
      tc.clock.set(`${day}T02:00:00Z`)
      await clerk.ok('notices.record', { orderId: order.id, channel: 'call', outcome: 'notReached' })
    }
    expect((await manager.ok('notices.uncollected', {})).map((i) => i.orderNo)).toEqual([order.orderNo])
    tc.clock.set('2026-11-30T02:00:00Z')
    await tc.core.dataSource.transaction(async (em) => {
      moveOrder(em, { orderId: order.id, from: 'ready', to: 'repairing', at: tc.clock.now(), userId: clerk.id })
      moveOrder(em, { orderId: order.id, from: 'repairing', to: 'qualityCheck', at: tc.clock.now(), userId: clerk.id })
    })
    expect(await manager.ok('notices.uncollected', {})).toEqual([])
    expect(await listed()).toEqual([])
    tc.clock.set('2026-12-01T02:00:00Z')
    await tc.core.dataSource.transaction(async (em) => {
      moveOrder(em, { orderId: order.id, from: 'qualityCheck', to: 'ready', at: tc.clock.now(), userId: clerk.id })
    })
    const [again] = await clerk.ok('notices.list', {})
    expect(again).toMatchObject({ orderNo: order.orderNo, notices: 0, dueDate: '2026-12-01', readyAt: '2026-12-01T02:00:00.000Z' })
  })

  it('builds the message from the store’s template in Chinese and English, and logs the text sent', async () => {
    const { order } = await clerk.ok('intake.create', sampleIntake())
    await toReady(order.id, clerk.id)
    const zh = await clerk.ok('notices.message', { orderId: order.id })
    expect(zh).toEqual({
      locale: 'zh-CN',
      text: `【诚信手机维修中心】张三您好，您送修的华为 Mate 60（单号 ${order.orderNo}）已修好，请携带取机凭证到店取机。咨询电话：0755-12345678`
    })
    const en = await clerk.ok('notices.message', { orderId: order.id, locale: 'en' })
    expect(en.text).toBe(`Hello 张三, your 华为 Mate 60 (order ${order.orderNo}) is ready for pickup at 诚信手机维修中心. Please bring your claim ticket. Phone: 0755-12345678`)

    // The manager's own wording; an empty language falls back to the built-in text.
    await manager.ok('settings.update', { noticeTemplate: { 'zh-CN': '{name}：{device} 已修好，单号 {orderNo}。{unknown}', en: '' } })
    expect((await clerk.ok('notices.message', { orderId: order.id })).text).toBe(`张三：华为 Mate 60 已修好，单号 ${order.orderNo}。{unknown}`)
    expect((await clerk.ok('notices.message', { orderId: order.id, locale: 'en' })).text).toMatch(/^Hello 张三, your 华为 Mate 60/)

    const sent = await clerk.ok('notices.record', { orderId: order.id, channel: 'message', outcome: 'sent', locale: 'en' })
    expect(sent.text).toMatch(/^Hello 张三/)
    const edited = await clerk.ok('notices.record', { orderId: order.id, channel: 'message', outcome: 'sent', text: '张三，明天前来取机' })
    expect(edited.text).toBe('张三，明天前来取机')
  })

  it('refuses a notice for an order that is not ready, a call "sent", and other roles', async () => {
    const { order } = await clerk.ok('intake.create', sampleIntake())
    const early = await clerk.call('notices.record', { orderId: order.id, channel: 'call', outcome: 'reached' })
    expect(early).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    if (!early.ok) expect(early.error.message).toContain('已收机')
    await toReady(order.id, clerk.id)
    const wrong = await clerk.call('notices.record', { orderId: order.id, channel: 'call', outcome: 'sent' })
    expect(wrong).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { outcome: expect.any(String) } } })
    const tech = await userWithRole(tc, manager, 'technician')
    expect(await tech.call('notices.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await tech.call('notices.record', { orderId: order.id, channel: 'call', outcome: 'reached' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await clerk.call('notices.uncollected', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await listed(manager)).toEqual([order.orderNo])
  })
})
