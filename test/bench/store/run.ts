// The store-scale bench: every hot path through the same router the UI uses, next to hand-written
// better-sqlite3 statements doing the same work on the same file in the same run.
import Database from 'better-sqlite3'
import { contract } from '../../../src/shared/contract'
import { imeiCheckDigit } from '../../../src/shared/domain/imei'
import { localDate } from '../../../src/shared/domain/dates'
import { createCore, type Core } from '../../../src/main/core/create-core'
import type { BackupService } from '../../../src/main/backup/service'
import { openDatabase } from '../../../src/main/db/data-source'
import { checkDatabaseFile } from '../../../src/main/db/integrity'
import { sampleIntake } from '../../helpers/core'
import { startPrinterEmulator } from '../../helpers/printer-emulator'
import { fileSize, storeCopy } from './cache'
import { BENCH_NOW, PIN, TIME_ZONE, USERS } from './generate'
import { figure, time, type Figure, type Timing } from './measure'
import { measureWarehouse } from './warehouse-bench'
import { measureRepairs } from './repairs-bench'
import { measureManager } from './manager-bench'

export interface BenchOptions {
  scale: number
  /** How many intakes before RSS is read (1,000 on the full store). */
  intakes: number
  /** Per-path time budget in ms. */
  budgetMs: number
  log?: (s: string) => void
}

export interface BenchResult {
  figures: Figure[]
  extra: Record<string, number | string | boolean>
  /** What each lookup found, for the smoke test's sanity checks. */
  found: Record<string, boolean>
}

interface Sample {
  id: number
  orderNo: string
  claimCode: string
  serial: string
  brand: string
  model: string
  customerId: number
  name: string
  mobile: string
}

type Call = (channel: string, input: unknown) => Promise<unknown>

const hasChannel = (c: string) => Object.hasOwn(contract, c)

/** Ids of the orders a global lookup answered (the orders list's search before search.global existed). */
async function lookup(call: Call, query: string): Promise<number[]> {
  if (hasChannel('search.global')) {
    const r = (await call('search.global', { query })) as { hits: { id: number }[] }
    return r.hits.map((h) => h.id)
  }
  const r = (await call('orders.list', { query, limit: 50 })) as { id: number }[]
  return r.map((o) => o.id)
}

