/**
 * The manager's reports through the real router on a real SQLite file: a scripted month (intakes,
 * bench steps, QC pass and fail, labour, parts issued and returned, pickups with payments and a
 * refund, a comeback, a void) where every figure equals a value computed here by hand; the range
 * bounds (inclusive, store zone Asia/Shanghai = UTC+8); the dashboard tiles; the xlsx opened with
 * exceljs; manager only.
 */
import ExcelJS from 'exceljs'
import type { ServiceType } from '@shared/contract/intake'
import type { RangeReport } from '@shared/contract/reports'
import { MANAGER, sampleIntake, setUpStore, startTestCore, userWithRole, type Caller, type TestCore } from '../../../test/helpers/core'
import { createPart, stockUp } from '../../../test/helpers/warehouse'
import { connectionOf } from '../db/prepared'
import { REPORT_QUERIES } from './service'

let tc: TestCore
let manager: Caller
let counter: Caller & { id: number }
let tech1: Caller & { id: number }
let tech2: Caller & { id: number }
let store: Caller & { id: number }

const OLD_INVOICE = { invoiceDate: '2024-01-05', invoiceNo: 'FP-0002' }
const at = (iso: string) => tc.clock.set(iso)

async function intake(type: ServiceType, when: string, o: { depositFen?: number; method?: 'cash' | 'wechat'; serial?: string; promisedDate?: string } = {}) {
  at(when)
  const base = sampleIntake()
  const order = (
    await counter.ok(
      'intake.create',
      sampleIntake({
        purchase: type === 'warranty' ? base.purchase : OLD_INVOICE,
        device: { ...base.device, ...(o.serial ? { serial: o.serial } : {}) },
        service: {
          ...base.service,
          type,
          // The customer agreed to up to ¥600: the bench's quote rule lets every scripted repair through.
          estimateFen: type === 'warranty' ? 0 : 60000,
          depositFen: o.depositFen ?? 0,
          depositMethod: o.depositFen ? (o.method ?? 'cash') : null,
          promisedDate: o.promisedDate ?? '2026-12-31'
        }
      })
    )
  ).order
  return order
}

async function step(who: Caller, orderId: number, to: 'diagnosing' | 'repairing' | 'qualityCheck', when: string) {
  at(when)
  await who.ok('repairs.step', { orderId, to })
}

async function toQc(who: Caller, orderId: number, when: string) {
  await step(who, orderId, 'diagnosing', when)
  await step(who, orderId, 'repairing', when)
  await step(who, orderId, 'qualityCheck', when)
}

async function qc(who: Caller, orderId: number, passed: boolean, when: string) {
  at(when)
  await who.ok('repairs.qc', { orderId, passed, reason: passed ? '' : '听筒无声' })
}

async function pickUp(orderId: number, claimCode: string, when: string, method: 'cash' | 'card' = 'cash') {
  at(when)
  const q = await counter.ok('pickup.quote', { orderId })
  const balance = q.totals.balanceFen
  await counter.ok('pickup.complete', { orderId, proof: { kind: 'code', value: claimCode }, tenders: balance > 0 ? [{ method, amountFen: balance }] : [] })
}

async function issue(orderId: number, partId: number, qty: number, when: string) {
  at(when)
  const req = await tech1.ok('warehouse.requisitions.create', { orderId, lines: [{ partId, qty }] })
  const done = await store.ok('warehouse.requisitions.issue', { requisitionId: req.id, lines: [{ lineId: req.lineViews[0].id, qty }] })
  return done.lineViews[0].id
}

/** Excel PERCENTILE.INC, written out again here so the report is checked against an independent sum. */
function pct(values: number[], q: number): number {
  const s = [...values].sort((a, b) => a - b)
  const pos = (s.length - 1) * q
  const lo = Math.floor(pos)
  return s[lo] + (s[Math.min(lo + 1, s.length - 1)] - s[lo]) * (pos - lo)
}
const hours = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 3_600_000
const round1 = (x: number) => Math.round(x * 10) / 10

beforeEach(async () => {
  tc = await startTestCore({ now: '2026-10-20T02:00:00Z' })
  manager = await setUpStore(tc)
  counter = await userWithRole(tc, manager, 'counter')
  tech1 = await userWithRole(tc, manager, 'technician', 'tech1')
  tech2 = await userWithRole(tc, manager, 'technician', 'tech2')
  store = await userWithRole(tc, manager, 'warehouse')
})
afterEach(() => tc.close())

