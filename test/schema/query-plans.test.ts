// Every statement the app issues on a hot path must be index-backed: the paths below run through
// the real router while every SQL text prepared on the connection is recorded (statements are
// cached, so each is attributed to the first path that issued it), then EXPLAIN QUERY
// PLAN of each must show no full scan of a big table. A later domain adds its hot path to
// HOT_PATHS (and, rarely, a justified bounded scan to BOUNDED_SCANS); a new query without an index
// then fails here instead of on a five-year store.
import type { Database } from 'better-sqlite3'
import { HOT_QUERIES } from '../../src/main/search/search-service'
import { moveOrder } from '../../src/main/repairs/status'
import { preparedSql } from '../../src/main/db/prepared'
import { CATALOGUE_QUERIES } from '../../src/main/warehouse/catalogue'
import { REORDER_QUERIES } from '../../src/main/warehouse/reorder'
import { STOCK_CARD_QUERIES } from '../../src/main/warehouse/stock-card'
import { VALUATION_QUERIES } from '../../src/main/warehouse/valuation'
import { walkOrder } from '../helpers/pickup'
import { closeApproval, sampleIntake, setUpStore, startTestCore, userWithRole, validImei, type Caller, type TestCore } from '../helpers/core'

/** Tables that grow without bound in a busy shop. */
const BIG_TABLES = ['work_order', 'customer', 'payment', 'print_job', 'audit_log', 'part', 'stock_move', 'old_part', 'stocktake_line', 'goods_receipt', 'goods_receipt_line', 'requisition', 'requisition_line', 'stock_adjustment', 'stock_transfer', 'pickup', 'order_notice', 'comeback', 'loaner_loan', 'order_event', 'follow_up', 'complaint']

/** Scans that are bounded by design, with the reason. Keep this list short. */
const BOUNDED_SCANS: { sql: RegExp; table: string; why: string }[] = [
  { sql: /FROM loaner_loan l [\s\S]*WHERE l\.returnedAt IS NULL ORDER BY l\.dueDate, l\.id LIMIT/, table: 'loaner_loan', why: 'loaners out: walks the partial index of open loans only (IDX_loaner_loan_open_due)' },
  { sql: /ORDER BY w\.id DESC LIMIT \?$/, table: 'work_order', why: 'the newest page walks the rowid backwards and stops at LIMIT' },
  { sql: /^WITH cut AS \(SELECT p\.id AS partId[\s\S]*FROM part p\)/, table: 'part', why: 'valuation totals visit every part once (20k), three index seeks into stock_move each' }
]

interface Ctx {
  tc: TestCore
  clerk: Caller
  manager: Caller
  order: { id: number; orderNo: string; claimCode: string; serial: string; customerId: number; mobile: string }
}

