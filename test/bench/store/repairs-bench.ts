// The repair bench and the counter's pickup on the five-year store (issue 8): the technician queue
// p95 < 20 ms; finding the order (scanned ticket, claim code, mobile, order number) p95 < 5 ms; the
// hand-back itself — settlement, payments, status, pickup record, print jobs and the receipt's
// ESC/POS bytes — p95 < 20 ms. Each through the router, next to hand-written better-sqlite3 doing
// the same work on the same file in the same run.
import Database from 'better-sqlite3'
import { settle } from '../../../src/shared/domain/settlement'
import { renderEscPos } from '../../../src/main/printing/escpos'
import type { ReceiptDoc } from '../../../src/shared/receipt/layout'
import { PICKUP_QUERIES } from '../../../src/main/pickup/find'
import { QUEUE_QUERIES } from '../../../src/main/repairs/queue'
import { overdueReceivedBefore } from '../../../src/shared/domain/orders'
import { TIME_ZONE } from './generate'
import { figure, time, type Figure } from './measure'

type Call = (channel: string, input: unknown) => Promise<unknown>

export interface RepairsBenchInput {
  raw: Database.Database
  dbPath: string
  counter: Call
  technician: Call
  technicianId: number
  today: string
  budgetMs: number
  floor: number
  figures: Figure[]
  found: Record<string, boolean>
  log: (s: string) => void
}

interface Ready {
  id: number
  orderNo: string
  claimCode: string
  mobile: string
}

const PRINTER = { widthMm: 80 as const, type: 'epson' as const, characterSet: 'GB18030' as const }

const ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679'

/**
 * Orders that can be handed back, one per timed hand-back (each is handed back once). A full store
 * holds several hundred ready; a small one (the smoke test's) gets paid orders added here as copies
 * of a handed-back one, outside the timings: the generator's shortcut, not a path the app takes.
 */
function readyOrders(dbPath: string, want: number): Ready[] {
  const db = new Database(dbPath)
  const sql = `SELECT w.id, w.orderNo, w.claimCode, c.mobile FROM work_order w JOIN customer c ON c.id = w.customerId
    WHERE w.status = 'ready' AND NOT (w.imeiUnreadable = 1 AND w.serial = '') ORDER BY w.id LIMIT ?`
  let rows = db.prepare(sql).all(want) as Ready[]
  if (rows.length < want) {
    const template = db.prepare(`SELECT max(id) FROM work_order WHERE status = 'pickedUp'`).pluck().get() as number
    const customers = db.prepare(`SELECT id FROM customer ORDER BY id DESC LIMIT ?`).pluck().all(want) as number[]
    const codeInUse = db.prepare(`SELECT 1 FROM work_order WHERE claimCode = ?`)
    const copy = db.prepare(`INSERT INTO work_order (orderNo, claimCode, status, receivedAt, returnedAt, customerId, category, brand, model, serial, colour,
        invoiceDate, invoiceNo, faultDescription, faultCodes, condition, accessories, accessoriesOther, warrantyVerdict, inWarranty, serviceType,
        estimateFen, depositFen, depositMethod, promisedDate, technicianId, createdById)
      SELECT ?, ?, 'ready', receivedAt, NULL, ?, category, brand, model, serial, colour, invoiceDate, invoiceNo, faultDescription, faultCodes, condition,
        accessories, accessoriesOther, warrantyVerdict, 0, 'paid', 8000, 0, NULL, promisedDate, technicianId, createdById FROM work_order WHERE id = ?`)
    const labour = db.prepare(`INSERT INTO repair_charge (orderId, kind, description, minutes, amountFen, createdAt, userId) VALUES (?, 'labour', '更换屏幕', 40, 8000, ?, 1)`)
    db.transaction(() => {
      for (let n = rows.length, seed = 7; n < want; n++) {
        let code = ''
        do {
          code = ''
          for (let k = 0; k < 6; k++) code += ALPHABET[(seed = (seed * 48271) % 2147483647) % ALPHABET.length]
        } while (codeInUse.get(code))
        const id = copy.run(`9912-${String(n + 1).padStart(4, '0')}`, code, customers[n % customers.length], template).lastInsertRowid
        labour.run(id, new Date().toISOString())
      }
    })()
    rows = db.prepare(sql).all(want) as Ready[]
  }
  db.close()
  return rows
}

