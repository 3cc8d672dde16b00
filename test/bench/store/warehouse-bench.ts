// The warehouse's hot paths on the five-year store (20,000 parts, 2,000,000 ledger rows at full
// scale): each through the router the UI uses, next to hand-written better-sqlite3 doing the same
// work on the same file in the same run. Targets from issue 7: search by text or barcode < 5 ms,
// an issue against a requisition < 10 ms, a stock card's first page < 20 ms, valuation < 1 s.
import Database from 'better-sqlite3'
import { figure, time, type Figure } from './measure'

type Call = (channel: string, input: unknown) => Promise<unknown>

export interface WarehouseBenchInput {
  raw: Database.Database
  dbPath: string
  /** Signed-in sessions: counter clerk (looks parts up), storekeeper (issues, valuation), technician (asks for parts). */
  counter: Call
  storekeeper: Call
  technician: Call
  /** Store-local date of the bench's "now". */
  today: string
  budgetMs: number
  floor: number
  figures: Figure[]
  found: Record<string, boolean>
  log: (s: string) => void
}

interface PartSample {
  id: number
  sku: string
  name: string
  barcode: string
}

interface Hit {
  id: number
}

const PAGE = 50
const HIT = `SELECT p.id, p.sku, p.name, p.spec, p.models, p.unit, p.barcode, p.bin, p.minStock, p.salePriceFen, p.avgCostFen, p.active, p.createdAt, p.updatedAt,
    coalesce((SELECT qty FROM stock_balance WHERE partId = p.id AND location = 'main'), 0) AS mainQty,
    coalesce((SELECT qty FROM stock_balance WHERE partId = p.id AND location = 'quarantine'), 0) AS quarantineQty
  FROM part p`
const words = (text: string) => text.toLowerCase().split(/[\s\p{P}\p{S}]+/u).filter(Boolean)
/** FTS5 bigram query of the words (as part_fts indexes them). */
const grams = (text: string) =>
  [
    ...new Set(
      words(text).flatMap((w) => {
        const ch = Array.from(w)
        return ch.length === 1 ? ch : ch.slice(1).map((c, i) => ch[i] + c)
      })
    )
  ]
    .map((g) => `"${g.replace(/"/g, '""')}"`)
    .join(' ')

/** What a clerk types for a part: its name's first words (the model and the kind of part). */
export function typedQuery(name: string, i: number): string {
  const w = name.replace(/[()]/g, ' ').split(/\s+/).filter((x) => x && x.toLowerCase() !== 'for')
  // Every fourth query is broad (just the model, or just the kind of part): a full page of hits.
  if (i % 4 === 3) return w.slice(0, Math.max(1, w.length - 2)).join(' ')
  return w.slice(0, 4).join(' ')
}