/** Hot paths: what the counter does all day. Add a domain's everyday channels here. */
const HOT_PATHS: Record<string, (c: Ctx) => Promise<unknown>> = {
  'intake save, new customer': (c) => c.clerk.ok('intake.create', sampleIntake({ customer: { name: '李四', mobile: '13900001111', landline: '', address: '' } })),
  'intake save, returning customer': (c) =>
    c.clerk.ok('intake.create', sampleIntake({ customer: { id: c.order.customerId, name: '张三', mobile: c.order.mobile, landline: '', address: '' } })),
  'warranty check': (c) =>
    c.clerk.ok('intake.checkWarranty', {
      category: 'phone',
      component: 'main',
      serial: c.order.serial,
      invoiceDate: '2026-06-01',
      condition: { screenCracked: false, scratchesDents: false, waterDamage: false, sealsIntact: true, powersOn: true, other: '' }
    }),
  'customer search': async (c) => {
    await c.clerk.ok('customers.search', { query: '1381' })
    await c.clerk.ok('customers.search', { query: '张三' })
  },
  'customer history': (c) => c.clerk.ok('customers.history', { customerId: c.order.customerId }),
  'open an order': async (c) => {
    await c.clerk.ok('orders.get', { orderId: c.order.id })
    await c.clerk.ok('printing.jobs', { orderId: c.order.id })
  },
  'orders list pages': async (c) => {
    const first = await c.clerk.ok('orders.page', { query: '', before: null, limit: 1 })
    await c.clerk.ok('orders.page', { query: '', before: first.nextBefore, limit: 1 })
    await c.clerk.ok('orders.list', { query: '', limit: 50 })
  },
  'warehouse parts: search by each key, scan, open, stock card, reorder': async (c) => {
    const p = await c.manager.ok('warehouse.parts.create', { sku: 'QP-LCD-1', name: '屏幕总成', spec: 'OLED', models: '华为 Mate 60', unit: '个', barcode: '6909999999999' })
    for (const text of ['', 'QP-', '6909999999999', '屏幕', 'mate 60']) await c.clerk.ok('warehouse.parts.search', { text })
    await c.clerk.ok('warehouse.parts.search', { text: 'QP', after: { sku: 'QP' } })
    await c.clerk.ok('warehouse.parts.search', { text: '屏幕', after: { id: 1 } })
    await c.clerk.ok('warehouse.parts.byCode', { code: '6909999999999' })
    await c.clerk.ok('warehouse.parts.byCode', { code: 'QP-LCD-1' })
    await c.clerk.ok('warehouse.parts.get', { partId: p.part.id })
    await c.clerk.ok('warehouse.stockCard', { partId: p.part.id, location: 'main' })
    await c.clerk.ok('warehouse.stockCard', { partId: p.part.id, location: 'main', beforeId: 1000 })
    await c.manager.ok('warehouse.reorder', {})
    await c.manager.ok('warehouse.parts.update', { partId: p.part.id, sku: 'QP-LCD-1', name: '屏幕总成', unit: '个', barcode: '6909999999999', minStock: 2 })
  },
  'old parts and a stocktake count (warehouse floor)': async (c) => {
    const p = await c.manager.ok('warehouse.parts.create', { sku: 'QP-ST-1', name: '电池', unit: '个', barcode: '6908888888888', bin: 'Q-01' })
    const { oldPart } = await c.manager.ok('warehouse.oldParts.create', { orderNo: c.order.orderNo, technicianId: 1, partText: '电池', faultSymptom: '鼓包', faultCode: 'BAT' })
    await c.manager.ok('warehouse.oldParts.list', { orderId: c.order.id })
    await c.manager.ok('warehouse.oldParts.list', { status: 'waiting' })
    await c.manager.ok('warehouse.oldParts.printLabel', { oldPartId: oldPart.id })
    const batch = await c.manager.ok('warehouse.rtm.create', { maker: '厂家' })
    await c.manager.ok('warehouse.rtm.add', { batchId: batch.id, opNos: [oldPart.opNo] })
    const st = await c.manager.ok('warehouse.stocktakes.start', { binFrom: 'Q', binTo: 'Q-99' })
    await c.manager.ok('warehouse.stocktakes.scan', { stocktakeId: st.id, code: '6908888888888' })
    await c.manager.ok('warehouse.stocktakes.count', { stocktakeId: st.id, partId: p.part.id, location: 'main', qty: 2 })
    await c.manager.ok('warehouse.stocktakes.lines', { stocktakeId: st.id, after: { bin: 'Q-01', id: 1 } })
  },
  'movements: receive, request, issue, return, transfer, adjust, order parts, lists (warehouse floor)': async (c) => {
    const p = await c.manager.ok('warehouse.parts.create', { sku: 'QP-MV-1', name: '尾插', unit: '个', barcode: '6907777777777' })
    await c.manager.ok('warehouse.receipts.create', { supplier: '供', supplierDocNo: 'QP-1', lines: [{ partId: p.part.id, deliveredQty: 4, acceptedQty: 3, unitCostFen: 500, rejectReason: '坏' }] })
    const req = await c.manager.ok('warehouse.requisitions.create', { orderId: c.order.id, lines: [{ partId: p.part.id, qty: 2 }] })
    await c.manager.ok('warehouse.requisitions.issue', { requisitionId: req.id, lines: [{ lineId: req.lineViews[0].id, qty: 1 }] })
    await c.manager.ok('warehouse.returns.create', { lineId: req.lineViews[0].id, qty: 1, location: 'quarantine' })
    await c.manager.ok('warehouse.transfers.create', { partId: p.part.id, qty: 1, from: 'main', to: 'quarantine', reason: '检' })
    const adj = await c.manager.ok('warehouse.adjustments.request', { partId: p.part.id, location: 'main', qty: 1, reason: '盘盈' })
    await c.manager.ok('warehouse.adjustments.approve', { adjustmentId: adj.id, approval: { username: 'boss', pin: '2468' } })
    await c.manager.ok('warehouse.orderParts', { orderId: c.order.id })
    await c.manager.ok('warehouse.requisitions.get', { requisitionId: req.id })
    await c.manager.ok('warehouse.requisitions.list', {})
    await c.manager.ok('warehouse.requisitions.list', { status: 'open', beforeId: 1000 })
    // A technician's list: their own only, with and without a status.
    const tech = await userWithRole(c.tc, c.manager, 'technician', 'qptech')
    await tech.ok('warehouse.requisitions.list', {})
    await tech.ok('warehouse.requisitions.list', { status: 'open', beforeId: 1000 })
    await c.manager.ok('warehouse.receipts.list', {})
    await c.manager.ok('warehouse.adjustments.list', {})
    await c.manager.ok('warehouse.adjustments.list', { status: 'pending' })
  },
  'pickup: find by scan, code, mobile, order no; quote; hand back; void ticket; refund; receipt': async (c) => {
    const { order: o } = await c.clerk.ok('intake.create', sampleIntake({ customer: { id: c.order.customerId, name: '张三', mobile: c.order.mobile, landline: '', address: '' } }))
    await walkOrder(c.tc.core.dataSource, o.id, 1)
    for (const query of [`RO|${o.orderNo}|${o.claimCode}`, o.claimCode, c.order.mobile, o.orderNo]) await c.clerk.ok('pickup.find', { query })
    await c.clerk.ok('pickup.quote', { orderId: o.id })
    await c.clerk.ok('pickup.complete', { orderId: o.id, proof: { kind: 'code', value: o.claimCode }, tenders: [] })
    await c.clerk.call('pickup.find', { query: `RO|${o.orderNo}|${o.claimCode}` })
    await c.clerk.ok('pickup.quote', { orderId: o.id })
    await c.clerk.ok('pickup.reprint', { orderId: o.id })
  },
  'care: notices, loaners, comebacks (counter)': async (c) => {
    const { order } = await c.clerk.ok('intake.create', sampleIntake())
    await c.tc.core.dataSource.transaction(async (em) => {
      const steps = ['received', 'diagnosing', 'repairing', 'qualityCheck', 'ready'] as const
      for (let i = 1; i < steps.length; i++) moveOrder(em, { orderId: order.id, from: steps[i - 1], to: steps[i], at: c.tc.clock.now(), userId: 1 })
    })
    await c.clerk.ok('notices.list', {})
    await c.clerk.ok('notices.message', { orderId: order.id })
    await c.clerk.ok('notices.record', { orderId: order.id, channel: 'call', outcome: 'reached' })
    await c.manager.ok('notices.uncollected', {})
    await c.clerk.ok('notices.forOrder', { orderId: order.id })
    await c.clerk.ok('comebacks.forOrder', { orderId: order.id })
    await c.manager.ok('comebacks.reworkRate', { from: '2026-11-01', to: '2026-11-30' })
    const loaner = await c.manager.ok('loaners.create', { code: 'QP-BY-1', device: '备用机', serial: '', condition: '', depositFen: 10000 })
    const { loan } = await c.clerk.ok('loaners.lend', { orderId: order.id, loanerId: loaner.id, depositMethod: 'cash' })
    await c.clerk.ok('loaners.list', {})
    await c.clerk.ok('loaners.out', {})
    await c.clerk.ok('loaners.forOrder', { orderId: order.id })
    await c.clerk.ok('loaners.return', { loanId: loan.loanId, conditionIn: '', outcome: 'refunded' })
  },
  'technician bench: queues, repair card, timeline': async (c) => {
    const tech = await userWithRole(c.tc, c.manager, 'technician', 'qpbench')
    for (const input of [{}, { status: 'received' as const }, { unassigned: true }, { unassigned: true, status: 'received' as const }, { technicianId: tech.id }, { technicianId: tech.id, status: 'repairing' as const }]) await c.clerk.ok('repairs.queue', input)
    await tech.ok('repairs.queue', { scope: 'mine' })
    await tech.ok('repairs.card', { orderId: c.order.id })
    await tech.ok('repairs.timeline', { orderId: c.order.id })
    // Quality check: "did this user repair it" is one seek on order_event (orderId, id).
    const { order: q } = await c.clerk.ok('intake.create', sampleIntake())
    for (const to of ['diagnosing', 'repairing', 'qualityCheck'] as const) await tech.ok('repairs.step', { orderId: q.id, to })
    await c.manager.ok('repairs.card', { orderId: q.id })
    await c.manager.ok('repairs.qc', { orderId: q.id, passed: true })
  },
  'manager reports: dashboard, a month, a year, xlsx export': async (c) => {
    await c.manager.ok('reports.dashboard', {})
    await c.manager.ok('reports.range', { from: '2026-11-01', to: '2026-11-30' })
    await c.manager.ok('reports.range', { from: '2025-12-01', to: '2026-11-30' })
    await c.manager.ok('reports.export', { from: '2026-11-01', to: '2026-11-30', table: 'all' })
  },
  'follow-up calls and complaints (counter)': async (c) => {
    const { order: o } = await c.clerk.ok('intake.create', sampleIntake({ customer: { id: c.order.customerId, name: '张三', mobile: c.order.mobile, landline: '', address: '' } }))
    await walkOrder(c.tc.core.dataSource, o.id, 1)
    await c.clerk.ok('pickup.complete', { orderId: o.id, proof: { kind: 'code', value: o.claimCode }, tenders: [] })
    await c.clerk.ok('followups.list', {})
    await c.clerk.ok('followups.record', { orderId: o.id, outcome: 'noAnswer' })
    const call = await c.clerk.ok('followups.record', { orderId: o.id, outcome: 'reached', rating: 'dissatisfied', note: '收费高' })
    await c.clerk.ok('followups.forOrder', { orderId: o.id })
    await c.manager.ok('followups.rates', { month: '2026-11' })
    const k = await c.clerk.ok('complaints.create', { source: 'phone', category: 'fees', orderNo: o.orderNo, description: '收费高' })
    for (const input of [{}, { status: 'open' as const }, { overdue: true }, { beforeId: k.id }]) await c.clerk.ok('complaints.list', input)
    await c.clerk.ok('complaints.get', { complaintId: call.complaintId! })
    await c.clerk.ok('complaints.overdue', {})
    await c.manager.ok('complaints.take', { complaintId: k.id })
    await c.clerk.ok('complaints.respond', { complaintId: k.id, response: '已回复' })
  },
  'day close: status, float, cash move, close, unclosed, report, exports': async (c) => {
    // Yesterday (nothing after it is blocked): every statement of the close and the Z report runs.
    const day = '2026-11-22'
    await c.clerk.ok('dayclose.status', {})
    await c.clerk.call('dayclose.openFloat', { amountFen: 10000, note: '' })
    await c.clerk.ok('dayclose.cashMove', { kind: 'in', amountFen: 100, reason: '换零钱' })
    await c.manager.ok('dayclose.status', {})
    await c.manager.ok('dayclose.unclosed', {})
    await c.manager.ok('dayclose.close', { day, counts: [0, 0, 0, 0, 0, 0, 0, 0], counted: { wechat: 0, alipay: 0, card: 0, other: 0 }, note: '', approval: await closeApproval(c.manager) })
    await c.manager.ok('dayclose.report', { day })
    await c.manager.ok('dayclose.export', { day, format: 'csv' })
  },
  'global search, every kind of input': async (c) => {
    const o = c.order
    for (const query of [o.orderNo, o.claimCode, `RO|${o.orderNo}|${o.claimCode}`, o.mobile, o.mobile.slice(-4), o.mobile.slice(0, 5), o.serial, o.serial.slice(-6), '张三', '华为 Mate', 'SN12345ABC']) {
      await c.clerk.ok('search.global', { query })
    }
  }
}