export async function measureRepairs(b: RepairsBenchInput): Promise<void> {
  const { raw, counter, figures, found, log } = b
  const budget = { budgetMs: b.budgetMs, minRuns: 5, maxRuns: 300 }
  const rawBudget = { budgetMs: Math.min(b.budgetMs, 1000), minRuns: 5, maxRuns: 300 }

  // The technician queue: the shop's (every open order) and one technician's own.
  const cutoff = overdueReceivedBefore(b.today, TIME_ZONE)
  const shop = raw.prepare(QUEUE_QUERIES.shop)
  const mine = raw.prepare(QUEUE_QUERIES.technician)
  // The technician with the most open orders (a small store may leave one with none).
  const busiest = (raw
    .prepare(`SELECT technicianId FROM work_order WHERE status IN ('received', 'diagnosing', 'repairing') AND technicianId IS NOT NULL GROUP BY technicianId ORDER BY count(*) DESC LIMIT 1`)
    .pluck()
    .get() as number | undefined) ?? b.technicianId
  const queueCases: [string, string, unknown, () => unknown][] = [
    ['repairs.queueShop', 'technician queue: the shop (100 rows)', { scope: 'shop', limit: 100 }, () => shop.all(b.today, cutoff, 101)],
    ['repairs.queueTechnician', 'technician queue: one technician', { scope: 'shop', technicianId: busiest, limit: 100 }, () => mine.all(b.today, cutoff, busiest, 101)]
  ]
  for (const [name, label, input, viaRaw] of queueCases) {
    const first = (await b.technician('repairs.queue', input)) as { rows: unknown[] }
    found[name] = first.rows.length > 0
    log(`  ${label}`)
    const router = await time(() => b.technician('repairs.queue', input), budget)
    figures.push(figure(name, label, router, await time(viaRaw, rawBudget), 20, b.floor, `${first.rows.length} rows`))
  }
  // Lookups, then hand-backs through the router, then as many by hand.
  const ready = readyOrders(b.dbPath, Math.max(60, Math.min(620, Math.round(b.budgetMs / 4))))
  const lookups = ready.slice(0, 40)
  const at = (i: number) => lookups[((i % lookups.length) + lookups.length) % lookups.length]
  const q = {
    byOrderNo: raw.prepare(PICKUP_QUERIES.byOrderNo),
    byClaimCode: raw.prepare(PICKUP_QUERIES.byClaimCode),
    byMobileInShop: raw.prepare(PICKUP_QUERIES.byMobileInShop)
  }
  const cases: [string, string, (x: Ready) => string, (x: Ready) => unknown][] = [
    ['pickup.find.ticket', 'pickup find: scanned claim ticket', (x) => `RO|${x.orderNo}|${x.claimCode}`, (x) => q.byOrderNo.all(x.orderNo)],
    ['pickup.find.claimCode', 'pickup find: claim code', (x) => x.claimCode, (x) => q.byClaimCode.all(x.claimCode)],
    ['pickup.find.mobile', 'pickup find: mobile', (x) => x.mobile, (x) => q.byMobileInShop.all(x.mobile)],
    ['pickup.find.orderNo', 'pickup find: order number', (x) => x.orderNo, (x) => q.byOrderNo.all(x.orderNo)]
  ]
  for (const [name, label, query, viaRaw] of cases) {
    let hits = 0
    for (const x of lookups.slice(0, 12)) {
      const r = (await counter('pickup.find', { query: query(x) })) as { candidates: { id: number }[] }
      if (r.candidates.some((c) => c.id === x.id)) hits++
    }
    found[name] = hits === Math.min(12, lookups.length)
    log(`  ${label}`)
    const router = await time((i) => counter('pickup.find', { query: query(at(i)) }), budget)
    const h = await time((i) => viaRaw(at(i)), rawBudget)
    figures.push(figure(name, label, router, h, 5, b.floor, `found ${hits}/${Math.min(12, lookups.length)}`))
  }

  // The hand-back: quote (what the screen shows) + complete, paid in cash to the fen, and the
  // receipt rendered to the printer's bytes. Each run hands back a different order.
  let next = 0
  let lastReceipt: ReceiptDoc | null = null
  const handBack = async () => {
    const x = ready[next++ % ready.length]
    const quote = (await counter('pickup.quote', { orderId: x.id })) as { totals: { balanceFen: number } }
    const owed = quote.totals.balanceFen
    const done = (await counter('pickup.complete', {
      orderId: x.id,
      proof: { kind: 'code', value: x.claimCode },
      tenders: owed > 0 ? [{ method: 'cash', amountFen: owed }] : []
    })) as { receipt: ReceiptDoc }
    lastReceipt = done.receipt
    return renderEscPos(done.receipt, PRINTER).length
  }
  log('  pickup settlement (quote + hand-back + receipt bytes)')
  const handBacks = Math.floor(ready.length / 2)
  const firstBytes = await handBack()
  found['pickup.complete'] = firstBytes > 200
  const router = await time(() => handBack(), { ...budget, maxRuns: handBacks - 4, warmup: 2 })
  const rawTiming = await rawHandBack(b.dbPath, ready.slice(handBacks), lastReceipt!, rawBudget)
  figures.push(figure('pickup.complete', 'pickup settlement incl. receipt bytes', router, rawTiming, 20, b.floor, `receipt ${firstBytes} bytes`))
}

