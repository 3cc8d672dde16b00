/**
 * The day close through the real router on a real SQLite file: a scripted business day (float,
 * intakes with deposits, parts, QC, pickups with a split payment, a discount and a refund, cash in
 * and out) whose Z report figures each equal a sum computed here independently; closing twice; the
 * closed day final against direct SQL and through the router; corrections booked on the current
 * day; days left unclosed; a day closed late (its register, overdue, uncollected and deposits held
 * as they stood at its end, against a recomputation from the raw rows); role refusals.
 */
import type { DataSource } from 'typeorm'
import { claimQrData } from '@shared/receipt/tickets'
import type { OrderStatus } from '@shared/domain/order-status'
import { moveOrder } from '../repairs/status'
import { closeApproval, MANAGER, sampleIntake, setUpStore, startTestCore, userWithRole, type Caller, type TestCore } from '../../../test/helpers/core'
import { createPart, stockUp } from '../../../test/helpers/warehouse'
import { computeZReport, localDates } from './report'
import { diffDays, localDate } from '@shared/domain/dates'
import { uncollected } from '../customers/notices'
import { zReportThermal } from './zreport-docs'

let tc: TestCore
let manager: Caller
let clerk: Caller & { id: number }
let tech: Caller & { id: number }
/** A manager's PIN typed on the pickup screen (the discount). */
const approval = { username: MANAGER.username, pin: MANAGER.pin }
const DAY = '2026-11-23'
// 10:00 in Shanghai on DAY.
const MORNING = '2026-11-23T02:00:00Z'

const intake = (depositFen: number, depositMethod: string | null, type = 'paid', mobile = '13812345678') =>
  sampleIntake({
    customer: { name: '张三', mobile, landline: '', address: '深圳市南山区' },
    purchase: { invoiceDate: '2024-01-05', invoiceNo: 'FP-0002' },
    service: { ...sampleIntake().service, type, estimateFen: type === 'paid' ? 30000 : 0, depositFen, depositMethod }
  })

/** The bench's steps by the technician at the test clock's time; `qcFailFirst` sends it back once at QC. */
async function walk(ds: DataSource, orderId: number, to: 'ready' | 'cancelled', qcFailFirst = false): Promise<void> {
  const at = tc.clock.now()
  await ds.transaction(async (em) => {
    const step = (from: OrderStatus, next: OrderStatus, qc?: boolean) =>
      moveOrder(em, { orderId, from, to: next, at, userId: tech.id, ...(qc === undefined ? {} : { kind: 'qc' as const, detail: { passed: qc } }) })
    step('received', 'diagnosing')
    if (to === 'cancelled') return void step('diagnosing', 'cancelled')
    step('diagnosing', 'repairing')
    step('repairing', 'qualityCheck')
    if (qcFailFirst) {
      step('qualityCheck', 'repairing', false)
      step('repairing', 'qualityCheck')
    }
    step('qualityCheck', 'ready', true)
  })
}

async function labour(orderId: number, minutes: number, amountFen: number, kind: 'labour' | 'other' = 'labour') {
  await tc.core.dataSource.query(
    `INSERT INTO repair_charge (orderId, kind, description, faultCode, minutes, amountFen, warrantyFree, createdAt, userId) VALUES (?, ?, '维修', '', ?, ?, 0, ?, ?)`,
    [orderId, kind, minutes, amountFen, tc.clock.now().toISOString(), tech.id]
  )
}

const at = (hhmm: string) => tc.clock.set(`${DAY}T${hhmm}:00+08:00`)
const COUNTS = [5, 1, 0, 0, 1, 2, 1, 0] // ¥500 + 50 + 5 + 2 + 0.5 = ¥557.50

beforeEach(async () => {
  tc = await startTestCore({ now: MORNING })
  manager = await setUpStore(tc)
  clerk = await userWithRole(tc, manager, 'counter')
  tech = await userWithRole(tc, manager, 'technician')
})
afterEach(() => tc.close())