function recordPrepared(db: Database): { sql: Set<string>; stop(): void } {
  const sql = new Set<string>()
  const original = db.prepare
  db.prepare = function (this: Database, source: string) {
    sql.add(source)
    return original.call(this, source)
  } as Database['prepare']
  return { sql, stop: () => void (db.prepare = original) }
}

/** Full scans of big tables (by name or alias) in a statement's plan. */
function fullScans(db: Database, sql: string): string[] {
  const aliases = new Map<string, string>()
  const named = new RegExp(`"?\\b(${BIG_TABLES.join('|')})\\b"?\\s+(?:AS\\s+)?"?(\\w+)"?`, 'gi')
  for (const m of sql.matchAll(named)) aliases.set(m[2], m[1])
  for (const t of BIG_TABLES) aliases.set(t, t)
  // Plans do not depend on the values; unbound parameters are bound as NULL.
  const names = [...sql.matchAll(/@(\w+)/g)].map((m) => m[1])
  const params = names.length ? [Object.fromEntries(names.map((n) => [n, null]))] : new Array((sql.match(/\?/g) ?? []).length).fill(null)
  const plan = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]
  // Almost every order of a five-year store is handed back: an equality on status = 'pickedUp' (or
  // 'void') through the status index walks them all. Such a statement must seek by something
  // selective (serial, returnedAt) and write `+w.status` so the planner cannot pick that index.
  const closedStatus = /\bstatus\s*=\s*'(pickedUp|void)'/.test(sql)
  const statusSeeks = closedStatus ? plan.filter((p) => /USING (COVERING )?INDEX IDX_work_order_status_promised \(status=/.test(p.detail)).map(() => 'work_order (by status)') : []
  // The timeline's (toStatus, at) index without a time range holds every order's step of five years:
  // a lookup for one order must seek (orderId, id) instead (write `+e.toStatus`).
  const stepSeeks = plan.filter((p) => /USING (COVERING )?INDEX IDX_order_event_to_status_at \(toStatus=\?\)$/.test(p.detail)).map(() => 'order_event (by toStatus, no time range)')
  return plan
    .map((p) => /^SCAN "?(\w+)"?/.exec(p.detail))
    .filter((m): m is RegExpExecArray => !!m && aliases.has(m[1]))
    .map((m) => aliases.get(m[1])!)
    .filter((table) => !BOUNDED_SCANS.some((b) => b.table === table && b.sql.test(sql.trim())))
    .concat(statusSeeks, stepSeeks)
}