/** Hand-written reference statements: lean SQL, the indexes the paths should use. */
function rawStatements(db: Database.Database) {
  const has = (name: string) => !!db.prepare(`SELECT 1 FROM sqlite_master WHERE name = ?`).get(name)
  const fts = has('customer_fts') && has('work_order_fts')
  const summary = `SELECT w.id, w.orderNo, w.status, w.receivedAt, c.name AS customerName, c.mobile AS customerMobile,
      w.brand, w.model, w.serial, w.serviceType FROM work_order w JOIN customer c ON c.id = w.customerId`
  const grams = (q: string) =>
    q
      .split(/\s+/)
      .filter(Boolean)
      .flatMap((w) => {
        const ch = Array.from(w)
        return ch.length === 1 ? [ch[0]] : ch.slice(1).map((c, i) => ch[i] + c)
      })
      .map((g) => `"${g.replace(/"/g, '""')}"`)
      .join(' ')
  const s = {
    orderNo: db.prepare(`${summary} WHERE w.orderNo = ?`),
    claimCode: db.prepare(`${summary} WHERE w.claimCode = ? ORDER BY w.id DESC LIMIT 20`),
    ticket: db.prepare(`${summary} WHERE w.orderNo = ? AND w.claimCode = ?`),
    serial: db.prepare(`${summary} WHERE w.serial = ? ORDER BY w.id DESC LIMIT 20`),
    serialLast6: db.prepare(`${summary} WHERE substr(w.serial, -6) = ? ORDER BY w.id DESC LIMIT 20`),
    mobile: db.prepare(`${summary} WHERE w.customerId IN (SELECT id FROM customer WHERE mobile = ?) ORDER BY w.id DESC LIMIT 20`),
    mobileLast4: db.prepare(
      `${summary} WHERE w.customerId IN (SELECT id FROM customer WHERE substr(mobile, -4) = ? ORDER BY id DESC LIMIT 20) ORDER BY w.id DESC LIMIT 20`
    ),
    customersByPrefix: db.prepare(`SELECT id, name, mobile, landline, address FROM customer WHERE mobile >= ? AND mobile < ? ORDER BY mobile LIMIT 10`),
    customersByName: fts
      ? db.prepare(
          `SELECT c.id, c.name, c.mobile, c.landline, c.address FROM customer_fts f JOIN customer c ON c.id = f.rowid
           WHERE customer_fts MATCH ? AND instr(c.name, ?) > 0 ORDER BY f.rowid DESC LIMIT 10`
        )
      : db.prepare(`SELECT id, name, mobile, landline, address FROM customer WHERE ? <> '' AND instr(name, ?) > 0 ORDER BY id DESC LIMIT 10`),
    ordersByName: fts
      ? db.prepare(
          `${summary} WHERE w.customerId IN (SELECT f.rowid FROM customer_fts f JOIN customer c2 ON c2.id = f.rowid
             WHERE customer_fts MATCH ? AND instr(c2.name, ?) > 0 ORDER BY f.rowid DESC LIMIT 20) ORDER BY w.id DESC LIMIT 20`
        )
      : db.prepare(
          `${summary} WHERE w.customerId IN (SELECT id FROM customer WHERE ? <> '' AND instr(name, ?) > 0 ORDER BY id DESC LIMIT 20) ORDER BY w.id DESC LIMIT 20`
        ),
    device: fts
      ? db.prepare(
          `${summary} WHERE w.id IN (SELECT f.rowid FROM work_order_fts f WHERE work_order_fts MATCH ? ORDER BY f.rowid DESC LIMIT 200)
             AND instr(lower(w.brand || ' ' || w.model), lower(?)) > 0 ORDER BY w.id DESC LIMIT 20`
        )
      : db.prepare(`${summary} WHERE ? <> '' AND instr(lower(w.brand || ' ' || w.model), lower(?)) > 0 ORDER BY w.id DESC LIMIT 20`),
    listFirst: db.prepare(`${summary} ORDER BY w.id DESC LIMIT 50`),
    listAfter: db.prepare(`${summary} WHERE w.id < ? ORDER BY w.id DESC LIMIT 50`),
    customer: db.prepare(`SELECT id, name, mobile, landline, address FROM customer WHERE id = ?`),
    history: db.prepare(`${summary} WHERE w.customerId = ? ORDER BY w.receivedAt DESC, w.id DESC LIMIT 50`),
    order: db.prepare(
      `SELECT w.*, c.name, c.mobile, c.landline, c.address, t.displayName AS tech, u.displayName AS clerk FROM work_order w
       JOIN customer c ON c.id = w.customerId LEFT JOIN "user" t ON t.id = w.technicianId JOIN "user" u ON u.id = w.createdById WHERE w.id = ?`
    ),
    stays: db.prepare(`SELECT receivedAt, returnedAt FROM work_order WHERE serial = ? AND returnedAt IS NOT NULL`),
    technicians: db.prepare(`SELECT id, displayName FROM "user" WHERE role = 'technician' AND active = 1 ORDER BY displayName`),
    claimClash: db.prepare(`SELECT 1 FROM work_order WHERE claimCode = ? AND status NOT IN ('pickedUp', 'void') LIMIT 1`)
  }
  return { s, grams, fts }
}