/** The scripted day; answers the orders it made. */
async function scriptedDay() {
  at('09:00')
  await clerk.ok('dayclose.openFloat', { amountFen: 50000, note: '' })
  at('09:10')
  const a = (await clerk.ok('intake.create', intake(10000, 'cash'))).order
  const b = (await clerk.ok('intake.create', intake(5000, 'wechat', 'paid', '13900001111'))).order
  const c = (await clerk.ok('intake.create', intake(20000, 'alipay', 'paid', '13900002222'))).order
  const d = (await clerk.ok('intake.create', intake(3000, 'card', 'paid', '13900003333'))).order

  // Parts: 10 received at ¥25, 3 issued to A, 1 returned.
  at('10:00')
  const partId = await createPart(manager)
  await stockUp(manager, [{ partId, qty: 10, unitCostFen: 2500 }])
  const req = await tech.ok('warehouse.requisitions.create', { orderId: a.id, lines: [{ partId, qty: 3 }], note: '' })
  await manager.ok('warehouse.requisitions.issue', { requisitionId: req.id, lines: [{ lineId: req.lineViews[0].id, qty: 3 }] })
  await manager.ok('warehouse.returns.create', { lineId: req.lineViews[0].id, qty: 1, location: 'main', note: '' })

  at('11:00')
  await labour(a.id, 30, 28000)
  await labour(b.id, 45, 15000)
  await labour(b.id, 0, 2000, 'other')
  await walk(tc.core.dataSource, a.id, 'ready')
  await walk(tc.core.dataSource, b.id, 'ready', true)
  await walk(tc.core.dataSource, c.id, 'cancelled')

  at('15:00')
  // A: ¥280 + parts − ¥100 deposit − ¥20 discount, paid cash ¥100 + WeChat rest.
  const qa = await clerk.ok('pickup.quote', { orderId: a.id })
  const dueA = qa.totals.chargedFen - 10000 - 2000
  await clerk.ok('pickup.complete', {
    orderId: a.id,
    proof: { kind: 'ticket', value: claimQrData(a) },
    discount: { kind: 'amount', amountFen: 2000, reason: '老客户', approval },
    tenders: [
      { method: 'cash', amountFen: 10000 },
      { method: 'wechat', amountFen: dueA - 10000 }
    ]
  })
  // B: ¥170 − ¥50 deposit = ¥120 by Alipay.
  await clerk.ok('pickup.complete', { orderId: b.id, proof: { kind: 'code', value: b.claimCode }, tenders: [{ method: 'alipay', amountFen: 12000 }] })
  // C cancelled: the ¥200 deposit paid back in cash.
  await clerk.ok('pickup.complete', { orderId: c.id, proof: { kind: 'code', value: c.claimCode }, tenders: [], refundMethod: 'cash' })

  at('16:00')
  await clerk.ok('dayclose.cashMove', { kind: 'in', amountFen: 10000, reason: '银行换零钱' })
  await clerk.ok('dayclose.cashMove', { kind: 'out', amountFen: 3000, reason: '买胶带' })
  return { a, b, c, d, dueA, partsA: qa.totals.chargedFen - 28000 }
}