describe('hot statements are index-backed', () => {
  let c: Ctx
  let db: Database
  const issued = new Map<string, Set<string>>()

  beforeAll(async () => {
    const tc = await startTestCore()
    const manager = await setUpStore(tc)
    const clerk = await userWithRole(tc, manager, 'counter')
    const { order } = await clerk.ok('intake.create', sampleIntake({ device: { category: 'phone', brand: '华为', model: 'Mate 60', serial: validImei('86012345678901'), colour: '' } }))
    c = {
      tc,
      clerk,
      manager,
      order: { id: order.id, orderNo: order.orderNo, claimCode: order.claimCode, serial: order.device.serial, customerId: order.customer.id, mobile: order.customer.mobile }
    }
    db = (tc.core.dataSource.driver as unknown as { databaseConnection: Database }).databaseConnection
    const rec = recordPrepared(db)
    try {
      for (const [name, run] of Object.entries(HOT_PATHS)) {
        rec.sql.clear()
        await run(c)
        issued.set(name, new Set(rec.sql))
      }
    } finally {
      rec.stop()
    }
  })
  afterAll(async () => {
    await c?.tc.close()
  })

  it.each(Object.keys(HOT_PATHS))('%s: no full scan of a big table', (name) => {
    const statements = [...issued.get(name)!].filter((s) => /^\s*(SELECT|UPDATE|DELETE|WITH)\b/i.test(s))
    const offenders = statements.map((sql) => ({ sql, scans: fullScans(db, sql) })).filter((o) => o.scans.length)
    expect(offenders).toEqual([])
  })

  it.each(Object.keys(HOT_QUERIES))('search statement %s uses an index', (name) => {
    expect(fullScans(db, HOT_QUERIES[name as keyof typeof HOT_QUERIES].sql)).toEqual([])
  })

  const WAREHOUSE_QUERIES: Record<string, { sql: string }> = { ...CATALOGUE_QUERIES, ...STOCK_CARD_QUERIES, ...REORDER_QUERIES, ...VALUATION_QUERIES }
  it.each(Object.keys(WAREHOUSE_QUERIES))('warehouse statement %s uses an index', (name) => {
    expect(fullScans(db, WAREHOUSE_QUERIES[name].sql)).toEqual([])
  })

  it('valuation reads stock_move only through index seeks', () => {
    for (const { sql } of Object.values(VALUATION_QUERIES)) {
      const plan = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...new Array((sql.match(/\?/g) ?? []).length).fill(null)) as { detail: string }[]
      const moves = plan.map((p) => p.detail).filter((d) => /\bm\b|stock_move/.test(d))
      expect(moves.length).toBeGreaterThan(0)
      for (const d of moves) expect(d).toMatch(/^SEARCH m USING (COVERING )?INDEX|^SEARCH m USING INTEGER PRIMARY KEY/)
    }
  })

  // Statements prepared once and reused (db/prepared.ts) are not prepared again while a path is
  // recorded above; every one the hot paths prepared is checked here.
  it('every reused prepared statement (db/prepared.ts) uses an index', () => {
    const statements = preparedSql(c.tc.core.dataSource).filter((s) => /^\s*(SELECT|UPDATE|DELETE|WITH)\b/i.test(s))
    expect(statements.length).toBeGreaterThan(5)
    expect(statements.map((sql) => ({ sql, scans: fullScans(db, sql) })).filter((o) => o.scans.length)).toEqual([])
  })

  it('the checker itself notices a full scan', () => {
    expect(fullScans(db, `SELECT id FROM work_order w WHERE instr(w.faultDescription, ?) > 0`)).toEqual(['work_order'])
    expect(fullScans(db, `SELECT * FROM "customer" "Customer" WHERE "Customer"."updatedAt" > ?`)).toEqual(['customer'])
  })
})
