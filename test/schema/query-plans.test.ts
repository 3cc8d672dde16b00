// Every statement the app issues on a hot path must be index-backed: the paths below run through
// the real router while every SQL text prepared on the connection is recorded (statements are
// cached, so each is attributed to the first path that issued it), then EXPLAIN QUERY
// PLAN of each must show no full scan of a big table. A later domain adds its hot path to
// HOT_PATHS (and, rarely, a justified bounded scan to BOUNDED_SCANS); a new query without an index
// then fails here instead of on a five-year store.
import type { Database } from 'better-sqlite3'
import { HOT_QUERIES } from '../../src/main/search/search-service'
import { preparedSql } from '../../src/main/db/prepared'
import { sampleIntake, setUpStore, startTestCore, userWithRole, validImei, type Caller, type TestCore } from '../helpers/core'

/** Tables that grow without bound in a busy shop. */
const BIG_TABLES = ['work_order', 'customer', 'payment', 'print_job', 'audit_log']

/** Scans that are bounded by design, with the reason. Keep this list short. */
const BOUNDED_SCANS: { sql: RegExp; table: string; why: string }[] = [
  { sql: /ORDER BY w\.id DESC LIMIT \?$/, table: 'work_order', why: 'the newest page walks the rowid backwards and stops at LIMIT' }
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
  const params = new Array((sql.match(/\?/g) ?? []).length).fill(null)
  const plan = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]
  return plan
    .map((p) => /^SCAN "?(\w+)"?/.exec(p.detail))
    .filter((m): m is RegExpExecArray => !!m && aliases.has(m[1]))
    .map((m) => aliases.get(m[1])!)
    .filter((table) => !BOUNDED_SCANS.some((b) => b.table === table && b.sql.test(sql.trim())))
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