describe('a scripted day', () => {
  it('every Z report figure equals an independent sum; closing twice is refused; reprints are the same snapshot', async () => {
    const { a, d, dueA } = await scriptedDay()
    // Independent sums: the script's own amounts…
    const cash = 50000 + 10000 + 10000 - 20000 + 10000 - 3000
    const wechat = 5000 + (dueA - 10000)
    const alipay = 20000 + 12000
    const card = 3000
    // …and the payment rows summed in plain SQL.
    const rows = (await tc.core.dataSource.query(`SELECT method, SUM(amountFen) AS net FROM payment GROUP BY method`)) as { method: string; net: number }[]
    const net = Object.fromEntries(rows.map((r) => [r.method, r.net]))
    expect(net).toEqual({ cash: cash - 50000 - 7000, wechat, alipay, card })

    at('20:00')
    const status = await manager.ok('dayclose.status', {})
    expect(status.expected.map((m) => [m.method, m.expectedFen])).toEqual([
      ['cash', cash],
      ['wechat', wechat],
      ['alipay', alipay],
      ['card', card],
      ['other', 0]
    ])
    expect(status.float?.amountFen).toBe(50000)

    const counted = 55750
    const closed = await manager.ok('dayclose.close', { day: DAY, counts: COUNTS, counted: { wechat, alipay, card, other: 0 }, note: '少找零 ¥12.50', approval: await closeApproval(manager) })
    const z = closed.report
    expect(z.orders).toEqual({ received: 4, finished: 2, pickedUp: 3, cancelled: 1 })
    expect(z.inShopCount).toBe(1)
    expect(z.inShop.map((o) => [o.orderNo, o.ageDays, o.overdue])).toEqual([[d.orderNo, 0, false]])
    expect(z.depositsHeldFen).toBe(3000)
    expect(z.cash).toMatchObject({ floatFen: 50000, inFen: 10000, outFen: 3000, paymentsFen: 10000 + 10000 - 20000, expectedFen: cash, countedFen: counted, overShortFen: counted - cash })
    expect(closed.close.overShortFen).toBe(-1250)
    expect(z.money.find((m) => m.method === 'cash')).toMatchObject({ receivedFen: 20000, refundsFen: 20000, movesFen: 57000, diffFen: -1250 })
    expect(z.money.find((m) => m.method === 'wechat')).toMatchObject({ expectedFen: wechat, countedFen: wechat, diffFen: 0 })
    expect(z.refunds).toEqual([expect.objectContaining({ method: 'cash', amountFen: 20000, loaner: false })])
    expect(z.discounts).toEqual([{ orderNo: a.orderNo, discountFen: 2000, reason: '老客户', approvedBy: MANAGER.displayName }])
    expect(z.parts).toEqual({ issuedQty: 3, issuedFen: 7500, returnedQty: 1, returnedFen: 2500, receivedQty: 10, receivedFen: 25000 })
    // The technician moved A, B and C; labour 30 + 45 min, ¥280 + ¥150; QC passed twice, failed once.
    expect(z.technicians).toEqual([{ userId: tech.id, name: 'technician 员工', ordersTouched: 3, labourMinutes: 75, labourFen: 43000, qcPassed: 2, qcFailed: 1 }])
    expect(z.closedBy).toBe(MANAGER.displayName)

    // Closing twice is refused; the stored report is the snapshot, also after later activity.
    const again = await manager.call('dayclose.close', { day: DAY, counts: COUNTS, counted: { wechat, alipay, card, other: 0 }, note: 'x', approval: await closeApproval(manager) })
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: `${DAY} 已经日结，不能重复结算` } })
    tc.clock.set('2026-11-24T02:00:00Z')
    await clerk.ok('intake.create', intake(1000, 'cash', 'paid', '13900004444'))
    await manager.ok('orders.void', { orderId: d.id, reason: '客户不修了' })
    const reprint = await manager.ok('dayclose.report', { day: DAY })
    expect(reprint).toEqual(z)
    const settings = await manager.ok('settings.get', {})
    expect(zReportThermal(reprint, settings)).toEqual(zReportThermal(z, settings))
    // Printed and exported later, after the store changed its language and time zone: still the
    // language and times of the day it was closed in.
    const firstCsv = (await manager.ok('dayclose.export', { day: DAY, format: 'csv' })).base64
    await manager.ok('settings.update', { locale: 'en', timeZone: 'Asia/Tokyo' })
    expect((await manager.ok('dayclose.export', { day: DAY, format: 'csv' })).base64).toBe(firstCsv)
    await manager.ok('settings.update', { locale: 'zh-CN', timeZone: 'Asia/Shanghai' })
    // D was voided the next day: a recomputation still sees the register as it stood at the day's end.
    const recomputed = computeZReport(tc.core.dataSource.manager, DAY, settings)
    expect([recomputed.inShop, recomputed.depositsHeldFen]).toEqual([z.inShop, z.depositsHeldFen])

    // Exports: the CSV carries the same figures.
    const csv = await manager.ok('dayclose.export', { day: DAY, format: 'csv' })
    const text = Buffer.from(csv.base64, 'base64').toString('utf8')
    expect(text).toContain('长短款,-12.50')
    expect(text).toContain(`${a.orderNo},20.00,老客户,${MANAGER.displayName}`)
    const pdf = await manager.ok('dayclose.export', { day: DAY, format: 'pdf' })
    expect(Buffer.from(pdf.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-')
  })

  it('an over/short needs a note; a future day cannot be closed; a wrong PIN closes nothing; an approval is spent once, at its own window', async () => {
    at('09:00')
    await clerk.ok('dayclose.openFloat', { amountFen: 10000, note: '' })
    const counted = { wechat: 0, alipay: 0, card: 0, other: 0 }
    // The PIN is checked as it is typed: a wrong one is refused there (and counted), nothing is closed.
    const wrongPin = await manager.call('auth.approve', { approval: { username: MANAGER.username, pin: '0000' }, purpose: 'dayclose.close' })
    expect(wrongPin).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { 'approval.pin': expect.stringContaining('PIN 不正确') } } })
    const forged = await manager.call('dayclose.close', { day: DAY, counts: [1, 0, 0, 0, 0, 0, 0, 0], counted, note: '', approval: { token: 'f'.repeat(32) } })
    expect(forged).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { 'approval.token': '店长确认已过期或无效，请重新输入店长 PIN' } } })
    // A refused close keeps the approval for the retry.
    const grant = await closeApproval(manager)
    const noNote = await manager.call('dayclose.close', { day: DAY, counts: [0, 0, 0, 0, 0, 0, 0, 0], counted, note: '', approval: grant })
    expect(noNote).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { note: '有长款或短款，请填写说明' } } })
    const future = await manager.call('dayclose.close', { day: '2026-11-24', counts: [1, 0, 0, 0, 0, 0, 0, 0], counted, note: '', approval: grant })
    expect(future).toMatchObject({ ok: false, error: { fields: { day: '不能结算未来的日期' } } })
    // Another manager's window cannot spend it.
    const other = await userWithRole(tc, manager, 'manager')
    expect(await other.call('dayclose.close', { day: DAY, counts: [1, 0, 0, 0, 0, 0, 0, 0], counted, note: '', approval: grant })).toMatchObject({
      ok: false,
      error: { fields: { 'approval.token': expect.any(String) } }
    })
    expect(await tc.core.dataSource.query(`SELECT * FROM day_close`)).toEqual([])
    // Exactly the float: no note needed; the approval the refusals left standing closes the day.
    const stale = await closeApproval(manager)
    await manager.ok('dayclose.close', { day: DAY, counts: [1, 0, 0, 0, 0, 0, 0, 0], counted, note: '', approval: grant })
    // Spent by the close.
    const yesterday = { day: '2026-11-22', counts: [0, 0, 0, 0, 0, 0, 0, 0], counted, note: '' }
    expect(await manager.call('dayclose.close', { ...yesterday, approval: grant })).toMatchObject({ ok: false, error: { fields: { 'approval.token': expect.any(String) } } })
    // One left standing for more than five minutes is asked for again.
    at('09:06')
    expect(await manager.call('dayclose.close', { ...yesterday, approval: stale })).toMatchObject({ ok: false, error: { fields: { 'approval.token': expect.any(String) } } })
    // After commit: a verified backup of the closed day.
    await expect.poll(async () => (await manager.ok('backups.list', {})).backups.map((b) => [b.reason, b.verified]), { timeout: 10_000 }).toEqual([['dayClose', true]])
    // No receipt printer enabled: the thermal summary is refused with the reason (the PDF still works).
    expect(await manager.call('dayclose.print', { day: DAY })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('未启用小票打印机') } })
  })
})