/** Hand-written statements: lean SQL on the indexes the paths should use. */
function rawStatements(db: Database.Database) {
  const s = {
    byBarcode: db.prepare(`${HIT} WHERE p.barcode = ? AND p.barcode <> ''`),
    bySkuPrefix: db.prepare(`${HIT} WHERE p.sku >= ? AND p.sku < ? AND p.active = 1 ORDER BY p.sku LIMIT ${PAGE}`),
    ftsHits: db.prepare(`${HIT} JOIN part_fts f ON f.rowid = p.id WHERE part_fts MATCH ? AND p.active = 1 ORDER BY f.rowid LIMIT 200`),
    part: db.prepare(`SELECT * FROM part WHERE id = ?`),
    balances: db.prepare(`SELECT location, qty FROM stock_balance WHERE partId = ?`),
    card: db.prepare(
      `SELECT m.*, u.displayName AS userName FROM stock_move m LEFT JOIN "user" u ON u.id = m.userId
       WHERE m.partId = ? AND m.location = 'main' ORDER BY m.id DESC LIMIT ${PAGE + 1}`
    ),
    at: db.prepare(`SELECT at FROM stock_move WHERE id = ?`).pluck(),
    maxId: db.prepare(`SELECT max(id) FROM stock_move`).pluck(),
    // Per part: the balance of each location and the moving-average cost at the cut (ids follow time).
    valueAt: db.prepare(
      `SELECT p.id, p.sku, p.name, p.unit,
         coalesce((SELECT balanceAfter FROM stock_move WHERE partId = p.id AND location = 'main' AND id <= @cut ORDER BY id DESC LIMIT 1), 0) AS mainQty,
         coalesce((SELECT balanceAfter FROM stock_move WHERE partId = p.id AND location = 'quarantine' AND id <= @cut ORDER BY id DESC LIMIT 1), 0) AS quarantineQty,
         (SELECT avgCostAfter FROM stock_move WHERE partId = p.id AND at < @end ORDER BY at DESC, id DESC LIMIT 1) AS avgCostFen
       FROM part p`
    )
  }
  const text = (q: string) => {
    const want = words(q)
    return (s.ftsHits.all(grams(q)) as (Hit & { name: string; spec: string; models: string })[])
      .filter((h) => want.every((w) => `${h.name} ${h.spec} ${h.models}`.toLowerCase().includes(w)))
      .slice(0, PAGE)
  }
  const stockCard = (partId: number) => ({ part: s.part.get(partId), balances: s.balances.all(partId), moves: s.card.all(partId) })
  /** Last ledger id before `end`: a binary search over ids (rowid lookups), since ids follow time. */
  const cutBefore = (end: string) => {
    let lo = 0
    let hi = s.maxId.get() as number
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if ((s.at.get(mid) as string) < end) lo = mid
      else hi = mid - 1
    }
    return lo
  }
  const valuation = (end: string) => {
    let parts = 0
    let qty = 0
    let valueFen = 0
    const lines: unknown[] = []
    for (const row of s.valueAt.iterate({ cut: cutBefore(end), end }) as Iterable<{ mainQty: number; quarantineQty: number; avgCostFen: number | null }>) {
      const q = row.mainQty + row.quarantineQty
      if (!q) continue
      parts++
      qty += q
      valueFen += q * (row.avgCostFen ?? 0)
      if (lines.length < PAGE) lines.push(row)
    }
    return { totals: { parts, qty, valueFen }, lines }
  }
  return { s, text, stockCard, valuation }
}

/** The end of a store-local (UTC+8) day as an instant. */
const endOfDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 16 * 3600_000).toISOString()
const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)