export async function runStoreBench(opts: BenchOptions): Promise<BenchResult> {
  const log = opts.log ?? (() => undefined)
  const store = await storeCopy(opts.scale, log)
  log(`store: ${store.facts.orders} orders, ${store.facts.customers} customers (${store.facts.cached ? 'cached' : `generated in ${(store.facts.generateMs / 1000).toFixed(1)} s`})`)
  const figures: Figure[] = []
  const found: Record<string, boolean> = {}
  const printer = await startPrinterEmulator()
  let core: Core | null = null
  const raw = new Database(store.dbPath, { readonly: true })
  try {
    // Database open as createCore does it: the file check (header, quick_check, foreign keys) and
    // the migrations (none pending); and the open alone, without the page walks.
    const openOnce = async (check: boolean) => {
      if (check) {
        const ok = await checkDatabaseFile(store.dbPath)
        if (!ok.ok) throw new Error(`database check failed: ${ok.problem}`)
      }
      const ds = await openDatabase({ path: store.dbPath })
      await ds.destroy()
    }
    const open = await time(() => openOnce(true), { minRuns: 5, maxRuns: 15, budgetMs: opts.budgetMs, warmup: 1 })
    const openNoCheck = await time(() => openOnce(false), { minRuns: 5, maxRuns: 15, budgetMs: opts.budgetMs, warmup: 1 })
    const rawOpen = await time(
      () => {
        const db = new Database(store.dbPath, { readonly: true })
        db.prepare('SELECT name FROM migrations ORDER BY id').all()
        db.close()
      },
      { minRuns: 5, maxRuns: 30, budgetMs: 500 }
    )

    core = await createCore({
      userDataDir: store.dir,
      dbPath: store.dbPath,
      clock: () => new Date(BENCH_NOW),
      logError: (where, e) => log(`[${where}] ${String(e)}`),
      printQueue: { retryDelaysMs: [100, 200, 400], sendTimeoutMs: 2000, statusTtlMs: 60_000 },
      // A backup of the whole store would run under the timings; issue 9's backup timing is measured on its own.
      backupAtStart: false,
      // Closes are timed back to back; a backup is timed on its own (manager-bench.ts).
      backupAtDayClose: false
    })
    const c = core
    const session = (key: string): Call => async (channel, input) => {
      const r = await c.router.call({ sessionKey: key }, channel, input)
      if (!r.ok) throw new Error(`${channel} failed: ${JSON.stringify(r.error)}`)
      return r.value
    }
    const manager = session('bench-manager')
    await manager('auth.signIn', { username: USERS.manager.username, pin: USERS.manager.pin })
    await manager('settings.update', {
      printer: { enabled: true, interface: printer.url, widthMm: 80, type: 'epson', characterSet: 'GB18030', printDeviceTag: true }
    })
    // Let start-up work (queue recovery, the first document prune) finish before anything is timed.
    await c.printQueue.idle()
    const clerk = session('bench-clerk')
    await clerk('auth.signIn', { username: USERS.clerks[0], pin: PIN })

    const { s, grams, fts } = rawStatements(raw)
    const maxId = (raw.prepare('SELECT max(id) AS m FROM work_order').get() as { m: number }).m
    const picks = Array.from({ length: 40 }, (_, i) => 1 + Math.floor(((i * 7919 + 13) % 997) / 997 * (maxId - 1)))
    const samples = raw
      .prepare(
        `SELECT w.id, w.orderNo, w.claimCode, w.serial, w.brand, w.model, w.customerId, c.name, c.mobile FROM work_order w
         JOIN customer c ON c.id = w.customerId WHERE w.id IN (${picks.join(',')}) AND w.category = 'phone'`
      )
      .all() as Sample[]
    const at = (i: number) => samples[((i % samples.length) + samples.length) % samples.length]
    const floorRouter = await time(() => clerk('intake.technicians', {}), { budgetMs: opts.budgetMs, maxRuns: 2000, minRuns: 50 })
    const floorRaw = await time(() => s.technicians.all(), { budgetMs: 300, maxRuns: 2000, minRuns: 50 })
    const floor = floorRouter.p95
    figures.push(figure('router.floor', 'router floor (4 technicians)', floorRouter, floorRaw, 0.2, 0))

    const budget = { budgetMs: opts.budgetMs, minRuns: 5, maxRuns: 300 }
    const rawBudget = { budgetMs: Math.min(opts.budgetMs, 1000), minRuns: 5, maxRuns: 300 }
    const measure = async (name: string, label: string, target: number | null, viaRouter: (i: number) => Promise<unknown>, viaRaw: ((i: number) => unknown) | null, note?: string) => {
      log(`  ${label}`)
      const r = await time(viaRouter, budget)
      const h = viaRaw ? await time(viaRaw, rawBudget) : null
      figures.push(figure(name, label, r, h, target, floor, note))
    }
    const lookupCase = async (name: string, label: string, query: (x: Sample) => string, rawFn: (x: Sample) => unknown, listsNewest = false) => {
      // Found = the sample's own order is among the answers; for lookups that list the newest 20 of
      // many (a popular model, a common last 4), that something was listed.
      let hits = 0
      for (const x of samples.slice(0, 12)) {
        const ids = await lookup(clerk, query(x))
        if (listsNewest ? ids.length > 0 : ids.includes(x.id)) hits++
      }
      found[name] = hits === Math.min(12, samples.length)
      await measure(name, label, 5, (i) => lookup(clerk, query(at(i))), (i) => rawFn(at(i)), `found ${hits}/${Math.min(12, samples.length)}`)
    }
    const upper = (p: string) => p.slice(0, -1) + String.fromCharCode(p.charCodeAt(p.length - 1) + 1)

    await lookupCase('lookup.orderNo', 'lookup: order number', (x) => x.orderNo, (x) => s.orderNo.all(x.orderNo))
    await lookupCase('lookup.claimCode', 'lookup: claim code', (x) => x.claimCode, (x) => s.claimCode.all(x.claimCode))
    await lookupCase('lookup.ticket', 'lookup: scanned ticket text', (x) => `RO|${x.orderNo}|${x.claimCode}`, (x) => s.ticket.all(x.orderNo, x.claimCode))
    await lookupCase('lookup.imei', 'lookup: IMEI (15 digits)', (x) => x.serial, (x) => s.serial.all(x.serial))
    await lookupCase('lookup.imeiLast6', 'lookup: IMEI last 6', (x) => x.serial.slice(-6), (x) => s.serialLast6.all(x.serial.slice(-6)))
    await lookupCase('lookup.mobile', 'lookup: mobile (11 digits)', (x) => x.mobile, (x) => s.mobile.all(x.mobile))
    await lookupCase('lookup.mobileLast4', 'lookup: mobile last 4', (x) => x.mobile.slice(-4), (x) => s.mobileLast4.all(x.mobile.slice(-4)), true)
    await lookupCase('lookup.mobileVariant', 'lookup: +86 / spaced / full-width mobile', (x) => `+86 ${x.mobile.slice(0, 3)} ${x.mobile.slice(3, 7)} ${x.mobile.slice(7)}`.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))), (x) => s.mobile.all(x.mobile))
    await lookupCase('lookup.name', 'lookup: customer name', (x) => x.name, (x) => s.ordersByName.all(fts ? grams(x.name) : x.name, x.name))
    await lookupCase('lookup.brandModel', 'lookup: brand + model', (x) => `${x.brand} ${x.model}`, (x) => s.device.all(fts ? grams(`${x.brand} ${x.model}`) : 'x', `${x.brand} ${x.model}`), true)

    for (const len of [4, 7, 11]) {
      await measure(
        `customers.mobile${len}`,
        `customers.search: mobile prefix ${len}`,
        5,
        (i) => clerk('customers.search', { query: at(i).mobile.slice(0, len) }),
        (i) => s.customersByPrefix.all(at(i).mobile.slice(0, len), upper(at(i).mobile.slice(0, len)))
      )
    }
    await measure(
      'customers.name',
      'customers.search: name',
      5,
      (i) => clerk('customers.search', { query: at(i).name }),
      (i) => s.customersByName.all(fts ? grams(at(i).name) : at(i).name, at(i).name)
    )
    await measure('customers.history', 'customers.history', 5, (i) => clerk('customers.history', { customerId: at(i).customerId }), (i) => {
      s.customer.get(at(i).customerId)
      return s.history.all(at(i).customerId)
    })
    const pageInput = (before: number | null) => (hasChannel('orders.page') ? { query: '', before, limit: 50 } : { query: '', limit: 50 })
    const pageChannel = hasChannel('orders.page') ? 'orders.page' : 'orders.list'
    await measure('orders.listFirst', 'orders list: first page', 10, () => clerk(pageChannel, pageInput(null)), () => s.listFirst.all())
    const deep = Math.max(2, Math.floor(maxId * 0.1))
    await measure(
      'orders.listDeep',
      hasChannel('orders.page') ? 'orders list: deep page (keyset)' : 'orders list: deep page (n/a: first page only)',
      10,
      () => clerk(pageChannel, pageInput(deep)),
      () => s.listAfter.all(deep)
    )
    await measure('orders.get', 'open an order (orders.get)', 2, (i) => clerk('orders.get', { orderId: at(i).id }), (i) => s.order.get(at(i).id))
    await measure(
      'intake.checkWarranty',
      'warranty check (serial with history)',
      5,
      (i) =>
        clerk('intake.checkWarranty', {
          category: 'phone',
          component: 'main',
          serial: at(i).serial,
          invoiceDate: '2026-06-01',
          condition: { screenCracked: false, scratchesDents: false, waterDamage: false, sealsIntact: true, powersOn: true, other: '' }
        }),
      (i) => s.stays.all(at(i).serial)
    )

    // The warehouse: parts search and scan, stock card, valuation, issues against requisitions.
    const storekeeper = session('bench-storekeeper')
    await storekeeper('auth.signIn', { username: USERS.warehouse[0], pin: PIN })
    const technician = session('bench-technician')
    await technician('auth.signIn', { username: USERS.technicians[0], pin: PIN })
    const warehouse = await measureWarehouse({
      raw,
      dbPath: store.dbPath,
      counter: clerk,
      storekeeper,
      technician,
      today: localDate(new Date(BENCH_NOW), TIME_ZONE),
      budgetMs: opts.budgetMs,
      floor,
      figures,
      found,
      log
    })

    // The bench's queue and the counter's pickup: find the order, settle, hand back, receipt bytes.
    const technicianId = (raw.prepare(`SELECT id FROM "user" WHERE username = ?`).pluck().get(USERS.technicians[0]) as number)
    await measureRepairs({
      raw,
      dbPath: store.dbPath,
      counter: clerk,
      technician,
      technicianId,
      today: localDate(new Date(BENCH_NOW), TIME_ZONE),
      budgetMs: opts.budgetMs,
      floor,
      figures,
      found,
      log
    })

    // The manager: dashboard, a month report, the follow-up call list.
    const { backups } = (c.router as unknown as { deps: { services: { backups: BackupService } } }).deps.services
    await measureManager({ raw, manager, counter: clerk, today: localDate(new Date(BENCH_NOW), TIME_ZONE), budgetMs: opts.budgetMs, floor, figures, found, log, backups })

    // Intake saves: a fresh IMEI each time (no "open order for this IMEI" warning), out of warranty and paid.
    let seq = 0
    const freshImei = () => {
      const body = `86999${String(++seq).padStart(9, '0')}`
      return body + imeiCheckDigit(body)
    }
    const intake = (customer: Record<string, unknown>) =>
      sampleIntake({
        customer: { landline: '', address: '', ...customer },
        device: { category: 'phone', brand: '华为', model: 'Mate 60', serial: freshImei(), colour: '黑色' },
        purchase: { invoiceDate: null, invoiceNo: '' },
        service: { type: 'paid', estimateFen: 8000, depositFen: 0, depositMethod: null, promisedDate: '2026-11-30', technicianId: null }
      })
    const save = async (input: unknown) => {
      await clerk('intake.create', input)
      await c.printQueue.idle()
    }
    const saveOnly = async (input: unknown) => {
      const t0 = performance.now()
      await clerk('intake.create', input)
      const took = performance.now() - t0
      await c.printQueue.idle()
      return took
    }
    const intakeTiming = async (make: (i: number) => unknown): Promise<Timing> => {
      const samplesMs: number[] = []
      const until = performance.now() + opts.budgetMs
      for (let i = 0; i < 200 && (i < 5 || performance.now() < until); i++) samplesMs.push(await saveOnly(make(i)))
      samplesMs.sort((a, b) => a - b)
      return { runs: samplesMs.length, p50: samplesMs[Math.floor(samplesMs.length / 2)], p95: samplesMs[Math.min(samplesMs.length - 1, Math.floor(samplesMs.length * 0.95))] }
    }
    await save(intake({ name: '预热', mobile: '13000000000' }))
    let newSeq = 0
    log('  intake.create new / returning')
    const rawIntake = await rawIntakeTiming(store.dbPath, opts.budgetMs)
    figures.push(
      figure('intake.new', 'intake save: new customer (+ 2 print jobs)', await intakeTiming(() => intake({ name: '新客户', mobile: `1470000${String(++newSeq).padStart(4, '0')}` })), rawIntake, 20, floor)
    )
    figures.push(
      figure('intake.returning', 'intake save: returning customer (+ 2 print jobs)', await intakeTiming((i) => intake({ id: at(i).customerId, name: at(i).name, mobile: at(i).mobile })), rawIntake, 20, floor)
    )
    figures.push(figure('db.open', 'database open (file check + migrations)', open, rawOpen, 300, 0))
    figures.push(figure('db.openNoCheck', 'database open (migrations only, no page walk)', openNoCheck, rawOpen, 300, 0))

    // Memory: RSS after 1,000 intakes (the print queue sends every ticket to the emulator).
    const done = figures.find((f) => f.name === 'intake.new')!.router.runs + figures.find((f) => f.name === 'intake.returning')!.router.runs + 1
    for (let i = done; i < opts.intakes; i++) await save(intake({ name: '内存测试', mobile: `1480000${String(i).padStart(4, '0')}` }))
    const rssMb = process.memoryUsage().rss / 1024 / 1024
    await c.printQueue.idle()
    raw.close()
    // The app's own orders (the hand-written intakes use their own number period, RAWB; the ready
    // orders a small store is topped up with for the hand-back timings, 9912).
    const orders = (await c.dataSource.query(`SELECT count(*) AS n FROM work_order WHERE orderNo NOT LIKE 'RAWB-%' AND orderNo NOT LIKE '9912-%'`))[0].n as number
    const [month] = await c.dataSource.query(
      `SELECT (SELECT lastSerial FROM order_sequence WHERE period = '2611') AS issued, count(*) AS n,
         max(CAST(substr(orderNo, 6) AS INTEGER)) AS top FROM work_order WHERE orderNo LIKE '2611-%'`
    )
    await c.close()
    core = null
    const bytes = fileSize(store.dbPath)
    return {
      figures,
      found,
      extra: {
        scale: opts.scale,
        orders,
        customers: store.facts.customers,
        payments: store.facts.payments,
        printJobs: store.facts.printJobs,
        generateMs: store.facts.generateMs,
        parts: warehouse.parts,
        ledgerRows: warehouse.ledgerRows,
        ledgerMatchesBalances: warehouse.ledgerMatchesBalances,
        requisitions: store.facts.warehouse.requisitions,
        warehouseGenerateMs: store.facts.warehouse.warehouseMs,
        cached: store.facts.cached,
        dbBytes: bytes,
        bytesPerOrder: Math.round(bytes / orders),
        intakes: Math.max(done, opts.intakes),
        numberingGapFree: month.issued === month.n && month.top === month.n,
        rssMbAfterIntakes: Math.round(rssMb)
      }
    }
  } finally {
    if (raw.open) raw.close()
    if (core) await core.close()
    await printer.close()
    store.cleanup()
  }
}