describe('a closed day is final', () => {
  beforeEach(async () => {
    at('09:00')
    await clerk.ok('dayclose.openFloat', { amountFen: 10000, note: '' })
    await clerk.ok('intake.create', intake(5000, 'cash'))
    at('19:00')
    await manager.ok('dayclose.close', { day: DAY, counts: [1, 1, 0, 0, 0, 0, 0, 0], counted: { wechat: 0, alipay: 0, card: 0, other: 0 }, note: '', approval: await closeApproval(manager) })
  })

  it('direct SQL cannot change, delete or add its payments, cash moves or the close', async () => {
    const db = tc.core.dataSource
    const inDay = `${DAY}T05:00:00.000Z`
    const refused = [
      `UPDATE payment SET amountFen = 1 WHERE receivedAt < '2026-11-24'`,
      `DELETE FROM payment`,
      `INSERT INTO payment (orderId, kind, method, amountFen, receivedAt, userId) VALUES (1, 'payment', 'cash', 100, '${inDay}', 1)`,
      `UPDATE cash_move SET amountFen = 1`,
      `DELETE FROM cash_move`,
      `INSERT INTO cash_move (kind, method, amountFen, reason, at, userId) VALUES ('in', 'cash', 100, 'x', '${inDay}', 1)`,
      `UPDATE day_close SET overShortFen = 0, counts = '[0,0,0,0,0,0,0,0]'`,
      `DELETE FROM day_close`
    ]
    for (const sql of refused) await expect(db.query(sql), sql).rejects.toThrow(/closed business day|tamper guard/)
    // The next day is open.
    await db.query(`INSERT INTO cash_move (kind, method, amountFen, reason, at, userId) VALUES ('in', 'cash', 100, 'x', '2026-11-23T16:00:00.000Z', 1)`)
  })

  it('a payment or cash move dated in the closed day gets a translated error, never INTERNAL', async () => {
    at('20:00')
    const pay = await clerk.call('intake.create', intake(1000, 'cash', 'paid', '13900005555'))
    expect(pay).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('该营业日已经日结') } })
    const move = await clerk.call('dayclose.cashMove', { kind: 'out', amountFen: 100, reason: '买水' })
    expect(move).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('该营业日已经日结') } })
    // Nothing of the refused intake stayed.
    expect(await tc.core.dataSource.query(`SELECT COUNT(*) AS n FROM work_order`)).toEqual([{ n: 1 }])
  })

  it('a correction lands on the current day and points at the closed day; the closed report is unchanged', async () => {
    const before = await manager.ok('dayclose.report', { day: DAY })
    tc.clock.set('2026-11-25T03:00:00Z')
    const adj = await manager.ok('dayclose.adjust', { closedDay: DAY, method: 'cash', direction: 'in', amountFen: 1250, reason: '23日少收的找零' })
    expect(adj).toMatchObject({ kind: 'adjustment', closedDayRef: DAY, amountFen: 1250, at: '2026-11-25T03:00:00.000Z' })
    const today = await manager.ok('dayclose.status', {})
    expect(today.day).toBe('2026-11-25')
    expect(today.moves.map((m) => [m.kind, m.closedDayRef])).toEqual([['adjustment', DAY]])
    expect(today.expected.find((m) => m.method === 'cash')?.expectedFen).toBe(1250)
    expect(await manager.ok('dayclose.report', { day: DAY })).toEqual(before)
    // A day that is not closed cannot be "corrected".
    const open = await manager.call('dayclose.adjust', { closedDay: '2026-11-24', method: 'cash', direction: 'in', amountFen: 100, reason: 'x' })
    expect(open).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { closedDay: '2026-11-24 尚未日结' } } })
    // The correction shows in that day's Z report.
    await manager.ok('dayclose.close', { day: '2026-11-25', counts: [0, 0, 0, 0, 0, 12, 1, 0], counted: { wechat: 0, alipay: 0, card: 0, other: 0 }, note: '', approval: await closeApproval(manager) })
    const z = await manager.ok('dayclose.report', { day: '2026-11-25' })
    expect(z.adjustments).toEqual([{ closedDayRef: DAY, method: 'cash', amountFen: 1250, reason: '23日少收的找零' }])
    expect(z.cash.overShortFen).toBe(0)
  })

  it('days left unclosed are listed for the manager until closed', async () => {
    tc.clock.set('2026-11-24T03:00:00Z')
    await clerk.ok('intake.create', intake(0, null, 'paid', '13900006666'))
    tc.clock.set('2026-11-26T03:00:00Z')
    await clerk.ok('intake.create', intake(0, null, 'paid', '13900007777'))
    // 23rd closed, 24th active and open, 25th idle, 26th is today.
    expect(await manager.ok('dayclose.unclosed', {})).toEqual({ days: ['2026-11-24'] })
    expect((await manager.ok('dayclose.status', {})).unclosed).toEqual(['2026-11-24'])
    await manager.ok('dayclose.close', { day: '2026-11-24', counts: [0, 0, 0, 0, 0, 0, 0, 0], counted: { wechat: 0, alipay: 0, card: 0, other: 0 }, note: '', approval: await closeApproval(manager) })
    expect(await manager.ok('dayclose.unclosed', {})).toEqual({ days: [] })
    // A day with only the float in the drawer (no customer came) still needs its close.
    tc.clock.set('2026-11-27T01:00:00Z')
    await clerk.ok('dayclose.openFloat', { amountFen: 30000, note: '' })
    tc.clock.set('2026-11-28T03:00:00Z')
    expect(await manager.ok('dayclose.unclosed', {})).toEqual({ days: ['2026-11-26', '2026-11-27'] })
  })
})