export async function measureWarehouse(w: WarehouseBenchInput): Promise<Record<string, number | boolean>> {
  const { raw, log } = w
  const { s, text, stockCard, valuation } = rawStatements(raw)
  const budget = { budgetMs: w.budgetMs, minRuns: 5, maxRuns: 300 }
  const rawBudget = { budgetMs: Math.min(w.budgetMs, 1000), minRuns: 5, maxRuns: 300 }
  const measure = async (name: string, label: string, target: number, viaRouter: (i: number) => Promise<unknown>, viaRaw: (i: number) => unknown, opts: { maxRuns?: number; note?: string } = {}) => {
    log(`  ${label}`)
    const r = await time(viaRouter, { ...budget, maxRuns: opts.maxRuns ?? budget.maxRuns })
    const h = await time(viaRaw, { ...rawBudget, maxRuns: opts.maxRuns ?? rawBudget.maxRuns })
    w.figures.push(figure(name, label, r, h, target, w.floor, opts.note))
  }

  // The store as generated: the ledger equals the balances, the catalogue's cost the newest row's.
  const facts = raw
    .prepare(
      `SELECT (SELECT count(*) FROM part) AS parts, (SELECT max(id) FROM stock_move) AS ledgerRows,
         (SELECT count(*) FROM stock_balance b WHERE b.qty <> (SELECT sum(qty) FROM stock_move m WHERE m.partId = b.partId AND m.location = b.location)) AS badBalances,
         (SELECT count(*) FROM part p WHERE p.avgCostFen <> coalesce((SELECT avgCostAfter FROM stock_move WHERE id = (SELECT max(id) FROM stock_move m WHERE m.partId = p.id)), 0)) AS badCosts`
    )
    .get() as { parts: number; ledgerRows: number; badBalances: number; badCosts: number }
  const maxPart = facts.parts
  const spread = Array.from({ length: 40 }, (_, i) => 1 + Math.floor((((i * 7919 + 13) % 997) / 997) * (maxPart - 1)))
  const samples = raw.prepare(`SELECT id, sku, name, barcode FROM part WHERE id IN (${spread.join(',')}) AND barcode <> '' AND active = 1`).all() as PartSample[]
  const at = (i: number) => samples[((i % samples.length) + samples.length) % samples.length]
  const heavy = raw.prepare(`SELECT partId FROM stock_balance WHERE location = 'main' ORDER BY partId LIMIT 5`).pluck().all() as number[]
  const cardPart = (i: number) => (i % 2 ? at(i).id : heavy[((i % heavy.length) + heavy.length) % heavy.length])

  // Found: the scanner and the barcode search find the part itself; typed words list it.
  let byCode = 0
  let byBarcode = 0
  let byText = 0
  const checked = samples.slice(0, 12)
  for (const [i, x] of checked.entries()) {
    const d = (await w.counter('warehouse.parts.byCode', { code: x.barcode })) as { part: { id: number } } | null
    if (d?.part.id === x.id) byCode++
    const b = (await w.counter('warehouse.parts.search', { text: x.barcode })) as { parts: Hit[] }
    if (b.parts[0]?.id === x.id) byBarcode++
    const t = (await w.counter('warehouse.parts.search', { text: typedQuery(x.name, i * 4) })) as { parts: Hit[] }
    if (t.parts.some((h) => h.id === x.id)) byText++
  }
  w.found['warehouse.byCode'] = byCode === checked.length
  w.found['warehouse.searchBarcode'] = byBarcode === checked.length
  w.found['warehouse.searchText'] = byText === checked.length

  await measure(
    'warehouse.searchText',
    'parts search: typed words (name / model)',
    5,
    (i) => w.counter('warehouse.parts.search', { text: typedQuery(at(i).name, i) }),
    (i) => text(typedQuery(at(i).name, i)),
    { note: `found ${byText}/${checked.length}` }
  )
  await measure(
    'warehouse.searchBarcode',
    'parts search: barcode typed',
    5,
    (i) => w.counter('warehouse.parts.search', { text: at(i).barcode }),
    (i) => s.byBarcode.all(at(i).barcode),
    { note: `found ${byBarcode}/${checked.length}` }
  )
  await measure(
    'warehouse.searchSku',
    'parts search: SKU prefix',
    5,
    (i) => w.counter('warehouse.parts.search', { text: at(i).sku.slice(0, 6) }),
    (i) => s.bySkuPrefix.all(at(i).sku.slice(0, 6), `${at(i).sku.slice(0, 6)}\uffff`)
  )
  await measure(
    'warehouse.byCode',
    'scan a part (warehouse.parts.byCode)',
    5,
    (i) => w.counter('warehouse.parts.byCode', { code: at(i).barcode }),
    (i) => {
      const p = s.byBarcode.get(at(i).barcode)
      return p ? s.balances.all(at(i).id) : null
    },
    { note: `found ${byCode}/${checked.length}` }
  )

  const cards = await Promise.all([0, 1, 2, 3].map((i) => w.counter('warehouse.stockCard', { partId: cardPart(i), location: 'main' }) as Promise<{ balances: { main: number }; moves: { balanceAfter: number }[] }>))
  w.found['warehouse.stockCard'] = cards.every((c) => c.moves.length > 0 && c.moves[0].balanceAfter === c.balances.main)
  const heavyRows = raw.prepare(`SELECT count(*) FROM stock_move WHERE partId = ? AND location = 'main'`).pluck().get(heavy[0]) as number
  await measure(
    'warehouse.stockCard',
    'stock card: first page',
    20,
    (i) => w.counter('warehouse.stockCard', { partId: cardPart(i), location: 'main' }),
    (i) => stockCard(cardPart(i)),
    { note: `busiest part ${heavyRows} rows` }
  )

  // Valuation at past day ends: the most recent, and months and years back.
  const dates = [1, 30, 365, 1000, 90, 700].map((n) => addDays(w.today, -n))
  const expected = raw.prepare(`SELECT coalesce(sum(b.qty * p.avgCostFen), 0) FROM stock_balance b JOIN part p ON p.id = b.partId`).pluck().get() as number
  // Today's value (nothing moved yet in this run) is what is on hand at the catalogue's cost.
  const now = (await w.storekeeper('warehouse.valuation', { date: w.today })) as { totals: { valueFen: number } }
  w.found['warehouse.valuation'] = now.totals.valueFen === expected && valuation(endOfDay(w.today)).totals.valueFen === expected
  await measure(
    'warehouse.valuation',
    'valuation at a past date (totals + first page)',
    1000,
    (i) => w.storekeeper('warehouse.valuation', { date: dates[((i % dates.length) + dates.length) % dates.length] }),
    (i) => valuation(endOfDay(dates[((i % dates.length) + dates.length) % dates.length])),
    { maxRuns: 20, note: `${(expected / 100).toLocaleString('en')} yuan on hand` }
  )

  await measureIssue(w, measure)
  return {
    parts: facts.parts,
    ledgerRows: facts.ledgerRows,
    ledgerMatchesBalances: facts.badBalances === 0 && facts.badCosts === 0
  }
}