/**
 * The same hand-back by hand: read the charges and the money held, settle, write the payment,
 * status, timeline, return time, pickup record, drawer kick and receipt job in one transaction, and
 * render the receipt bytes (the router's last receipt: a document of the same size).
 */
async function rawHandBack(dbPath: string, orders: Ready[], doc: ReceiptDoc, opts: { budgetMs: number; minRuns: number; maxRuns: number }) {
  const db = new Database(dbPath)
  db.pragma('synchronous = FULL')
  const charges = db.prepare(`SELECT kind, amountFen, warrantyFree FROM repair_charge WHERE orderId = ? ORDER BY id`)
  const order = db.prepare(`SELECT status, serviceType, claimCode FROM work_order WHERE id = ?`)
  const held = db.prepare(`SELECT COALESCE(SUM(amountFen), 0) AS held FROM payment WHERE orderId = ? AND loanId IS NULL`).pluck()
  const loaner = db.prepare(`SELECT 1 FROM loaner_loan WHERE orderId = ? AND returnedAt IS NULL`)
  const pay = db.prepare(`INSERT INTO payment (orderId, kind, method, amountFen, receivedAt, userId) VALUES (?, 'payment', 'cash', ?, ?, 1)`)
  const status = db.prepare(`UPDATE work_order SET status = 'pickedUp', returnedAt = ? WHERE id = ? AND status = 'ready'`)
  const event = db.prepare(`INSERT INTO order_event (orderId, at, userId, kind, fromStatus, toStatus, note, detail) VALUES (?, ?, 1, 'status', 'ready', 'pickedUp', '', '{}')`)
  const pickup = db.prepare(`INSERT INTO pickup (orderId, at, userId, fromStatus, proofKind, lines, heldFen, dueFen, tenders) VALUES (?, ?, 1, 'ready', 'code', ?, ?, ?, '[]')`)
  const audit = db.prepare(`INSERT INTO audit_log (at, userId, action, entity, entityId, detail) VALUES (?, 1, 'pickup.complete', 'work_order', ?, '{}')`)
  const job = db.prepare(`INSERT INTO print_job (orderId, kind, status, document, createdAt) VALUES (?, ?, 'done', ?, ?)`)
  let n = 0
  const once = db.transaction((x: Ready) => {
    const at = new Date().toISOString()
    const o = order.get(x.id) as { status: string; serviceType: string }
    loaner.get(x.id)
    const lines = (charges.all(x.id) as { kind: 'labour' | 'other'; amountFen: number; warrantyFree: number }[]).map((c) => ({
      kind: c.kind,
      amountFen: c.amountFen,
      warrantyFree: o.serviceType === 'warranty' || c.warrantyFree === 1
    }))
    const heldFen = held.get(x.id) as number
    const s = settle({ lines, heldFen, tenders: [] })
    const owed = s.ok ? s.value.balanceFen : 0
    if (owed > 0) pay.run(x.id, owed, at)
    status.run(at, x.id)
    event.run(x.id, at)
    pickup.run(x.id, at, JSON.stringify(lines), heldFen, Math.max(owed, 0))
    audit.run(at, x.id)
    job.run(x.id, 'drawerKick', '{}', at)
    job.run(x.id, 'finalReceipt', JSON.stringify(doc), at)
  })
  try {
    return await time(() => {
      once(orders[n++ % orders.length])
      return renderEscPos(doc, PRINTER).length
    }, { ...opts, maxRuns: Math.min(opts.maxRuns, orders.length - 4) })
  } finally {
    db.close()
  }
}