/** Moves an order along consecutive statuses at the test clock's time (the technician's steps). */
async function steps(orderId: number, ...path: OrderStatus[]): Promise<void> {
  await tc.core.dataSource.transaction(async (em) => {
    for (let i = 1; i < path.length; i++) moveOrder(em, { orderId, from: path[i - 1], to: path[i], at: tc.clock.now(), userId: tech.id })
  })
}

/**
 * The day's end figures recomputed from the raw rows in plain code: an order was in the shop at
 * `endAt` when received before it, not handed back before it, and its last status step before it
 * was neither pickedUp nor void.
 */
async function figuresAt(endAt: string, day: string) {
  const ds = tc.core.dataSource
  const orders = (await ds.query(`SELECT id, orderNo, receivedAt, returnedAt, promisedDate FROM work_order ORDER BY receivedAt, id`)) as {
    id: number
    orderNo: string
    receivedAt: string
    returnedAt: string | null
    promisedDate: string
  }[]
  const events = (await ds.query(`SELECT orderId, at, toStatus FROM order_event WHERE toStatus IS NOT NULL ORDER BY id`)) as { orderId: number; at: string; toStatus: string }[]
  const payments = (await ds.query(`SELECT orderId, amountFen, receivedAt, loanId FROM payment`)) as { orderId: number; amountFen: number; receivedAt: string; loanId: number | null }[]
  const notices = (await ds.query(`SELECT orderId, at FROM order_notice`)) as { orderId: number; at: string }[]
  const before = <T extends { at: string }>(rows: T[]) => rows.filter((r) => r.at < endAt)
  const here = orders
    .map((o) => ({ ...o, status: before(events.filter((e) => e.orderId === o.id)).at(-1)?.toStatus }))
    .filter((o) => o.receivedAt < endAt && (o.returnedAt === null || o.returnedAt >= endAt) && o.status !== 'pickedUp' && o.status !== 'void')
  const held = payments.filter((p) => here.some((o) => o.id === p.orderId) && p.receivedAt < endAt && p.loanId === null).reduce((a, p) => a + p.amountFen, 0)
  const overdue = here.filter((o) => o.promisedDate < day || diffDays(localDate(new Date(o.receivedAt), 'Asia/Shanghai'), day) > 7)
  const uncollectedAt = here
    .filter((o) => o.status === 'ready')
    .map((o) => {
      const readyAt = before(events.filter((e) => e.orderId === o.id && e.toStatus === 'ready')).at(-1)!.at
      return { orderNo: o.orderNo, readyAt, notices: before(notices.filter((n) => n.orderId === o.id && n.at >= readyAt)).length }
    })
    .filter((u) => u.notices >= 3)
    .sort((a, b) => a.readyAt.localeCompare(b.readyAt))
  return { inShop: here.map((o) => [o.orderNo, o.status]), held, overdue: overdue.map((o) => o.orderNo), uncollected: uncollectedAt }
}