/**
 * Issues against requisitions: the technician asks (not timed) for a screen and glue for an order
 * in the shop; the storekeeper issues both lines in one call. Stock is topped up first by a
 * receipt, so no issue is short. The hand-written issue does the same rows in one committed
 * transaction on its own requisitions.
 */
async function measureIssue(w: WarehouseBenchInput, measure: (name: string, label: string, target: number, r: (i: number) => Promise<unknown>, h: (i: number) => unknown, o?: { maxRuns?: number; note?: string }) => Promise<void>) {
  const runs = Math.min(300, Math.max(8, Math.ceil(w.budgetMs / 3)))
  const orders = w.raw.prepare(`SELECT id FROM work_order WHERE status <> 'void' AND returnedAt IS NULL ORDER BY id DESC LIMIT 50`).pluck().all() as number[]
  const parts = w.raw.prepare(`SELECT id FROM part WHERE active = 1 ORDER BY id DESC LIMIT 20`).pluck().all() as number[]
  await w.storekeeper('warehouse.receipts.create', {
    supplier: '深圳市华强电子配件有限公司',
    supplierDocNo: 'BENCH-0001',
    note: '',
    lines: parts.map((partId) => ({ partId, deliveredQty: 2 * runs + 20, acceptedQty: 2 * runs + 20, unitCostFen: 1500, rejectReason: '' }))
  })
  const ask = async (i: number) => {
    const pair = [parts[(2 * i) % parts.length], parts[(2 * i + 1) % parts.length]]
    const r = (await w.technician('warehouse.requisitions.create', { orderId: orders[i % orders.length], lines: pair.map((partId) => ({ partId, qty: 1 })), note: '' })) as {
      id: number
      lineViews: { id: number; qty: number }[]
    }
    return { requisitionId: r.id, lines: r.lineViews.map((l) => ({ lineId: l.id, qty: l.qty })) }
  }
  const asked: Awaited<ReturnType<typeof ask>>[] = []
  for (let i = 0; i < runs + 3; i++) asked.push(await ask(i))
  let next = 0
  const hand = handIssue(w.dbPath, orders, parts, runs + 3)
  try {
    await measure(
      'warehouse.issue',
      'issue against a requisition (2 lines)',
      10,
      () => w.storekeeper('warehouse.requisitions.issue', asked[next++]),
      () => hand.issueNext(),
      { maxRuns: runs }
    )
  } finally {
    hand.close()
  }
}

/**
 * The hand-written issue: its own requisitions (numbered RAWB-…, outside the app's numbering),
 * then per issue one committed transaction: requisition, order still in the shop, each line's
 * stock, the ledger row (the triggers check and post it), the line's issued quantity, the
 * requisition closed, one audit row.
 */