describe('a scripted November (store zone Asia/Shanghai, UTC+8)', () => {
  // Received / returned instants, kept to compute the turnaround by hand.
  const times: Record<string, { in: string; out?: string }> = {}
  let report: RangeReport
  let screenPart: number
  let batteryPart: number
  let o1Serial: string
  const ids: Record<string, number> = {}

  beforeEach(async () => {
    at('2026-10-20T02:00:00Z')
    screenPart = await createPart(store, { name: '华为 Mate 60 屏幕总成', salePriceFen: 45000 })
    batteryPart = await createPart(store, { name: '华为 Mate 60 电池', salePriceFen: 9000 })
    await stockUp(store, [
      { partId: screenPart, qty: 10, unitCostFen: 20000 },
      { partId: batteryPart, qty: 10, unitCostFen: 5000 }
    ])

    // O4 paid: taken in 10-31 23:59 local (before the range), picked up 11-01 08:00 local (inside), paid by card.
    const o4 = await intake('paid', (times.o4 = { in: '2026-10-31T15:59:00Z' }).in)
    at('2026-10-31T15:59:10Z')
    await tech1.ok('repairs.charges.add', { orderId: o4.id, kind: 'other', description: '主板清洁', amountFen: 5000 })
    await issue(o4.id, batteryPart, 1, '2026-10-31T15:59:20Z') // issued before the range: not in November's parts
    await toQc(tech1, o4.id, '2026-10-31T15:59:30Z')
    await qc(tech2, o4.id, true, '2026-10-31T15:59:40Z')
    await pickUp(o4.id, o4.claimCode, (times.o4.out = '2026-11-01T00:00:00Z'), 'card')

    // O1 paid, ¥50 cash deposit: 60 min labour ¥120, 2 screens issued, 1 returned; QC fails once; ¥10 refunded after pickup.
    const o1 = await intake('paid', (times.o1 = { in: '2026-11-02T02:00:00Z' }).in, { depositFen: 5000 })
    o1Serial = o1.device.serial
    ids.o1 = o1.id
    await step(tech1, o1.id, 'diagnosing', '2026-11-02T02:10:00Z')
    await step(tech1, o1.id, 'repairing', '2026-11-02T02:20:00Z')
    at('2026-11-02T02:30:00Z')
    await tech1.ok('repairs.charges.add', { orderId: o1.id, kind: 'labourTyped', description: '更换屏幕', minutes: 60, amountFen: 12000 })
    const line = await issue(o1.id, screenPart, 2, '2026-11-02T03:00:00Z')
    at('2026-11-02T05:00:00Z')
    await store.ok('warehouse.returns.create', { lineId: line, qty: 1 })
    await step(tech1, o1.id, 'qualityCheck', '2026-11-03T02:00:00Z')
    await qc(tech2, o1.id, false, '2026-11-03T03:00:00Z')
    await step(tech1, o1.id, 'qualityCheck', '2026-11-03T04:00:00Z')
    await qc(tech2, o1.id, true, '2026-11-03T05:00:00Z')
    await pickUp(o1.id, o1.claimCode, (times.o1.out = '2026-11-04T09:30:00Z'))
    at('2026-11-05T02:00:00Z')
    await counter.ok('pickup.refund', { orderId: o1.id, amountFen: 1000, method: 'cash', reason: '屏幕贴膜未贴', approval: { username: MANAGER.username, pin: MANAGER.pin } })

    // O2 warranty (free): tech2's 30 min labour ¥80 is labour value though the customer pays nothing.
    const o2 = await intake('warranty', (times.o2 = { in: '2026-11-05T01:00:00Z' }).in)
    ids.o2 = o2.id
    await step(tech2, o2.id, 'diagnosing', '2026-11-05T02:00:00Z')
    await step(tech2, o2.id, 'repairing', '2026-11-05T03:00:00Z')
    at('2026-11-05T04:00:00Z')
    await tech2.ok('repairs.charges.add', { orderId: o2.id, kind: 'labourTyped', description: '主板维修', minutes: 30, amountFen: 8000 })
    await step(tech2, o2.id, 'qualityCheck', '2026-11-05T06:00:00Z')
    await qc(tech1, o2.id, true, '2026-11-05T07:00:00Z')
    await pickUp(o2.id, o2.claimCode, (times.o2.out = '2026-11-06T02:00:00Z'))

    // O3 contract, ¥20 WeChat deposit: taken in at 11-10 23:59:59 local, 3 batteries, ¥30 other charge,
    // picked up at 11-30 23:59 local (the last minute of the range).
    const o3 = await intake('contract', (times.o3 = { in: '2026-11-10T15:59:59Z' }).in, { depositFen: 2000, method: 'wechat' })
    ids.o3 = o3.id
    await issue(o3.id, batteryPart, 3, '2026-11-11T02:00:00Z')
    at('2026-11-11T02:10:00Z')
    await tech1.ok('repairs.charges.add', { orderId: o3.id, kind: 'other', description: '外壳清洁', amountFen: 3000 })
    await toQc(tech1, o3.id, '2026-11-12T02:00:00Z')
    await qc(tech2, o3.id, true, '2026-11-12T03:00:00Z')
    await pickUp(o3.id, o3.claimCode, (times.o3.out = '2026-11-30T15:59:00Z'))

    // O6: the O1 device back on 11-20: a comeback, still in the shop.
    await intake('paid', '2026-11-20T02:00:00Z', { serial: o1Serial })
    // O7: taken in and voided the same day: not counted.
    const o7 = await intake('paid', '2026-11-21T02:00:00Z')
    await manager.ok('orders.void', { orderId: o7.id, reason: '重复登记' })
    // O5: taken in at 12-01 00:00 local, the first moment after the range.
    await intake('paid', '2026-11-30T16:00:00Z')

    at('2026-12-02T02:00:00Z')
    report = await manager.ok('reports.range', { from: '2026-11-01', to: '2026-11-30' })
  })

  it('orders received and picked up, and net revenue, by service type', async () => {
    const byType = Object.fromEntries(report.serviceTypes.map((r) => [r.serviceType, r]))
    // Received in November: O1 paid, O2 warranty, O3 contract, O6 paid (O4 in October, O5 in December, O7 void).
    // Revenue: O4 5000 + battery 9000 (card); O1 12000 labour + 1 screen 45000 − 1000 refund; O2 0; O3 3 × 9000 + 3000.
    expect(byType.paid).toEqual({ serviceType: 'paid', received: 2, pickedUp: 2, revenueFen: 5000 + 9000 + (12000 + 45000 - 1000) })
    expect(byType.warranty).toEqual({ serviceType: 'warranty', received: 1, pickedUp: 1, revenueFen: 0 })
    expect(byType.contract).toEqual({ serviceType: 'contract', received: 1, pickedUp: 1, revenueFen: 3 * 9000 + 3000 })
    expect(report.totals).toEqual({ received: 4, pickedUp: 4, revenueFen: 14000 + 56000 + 30000 })
    // The revenue equals the payment rows of those orders, summed here in SQL.
    const [{ net }] = await tc.core.dataSource.query(
      `SELECT SUM(amountFen) AS net FROM payment WHERE loanId IS NULL AND orderId IN (SELECT id FROM work_order WHERE status = 'pickedUp')`
    )
    expect(report.totals.revenueFen).toBe(net)
  })

  it('per store-local day, both range ends inclusive', () => {
    expect(report.days).toBe(30)
    expect(report.perDay).toHaveLength(30)
    const day = (d: string) => report.perDay.find((r) => r.date === d)
    expect(day('2026-11-01')).toEqual({ date: '2026-11-01', received: 0, pickedUp: 1, revenueFen: 14000 })
    expect(day('2026-11-10')).toEqual({ date: '2026-11-10', received: 1, pickedUp: 0, revenueFen: 0 })
    expect(day('2026-11-30')).toEqual({ date: '2026-11-30', received: 0, pickedUp: 1, revenueFen: 30000 })
    expect(report.perDay.reduce((a, d) => a + d.received, 0)).toBe(4)
  })

  it('turnaround: median and 90th percentile of received → picked up', () => {
    const h = ['o1', 'o2', 'o3', 'o4'].map((k) => hours(times[k].in, times[k].out!))
    expect(report.turnaround.all).toEqual({ count: 4, medianHours: round1(pct(h, 0.5)), p90Hours: round1(pct(h, 0.9)) })
    expect(report.turnaround.all.medianHours).toBe(40.3) // (25 + 55.5) / 2
    const paid = report.turnaround.byServiceType.find((s) => s.serviceType === 'paid')!
    expect(paid).toEqual({ serviceType: 'paid', count: 2, medianHours: round1(pct([h[0], h[3]], 0.5)), p90Hours: round1(pct([h[0], h[3]], 0.9)) })
    // 8 h and 25 h → 0 and 1 days; 55.5 h → 2 days; 20 days → 14–29.
    expect(Object.fromEntries(report.turnaround.histogram.map((b) => [b.bucket, b.count]))).toMatchObject({ '0': 1, '1': 1, '2': 1, '14-29': 1, '3': 0 })
  })

  it('comeback rate: one comeback over the four pickups', () => {
    expect(report.comeback).toMatchObject({ comebacks: 1, pickedUp: 4, rate: 0.25 })
  })

  it('parts: issues minus returns at their cost, November only', () => {
    expect(report.parts.top.map((p) => [p.partId, p.qty, p.valueFen])).toEqual([
      [batteryPart, 3, 3 * 5000],
      [screenPart, 1, 20000]
    ].sort((a, b) => b[2] - a[2]))
    expect(report.parts).toMatchObject({ totalQty: 4, totalValueFen: 35000, partCount: 2 })
    expect(report.parts.top[0].name).toBe('华为 Mate 60 屏幕总成')
  })

  it('technicians: orders finished, labour, QC fail rate of their work', () => {
    const row = (id: number) => report.technicians.find((t) => t.userId === id)
    // tech1 finished O1 (twice to QC: one order) and O3; labour only on O1. Their work was checked 3 times (O1 fail + pass, O3), 1 failed.
    expect(row(tech1.id)).toEqual({ userId: tech1.id, name: 'technician 员工', finished: 2, labourMinutes: 60, labourFen: 12000, qcChecked: 3, qcFailed: 1, qcFailRate: 1 / 3 })
    // tech2 finished O2 (30 min, ¥80, free to the customer); checked once by tech1, passed.
    expect(row(tech2.id)).toEqual({ userId: tech2.id, name: 'technician 员工', finished: 1, labourMinutes: 30, labourFen: 8000, qcChecked: 1, qcFailed: 0, qcFailRate: 0 })
    expect(report.technicians).toHaveLength(2)
  })

  it('satisfaction and complaint rates from the follow-up calls of the range', async () => {
    expect(report.satisfaction).toMatchObject({ available: true, rate: null, denominator: 0 })
    expect(report.complaints).toMatchObject({ available: true, rate: 0, numerator: 0, denominator: 4 })
    const [o1, o2, o3] = [ids.o1, ids.o2, ids.o3].map((id) => ({ id }))
    at('2026-11-09T02:00:00Z')
    await counter.ok('followups.record', { orderId: o1.id, outcome: 'reached', rating: 'verySatisfied' })
    await counter.ok('followups.record', { orderId: o2.id, outcome: 'reached', rating: 'satisfied' })
    at('2026-11-12T02:00:00Z')
    await counter.ok('followups.record', { orderId: o3.id, outcome: 'reached', rating: 'dissatisfied', note: '等太久' })
    at('2026-12-02T02:00:00Z')
    const r = await manager.ok('reports.range', { from: '2026-11-01', to: '2026-11-30' })
    // 3 visits, 1 dissatisfied → 2/3 against the 95 % default; the dissatisfied call opened 1 complaint over 4 pickups.
    expect(r.satisfaction).toEqual({ available: true, rate: 2 / 3, numerator: 2, denominator: 3, target: 0.95 })
    expect(r.complaints).toEqual({ available: true, rate: 0.25, numerator: 1, denominator: 4, target: null })
    const before = await manager.ok('reports.range', { from: '2026-11-01', to: '2026-11-08' })
    expect(before.satisfaction).toMatchObject({ rate: null, denominator: 0 })
  })

  it('a one-day range at each end of the month', async () => {
    const first = await manager.ok('reports.range', { from: '2026-11-01', to: '2026-11-01' })
    expect(first.totals).toEqual({ received: 0, pickedUp: 1, revenueFen: 14000 })
    const last = await manager.ok('reports.range', { from: '2026-11-30', to: '2026-11-30' })
    expect(last.totals).toEqual({ received: 0, pickedUp: 1, revenueFen: 30000 })
    const october = await manager.ok('reports.range', { from: '2026-10-31', to: '2026-10-31' })
    expect(october.totals).toEqual({ received: 1, pickedUp: 0, revenueFen: 0 })
    expect(october.parts.totalQty).toBe(1)
    const december = await manager.ok('reports.range', { from: '2026-12-01', to: '2026-12-01' })
    expect(december.totals.received).toBe(1)
  })

  it('exports each table to xlsx; the cells are the report figures', async () => {
    const file = await manager.ok('reports.export', { from: '2026-11-01', to: '2026-11-30', table: 'all' })
    expect(file.fileName).toBe('report-all-2026-11-01_2026-11-30.xlsx')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer)
    expect(wb.worksheets.map((w) => w.name)).toEqual(['按服务类型', '每日明细', '维修周期', '配件消耗', '技师工作量', '比率'])
    const types = wb.getWorksheet('按服务类型')!
    expect(types.getRow(2).values).toEqual([undefined, '服务类型', '收机', '取机', '营业额（元）'])
    expect(types.getRow(3).values).toEqual([undefined, '保修（免费）', 1, 1, 0])
    expect(types.getRow(4).values).toEqual([undefined, '付费维修', 2, 2, 700])
    expect(types.getRow(6).values).toEqual([undefined, '合计', 4, 4, 1000])
    const techs = wb.getWorksheet('技师工作量')!
    expect(techs.getRow(3).values).toEqual([undefined, 'technician 员工', 2, 60, 120, 3, 1, 1 / 3])
    expect(techs.getColumn(7).numFmt).toBe('0.0%')
    const parts = wb.getWorksheet('配件消耗')!
    expect(parts.getRow(3).getCell(2).value).toBe('华为 Mate 60 屏幕总成')
    expect(parts.getRow(3).getCell(4).value).toBe(200)
    const rates = wb.getWorksheet('比率')!
    expect(rates.getRow(3).values).toEqual([undefined, '返修率（返修 / 取机）', 0.25, 1, 4])

    const one = await manager.ok('reports.export', { from: '2026-11-01', to: '2026-11-30', table: 'perDay' })
    const wb1 = new ExcelJS.Workbook()
    await wb1.xlsx.load(Buffer.from(one.base64, 'base64') as unknown as ArrayBuffer)
    expect(wb1.worksheets).toHaveLength(1)
    expect(wb1.worksheets[0].getRow(3).values).toEqual([undefined, '2026-11-01', 0, 1, 140])
    expect(wb1.worksheets[0].rowCount).toBe(2 + 30)
  })

  it('the dashboard: today\'s tiles and this month so far', async () => {
    // 12-01 local: O5 taken in (¥0 deposit) — add one with a deposit today, and one ready and waiting.
    at('2026-12-01T02:00:00Z')
    const waiting = await intake('paid', '2026-12-01T02:00:00Z', { depositFen: 3000, promisedDate: '2026-12-05' })
    await toQc(tech1, waiting.id, '2026-12-01T03:00:00Z')
    await qc(tech2, waiting.id, true, '2026-12-01T04:00:00Z')
    at('2026-12-01T08:00:00Z')
    const d = await manager.ok('reports.dashboard', {})
    expect(d.today).toBe('2026-12-01')
    // In the shop: O6 (comeback), O5, the waiting one. O6 and O5 are promised 12-31, but O6 has been in
    // the shop since 11-20, more than 7 days: overdue all the same (the shared rule, isOverdue).
    expect(d.tiles).toMatchObject({ inShop: 3, overdue: 1, uncollected: 1, takingsFen: 3000, takingsCount: 1, takingsByMethod: [{ method: 'cash', amountFen: 3000 }] })
    expect(d.month).toMatchObject({ from: '2026-12-01', to: '2026-12-01', totals: { received: 2, pickedUp: 0, revenueFen: 0 } })
    // On 2027-01-01 both December-promised orders at the bench are overdue; the ready one is not.
    at('2027-01-01T02:00:00Z')
    const later = await manager.ok('reports.dashboard', {})
    expect(later.tiles).toMatchObject({ inShop: 3, overdue: 2, uncollected: 1, takingsFen: 0, takingsCount: 0 })
  })
})