describe('a day closed late', () => {
  it('lists the devices in the shop, their statuses, overdue, uncollected and deposits held as they stood at the end of that day', async () => {
    const notify = async (orderId: number, hhmm: string, day = DAY) => {
      tc.clock.set(`${day}T${hhmm}:00+08:00`)
      await clerk.ok('notices.record', { orderId, channel: 'call', outcome: 'notReached' })
    }
    // G: taken in 13 days before, untouched that day (overdue then); cancelled and handed back the next day.
    tc.clock.set('2026-11-10T10:00:00+08:00')
    const g = (await clerk.ok('intake.create', intake(0, null, 'paid', '13900008888'))).order
    at('09:10')
    const a = (await clerk.ok('intake.create', intake(10000, 'cash'))).order
    const b = (await clerk.ok('intake.create', intake(5000, 'wechat', 'paid', '13900001111'))).order
    const c = (await clerk.ok('intake.create', intake(20000, 'alipay', 'paid', '13900002222'))).order
    const e = (await clerk.ok('intake.create', intake(1000, 'card', 'paid', '13900003333'))).order
    const f = (await clerk.ok('intake.create', intake(0, null, 'paid', '13900004444'))).order
    at('11:00')
    await labour(a.id, 30, 15000)
    await walk(tc.core.dataSource, a.id, 'ready')
    await walk(tc.core.dataSource, e.id, 'ready')
    await walk(tc.core.dataSource, f.id, 'ready')
    await steps(b.id, 'received', 'diagnosing', 'repairing')
    // E told three times that day (uncollected at its end); F twice that day, a third time the next.
    for (const hhmm of ['12:00', '13:00', '14:00']) await notify(e.id, hhmm)
    for (const hhmm of ['12:00', '13:00']) await notify(f.id, hhmm)

    // The next day: A handed back, B finished and told three times, C voided, D taken in, G cancelled and handed back, F told again.
    const NEXT = '2026-11-24'
    tc.clock.set(`${NEXT}T10:00:00+08:00`)
    await clerk.ok('pickup.complete', { orderId: a.id, proof: { kind: 'code', value: a.claimCode }, tenders: [{ method: 'cash', amountFen: 5000 }] })
    await steps(b.id, 'repairing', 'qualityCheck', 'ready')
    for (const hhmm of ['11:00', '12:00', '13:00']) await notify(b.id, hhmm, NEXT)
    await notify(f.id, '13:30', NEXT)
    tc.clock.set(`${NEXT}T14:00:00+08:00`)
    const voided = await manager.ok('orders.void', { orderId: c.id, reason: '录错了' })
    expect(voided.refund).toEqual({ amountFen: 20000, method: 'alipay' })
    const d = (await clerk.ok('intake.create', intake(3000, 'card', 'paid', '13900005555'))).order
    await steps(g.id, 'received', 'diagnosing', 'cancelled')
    await clerk.ok('pickup.complete', { orderId: g.id, proof: { kind: 'code', value: g.claimCode }, tenders: [] })

    // Closed two days late.
    tc.clock.set('2026-11-25T18:00:00+08:00')
    const { report: z } = await manager.ok('dayclose.close', {
      day: DAY,
      counts: [0, 0, 0, 0, 0, 0, 0, 0],
      counted: { wechat: 5000, alipay: 20000, card: 1000, other: 0 },
      note: '现金未清点',
      approval: await closeApproval(manager)
    })
    expect(z.endAt).toBe('2026-11-23T16:00:00.000Z')
    // By hand: A ready (handed back later), B repairing (ready later), C received (voided later), E and F ready; D not yet here.
    expect(z.inShop.map((o) => [o.orderNo, o.status, o.overdue, o.ageDays])).toEqual([
      [g.orderNo, 'received', true, 13],
      [a.orderNo, 'ready', false, 0],
      [b.orderNo, 'repairing', false, 0],
      [c.orderNo, 'received', false, 0],
      [e.orderNo, 'ready', false, 0],
      [f.orderNo, 'ready', false, 0]
    ])
    expect(z.inShopCount).toBe(6)
    expect(z.overdueCount).toBe(1)
    // A's, B's, C's and E's deposits, before the next day's pickup payment and void refund.
    expect(z.depositsHeldFen).toBe(10000 + 5000 + 20000 + 1000)
    // Only E: B was not ready yet, F had been told twice.
    expect(z.uncollected).toEqual([{ orderNo: e.orderNo, device: '华为 Mate 60', customer: '张三', readyAt: '2026-11-23T03:00:00.000Z', notices: 3 }])

    // The same figures recomputed from the raw rows.
    const indep = await figuresAt(z.endAt, DAY)
    expect(z.inShop.map((o) => [o.orderNo, o.status])).toEqual(indep.inShop)
    expect(z.depositsHeldFen).toBe(indep.held)
    expect(z.inShop.filter((o) => o.overdue).map((o) => o.orderNo)).toEqual(indep.overdue)
    expect(z.uncollected.map((u) => ({ orderNo: u.orderNo, readyAt: u.readyAt, notices: u.notices }))).toEqual(indep.uncollected)

    // Today the picture differs: B and F are uncollected now, A, C and G gone, D here.
    const em = tc.core.dataSource.manager
    expect(uncollected(em, 'Asia/Shanghai').map((u) => u.orderNo)).toEqual([e.orderNo, f.orderNo, b.orderNo])
    // The next day's own register (still open) as of its end: B ready, D in; A, C and G gone.
    const settings = await manager.ok('settings.get', {})
    const next = computeZReport(em, NEXT, settings)
    const indepNext = await figuresAt(next.endAt, NEXT)
    expect(next.inShop.map((o) => [o.orderNo, o.status])).toEqual([
      [b.orderNo, 'ready'],
      [e.orderNo, 'ready'],
      [f.orderNo, 'ready'],
      [d.orderNo, 'received']
    ])
    expect(next.inShop.map((o) => [o.orderNo, o.status])).toEqual(indepNext.inShop)
    expect(next.depositsHeldFen).toBe(5000 + 1000 + 3000)
    expect(next.depositsHeldFen).toBe(indepNext.held)
    expect(next.uncollected.map((u) => u.orderNo)).toEqual([e.orderNo, f.orderNo, b.orderNo])
    expect(next.uncollected.map((u) => ({ orderNo: u.orderNo, readyAt: u.readyAt, notices: u.notices }))).toEqual(indepNext.uncollected)
  })

  it('a close of today gives what the orders stand at now: the open orders, their deposits and the uncollected list', async () => {
    tc.clock.set('2026-11-12T10:00:00+08:00')
    const old = (await clerk.ok('intake.create', intake(2000, 'cash', 'paid', '13900008888'))).order
    at('09:10')
    const a = (await clerk.ok('intake.create', intake(10000, 'cash'))).order
    const b = (await clerk.ok('intake.create', intake(5000, 'wechat', 'paid', '13900001111'))).order
    const c = (await clerk.ok('intake.create', intake(0, null, 'paid', '13900002222'))).order
    at('10:00')
    await walk(tc.core.dataSource, a.id, 'ready')
    await walk(tc.core.dataSource, b.id, 'ready')
    await walk(tc.core.dataSource, old.id, 'ready')
    await manager.ok('orders.void', { orderId: c.id, reason: '录错了' })
    for (const hhmm of ['11:00', '12:00', '13:00']) {
      at(hhmm)
      await clerk.ok('notices.record', { orderId: b.id, channel: 'call', outcome: 'notReached' })
      await clerk.ok('notices.record', { orderId: old.id, channel: 'call', outcome: 'notReached' })
    }
    at('14:00')
    await clerk.ok('pickup.complete', { orderId: a.id, proof: { kind: 'code', value: a.claimCode }, tenders: [], refundMethod: 'cash' })

    at('20:00')
    const em = tc.core.dataSource.manager
    const settings = await manager.ok('settings.get', {})
    const z = computeZReport(em, DAY, settings)
    // What the register was computed from before it was "as of the day's end": the stored status now.
    const now = (await tc.core.dataSource.query(
      `SELECT w.orderNo, w.status FROM work_order w WHERE w.status NOT IN ('pickedUp', 'void') AND w.returnedAt IS NULL AND w.receivedAt < ? ORDER BY w.receivedAt, w.id`,
      [z.endAt]
    )) as { orderNo: string; status: string }[]
    const heldNow = (await tc.core.dataSource.query(
      `SELECT COALESCE(SUM(p.amountFen), 0) AS held FROM work_order w JOIN payment p ON p.orderId = w.id WHERE w.status NOT IN ('pickedUp', 'void') AND w.returnedAt IS NULL AND p.loanId IS NULL`
    )) as { held: number }[]
    expect(z.inShop.map((o) => [o.orderNo, o.status])).toEqual(now.map((o) => [o.orderNo, o.status]))
    expect(z.inShop.map((o) => [o.orderNo, o.overdue])).toEqual([
      [old.orderNo, true],
      [b.orderNo, false]
    ])
    expect(z.overdueCount).toBe(1)
    expect(z.depositsHeldFen).toBe(heldNow[0].held)
    expect(z.depositsHeldFen).toBe(2000 + 5000)
    expect(z.uncollected).toEqual(
      uncollected(em, settings.timeZone).map((u) => ({ orderNo: u.orderNo, device: u.device, customer: u.customerName, readyAt: u.readyAt, notices: u.notices }))
    )
    expect(z.uncollected.map((u) => [u.orderNo, u.notices])).toEqual([
      [old.orderNo, 3],
      [b.orderNo, 3]
    ])
    // Closing it now freezes the same figures.
    const { report } = await manager.ok('dayclose.close', {
      day: DAY,
      counts: [0, 0, 0, 0, 0, 0, 0, 0],
      counted: { wechat: 5000, alipay: 0, card: 0, other: 0 },
      note: '现金未清点',
      approval: await closeApproval(manager)
    })
    expect([report.inShop, report.overdueCount, report.depositsHeldFen, report.uncollected]).toEqual([z.inShop, z.overdueCount, z.depositsHeldFen, z.uncollected])
  })
})