/**
 * The hand-written intake: the same rows (customer, number, order, audit, two print jobs) with
 * prepared statements in one committed transaction (its own number period, so the app's numbering
 * stays gap-free).
 */
function rawIntakeTiming(dbPath: string, budgetMs: number): Promise<Timing> {
  const db = new Database(dbPath)
  db.pragma('synchronous = FULL')
  const insCustomer = db.prepare(`INSERT INTO customer (name, mobile, landline, address, createdAt, updatedAt) VALUES (?, ?, '', '', ?, ?)`)
  const seqUp = db.prepare(`INSERT INTO order_sequence (period, lastSerial) VALUES ('RAWB', coalesce((SELECT lastSerial FROM order_sequence WHERE period = 'RAWB'), 0) + 1)
    ON CONFLICT(period) DO UPDATE SET lastSerial = excluded.lastSerial RETURNING lastSerial`)
  const clash = db.prepare(`SELECT 1 FROM work_order WHERE claimCode = ? AND status NOT IN ('pickedUp', 'void') LIMIT 1`)
  const stays = db.prepare(`SELECT receivedAt, returnedAt FROM work_order WHERE serial = ? AND returnedAt IS NOT NULL`)
  const insOrder = db.prepare(`INSERT INTO work_order (orderNo, claimCode, status, receivedAt, customerId, category, brand, model, serial, faultDescription,
      faultCodes, condition, accessories, warrantyVerdict, inWarranty, serviceType, estimateFen, promisedDate, createdById)
    VALUES (?, ?, 'received', ?, ?, 'phone', '华为', 'Mate 60', ?, '屏幕闪烁', '[]', '{}', '[]', '{}', 0, 'paid', 8000, '2026-11-30', 1)`)
  const insAudit = db.prepare(`INSERT INTO audit_log (at, userId, action, entity, entityId, detail) VALUES (?, 1, 'intake.create', 'work_order', ?, '{}')`)
  const doc = JSON.stringify({ lines: Array.from({ length: 40 }, (_, i) => ({ text: `第${i}行 ticket line` })) })
  const insJob = db.prepare(`INSERT INTO print_job (orderId, kind, status, document, createdAt) VALUES (?, ?, 'done', ?, ?)`)
  let n = 0
  const once = db.transaction(() => {
    n++
    const at = new Date().toISOString()
    const cust = insCustomer.run('原始', `1460000${String(n).padStart(4, '0')}`, at, at).lastInsertRowid
    const serialNo = (seqUp.get() as { lastSerial: number }).lastSerial
    clash.get(`RAW${String(n).padStart(3, '0')}`)
    stays.all(`86999000000${n}`)
    const id = insOrder.run(`RAWB-${serialNo}`, `RAW${n}`, at, cust, `86999000000${n}`).lastInsertRowid
    insAudit.run(at, id)
    for (const kind of ['claimTicket', 'deviceTag']) insJob.run(id, kind, doc, at)
  })
  return time(
    () => once(),
    { budgetMs: Math.min(budgetMs, 1500), minRuns: 5, maxRuns: 200 }
  ).finally(() => db.close())
}