describe('reports: bounds and roles', () => {
  it('refuses a reversed or too long range, naming the field', async () => {
    const reversed = await manager.call('reports.range', { from: '2026-11-30', to: '2026-11-01' })
    expect(reversed).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { to: '结束日期不能早于开始日期' } } })
    const long = await manager.call('reports.range', { from: '2025-01-01', to: '2026-01-02' })
    expect(long).toMatchObject({ ok: false, error: { fields: { to: '日期范围最多 366 天' } } })
    expect((await manager.call('reports.range', { from: '2025-01-01', to: '2026-01-01' })).ok).toBe(true)
    const exp = await manager.call('reports.export', { from: '2026-11-30', to: '2026-11-01', table: 'parts' })
    expect(exp).toMatchObject({ ok: false, error: { fields: { to: '结束日期不能早于开始日期' } } })
  })

  it('manager only', async () => {
    for (const who of [counter, tech1, store]) {
      for (const [ch, input] of [
        ['reports.dashboard', {}],
        ['reports.range', { from: '2026-11-01', to: '2026-11-30' }],
        ['reports.export', { from: '2026-11-01', to: '2026-11-30', table: 'all' }]
      ] as const) {
        expect(await who.call(ch, input as never)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
      }
    }
    expect(await tc.session().call('reports.dashboard', {})).toMatchObject({ ok: false })
  })

  it('every report statement is a range scan on an indexed time column (EXPLAIN QUERY PLAN)', () => {
    const db = connectionOf(tc.core.dataSource)
    const plan = (sql: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...new Array((sql.match(/\?/g) ?? []).length).fill(null)) as { detail: string }[]).map((p) => p.detail).join('\n')
    const q = REPORT_QUERIES
    expect(plan(q.RECEIVED)).toMatch(/SEARCH work_order USING INDEX IDX_work_order_received_at \(receivedAt>\? AND receivedAt<\?\)/)
    expect(plan(q.PICKED_UP)).toMatch(/SEARCH w USING INDEX IDX_work_order_returnedAt \(returnedAt>\? AND returnedAt<\?\)/)
    expect(plan(q.PICKED_UP)).toMatch(/SEARCH p USING INDEX \S+ \(orderId=\?\)/)
    expect(plan(q.PARTS)).toMatch(/SEARCH m USING INDEX \S+ \(at>\? AND at<\?\)/)
    expect(plan(q.FINISHED)).toMatch(/SEARCH order_event USING (COVERING )?INDEX IDX_order_event_to_status_at \(toStatus=\? AND at>\? AND at<\?\)/)
    expect(plan(q.QC)).toMatch(/SEARCH e USING (COVERING )?INDEX IDX_order_event_to_status_at \(toStatus=\? AND at>\? AND at<\?\)/)
    expect(plan(q.OVERDUE)).toMatch(/USING INDEX IDX_work_order_status_promised \(status=\?\)/)
    expect(plan(q.OPEN_BY_STATUS)).toMatch(/USING COVERING INDEX IDX_work_order_status_promised \(status=\?\)/)
    expect(plan(q.TAKINGS)).toMatch(/SEARCH payment USING INDEX \S+ \(receivedAt>\? AND receivedAt<\?\)/)
    for (const sql of Object.values(q)) expect(plan(sql)).not.toMatch(/SCAN (work_order|payment|order_event|stock_move|repair_charge)\b/)
  })

  it('an empty store answers zeros, not errors', async () => {
    const d = await manager.ok('reports.dashboard', {})
    expect(d.tiles).toMatchObject({ inShop: 0, overdue: 0, uncollected: 0, takingsFen: 0 })
    expect(d.month.turnaround.all).toEqual({ count: 0, medianHours: null, p90Hours: null })
    expect(d.month.satisfaction).toMatchObject({ rate: null, denominator: 0 })
    expect(d.month.complaints).toMatchObject({ rate: null, denominator: 0 })
  })
})