function handIssue(dbPath: string, orders: number[], parts: number[], n: number) {
  const db = new Database(dbPath)
  db.pragma('synchronous = FULL')
  const user = db.prepare(`SELECT id FROM "user" WHERE role = 'warehouse' ORDER BY id LIMIT 1`).pluck().get() as number
  const tech = db.prepare(`SELECT id FROM "user" WHERE role = 'technician' ORDER BY id LIMIT 1`).pluck().get() as number
  const at0 = new Date().toISOString()
  const insReq = db.prepare(`INSERT INTO requisition (reqNo, orderId, requestedById, status, note, createdAt, closedAt, cancelledById, cancelReason) VALUES (?, ?, ?, 'open', '', ?, NULL, NULL, '')`)
  const insLine = db.prepare(`INSERT INTO requisition_line (requisitionId, partId, qty, issuedQty, returnedQty) VALUES (?, ?, 1, 0, 0)`)
  const ids: number[] = []
  db.transaction(() => {
    for (let i = 0; i < n; i++) {
      const id = Number(insReq.run(`RAWB-RQ-${i + 1}`, orders[i % orders.length], tech, at0).lastInsertRowid)
      insLine.run(id, parts[(2 * i + 7) % parts.length])
      insLine.run(id, parts[(2 * i + 8) % parts.length])
      ids.push(id)
    }
  })()
  const req = db.prepare(`SELECT id, reqNo, orderId, status FROM requisition WHERE id = ?`)
  const order = db.prepare(`SELECT orderNo, status, returnedAt FROM work_order WHERE id = ?`)
  const lines = db.prepare(`SELECT id, partId, qty, issuedQty FROM requisition_line WHERE requisitionId = ? ORDER BY id`)
  const stock = db.prepare(`SELECT p.avgCostFen, coalesce((SELECT qty FROM stock_balance WHERE partId = p.id AND location = 'main'), 0) AS here FROM part p WHERE p.id = ?`)
  const insMove = db.prepare(`INSERT INTO stock_move (partId, location, qty, unitCostFen, balanceAfter, avgCostAfter, docType, docId, docNo, orderId, userId, at, note)
    VALUES (?, 'main', ?, ?, ?, ?, 'issue', ?, ?, ?, ?, ?, ?)`)
  const issued = db.prepare(`UPDATE requisition_line SET issuedQty = issuedQty + ? WHERE id = ?`)
  const close = db.prepare(`UPDATE requisition SET status = 'done', closedAt = ? WHERE id = ?`)
  const audit = db.prepare(`INSERT INTO audit_log (at, userId, action, entity, entityId, detail) VALUES (?, ?, 'requisition.issue', 'requisition', ?, ?)`)
  let k = 0
  const once = db.transaction((id: number) => {
    const at = new Date().toISOString()
    const r = req.get(id) as { id: number; reqNo: string; orderId: number; status: string }
    const o = order.get(r.orderId) as { orderNo: string; status: string; returnedAt: string | null }
    if (r.status !== 'open' || o.status === 'void' || o.returnedAt !== null) throw new Error('hand issue: not issuable')
    const done: unknown[] = []
    for (const l of lines.all(id) as { id: number; partId: number; qty: number; issuedQty: number }[]) {
      const want = l.qty - l.issuedQty
      const p = stock.get(l.partId) as { avgCostFen: number; here: number }
      if (p.here < want) throw new Error('hand issue: short')
      insMove.run(l.partId, -want, p.avgCostFen, p.here - want, p.avgCostFen, r.id, r.reqNo, r.orderId, user, at, o.orderNo)
      issued.run(want, l.id)
      done.push({ lineId: l.id, partId: l.partId, qty: want })
    }
    close.run(at, id)
    audit.run(at, user, id, JSON.stringify({ reqNo: r.reqNo, orderNo: o.orderNo, issued: done, done: true }))
  })
  return {
    issueNext: () => once(ids[k++]),
    close: () => db.close()
  }
}