describe('who may do what', () => {
  it('the counter records float and cash moves; only the manager closes, corrects, reads and exports; once a float a day', async () => {
    const tech2 = tech
    expect(await clerk.call('dayclose.close', { day: DAY, counts: [0, 0, 0, 0, 0, 0, 0, 0], counted: { wechat: 0, alipay: 0, card: 0, other: 0 }, note: '', approval: await closeApproval(manager) })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' }
    })
    for (const ch of ['dayclose.report', 'dayclose.print', 'dayclose.unclosed'] as const) {
      expect(await clerk.call(ch, { day: DAY } as never), ch).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
    expect(await tech2.call('dayclose.openFloat', { amountFen: 100, note: '' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await tech2.call('dayclose.status', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await clerk.call('dayclose.adjust', { closedDay: DAY, method: 'cash', direction: 'in', amountFen: 1, reason: 'x' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    await clerk.ok('dayclose.openFloat', { amountFen: 20000, note: '' })
    expect(await manager.call('dayclose.openFloat', { amountFen: 100, note: '' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect((await clerk.ok('dayclose.status', {})).unclosed).toEqual([])
    // An open day has no report yet.
    expect(await manager.call('dayclose.report', { day: DAY })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  })
})

describe('store-local dates of the device register', () => {
  it('equal localDate at instants 23 minutes apart across DST changes and half- and quarter-hour zones', () => {
    for (const tz of ['Asia/Shanghai', 'America/New_York', 'Europe/Berlin', 'Asia/Kolkata', 'Asia/Kathmandu', 'Australia/Lord_Howe']) {
      const fast = localDates(tz)
      for (let ms = Date.parse('2026-03-01T00:00:00Z'); ms < Date.parse('2026-11-10T00:00:00Z'); ms += 23 * 60_000 + 13_000) {
        const iso = new Date(ms).toISOString()
        if (fast(iso) !== localDate(new Date(ms), tz)) throw new Error(`${tz} ${iso}: ${fast(iso)} != ${localDate(new Date(ms), tz)}`)
      }
    }
  })
})
