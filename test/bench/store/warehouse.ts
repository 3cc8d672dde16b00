// The five-year store's warehouse: a parts catalogue and its stock ledger, simulated day by day
// in time order and inserted through the real schema (the ledger triggers stay on and check every
// row): each row's balanceAfter is the previous balance + qty and never negative, avgCostAfter is
// the moving average exactly as src/main/warehouse/ledger.ts computes it, ids follow time, so
// stock_balance ends equal to the ledger and part.avgCostFen to the newest avgCostAfter.
//
// Movements: opening stock and deliveries (receipts with an acceptance check: rejected quantities
// never enter stock), issues against requisitions of work orders while the device is in the shop
// (partial when short), returns of unused parts (some to quarantine), main -> quarantine transfers,
// manager-approved adjustments (counting corrections, quarantine write-offs).
import type Database from 'better-sqlite3'
import { addDays, yearMonthCode } from '../../../src/shared/domain/dates'
import { movingAverage } from '../../../src/main/warehouse/ledger'
import { DOC_PREFIXES, type DocKind } from '../../../src/main/warehouse/doc-numbers'
import { pick } from './data'
import { partSpecs, type PartSpec } from './warehouse-data'
import { writeDocuments, type Documents } from './warehouse-docs'

export const WAREHOUSE_FULL_SIZE = { parts: 20_000, moves: 2_000_000 }
const SHANGHAI_OFFSET_MS = 8 * 3600_000
const DAY_MS = 86_400_000
const MIN = 60_000
/** A delivery brings about this many days of what the part really sold. */
const COVER_DAYS = 2
/** Issue rows per ledger row asked of the requisitions (some lines are short, so a little above the result). */
const ISSUE_SHARE = 0.78

export interface WarehouseInput {
  scale: number
  /** Store-local date of day 0 and the number of days. */
  first: string
  days: number
  nowMs: number
  orderAt: Float64Array
  /** NaN: still in the shop. */
  orderReturned: Float64Array
  /** The order's device model ('' when no parts fit it, e.g. appliances). */
  orderModel: string[]
  orderTech: Int32Array
  warehouseUsers: number[]
  technicians: number[]
  managerId: number
  log: (s: string) => void
}

export interface WarehouseFacts {
  parts: number
  moves: number
  movesByType: Record<string, number>
  receipts: number
  requisitions: number
  requisitionLines: number
  /** Requisitions of orders in the shop with lines not yet issued. */
  openRequisitions: number
  shortLines: number
  warehouseMs: number
}

type Event =
  | { at: number; kind: 'requisition'; order: number }
  | { at: number; kind: 'issue'; req: number }
  | { at: number; kind: 'return'; line: number; location: 'main' | 'quarantine' }
  | { at: number; kind: 'delivery' }
  | { at: number; kind: 'transfer' }
  | { at: number; kind: 'adjustment' }
  | { at: number; kind: 'writeOff' }

/** Seeded random numbers of its own, so the rest of the store stays as it was. */
function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Weighted choice by binary search over cumulative weights. */
class Picker {
  private cum: Float64Array
  constructor(
    readonly ids: number[],
    weights: number[]
  ) {
    this.cum = new Float64Array(weights.length)
    let s = 0
    weights.forEach((w, i) => (this.cum[i] = s += w))
  }
  pick(r: () => number): number {
    const x = r() * this.cum[this.cum.length - 1]
    let lo = 0
    let hi = this.cum.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (this.cum[mid] < x) lo = mid + 1
      else hi = mid
    }
    return this.ids[lo]
  }
}

export function generateWarehouse(db: Database.Database, input: WarehouseInput): WarehouseFacts {
  const started = Date.now()
  const { scale, days, nowMs, orderAt, orderReturned, orderModel, orderTech, log } = input
  const r = rng(7_000_001)
  const nParts = Math.max(40, Math.round(WAREHOUSE_FULL_SIZE.parts * scale))
  const targetMoves = Math.max(400, Math.round(WAREHOUSE_FULL_SIZE.moves * scale))
  const nOrders = orderAt.length
  const day0 = Date.parse(`${input.first}T00:00:00Z`) - SHANGHAI_OFFSET_MS
  const dayOf = (ms: number) => Math.floor((ms - day0) / DAY_MS)
  const localDay = (ms: number) => new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10)
  const clock = (d: number, hour: number) => day0 + d * DAY_MS + hour * 3600_000

  // The catalogue, in the order parts entered it (ids follow createdAt).
  const specs = partSpecs(nParts, r).sort((a, b) => a.introducedAt - b.introducedAt)
  const P = specs.length
  const introDay = Int32Array.from(specs, (s) => Math.floor(s.introducedAt * days))
  const nConsumables = specs.filter((s) => s.models.startsWith('通用')).length
  // Lines per order that uses parts: consumables (each with its own chance) + device parts.
  const ordersWithParts = 0.85
  const consumableChance = specs.map((s, i) => (i < nConsumables ? Math.min(0.3, s.demand / 200) : 0))
  const consumablesPerOrder = consumableChance.reduce((a, b) => a + b, 0)
  // Issue lines asked of the requisitions: about 70 % of the ledger ends up issues; receipts (~24 %),
  // returns, transfers and adjustments the rest (~2,000,000 rows at full scale).
  const mainPerOrder = Math.max(1, (ISSUE_SHARE * targetMoves) / (nOrders * ordersWithParts) - consumablesPerOrder)

  // Device parts by compatible model, weighted by demand; a global picker for the rest.
  const byModel = new Map<string, { ids: number[]; w: number[] }>()
  const allIds: number[] = []
  const allW: number[] = []
  specs.forEach((s, i) => {
    if (i < nConsumables) return
    allIds.push(i)
    allW.push(s.demand + 1e-4)
    const model = s.models.split(' / ')[0].split(' ').slice(1).join(' ')
    const m = byModel.get(model) ?? { ids: [], w: [] }
    m.ids.push(i)
    m.w.push(s.demand + 1e-4)
    byModel.set(model, m)
  })
  const anyPart = new Picker(allIds, allW)
  const modelPickers = new Map([...byModel].map(([k, v]) => [k, new Picker(v.ids, v.w)]))

  // Expected units per day per part (for the catalogue's minimum stock); the reorder quantity
  // then follows what was really issued.
  const totalW = allW.reduce((a, b) => a + b, 0)
  const ordersPerDay = nOrders / days
  for (const [i, s] of specs.entries()) {
    const perDay = i < nConsumables ? ordersPerDay * ordersWithParts * consumableChance[i] * s.perIssue : (ordersPerDay * ordersWithParts * mainPerOrder * (s.demand + 1e-4)) / totalW
    s.minStock = Math.max(1, Math.min(500, Math.round(perDay * 4)))
  }

  // Ledger state per part.
  const balMain = new Int32Array(P)
  const balQuar = new Int32Array(P)
  const avg = new Int32Array(P)
  const issuedUnits = new Float64Array(P)
  const onOrder = new Uint8Array(P)
  const costNow = Float64Array.from(specs, (s) => s.baseCostFen)
  const pending: number[] = []
  const reorder = (p: number) => {
    if (onOrder[p]) return
    onOrder[p] = 1
    pending.push(p)
  }
  /** Units a day the part really sold since it entered the catalogue. */
  const sold = (p: number, at: number) => issuedUnits[p] / Math.max(7, dayOf(at) - introDay[p])
  /** The shelf is restocked before it runs out: the catalogue minimum or three days of sales. */
  const reorderPoint = (p: number, at: number) => Math.max(specs[p].minStock, Math.ceil(sold(p, at) * 3))

  const docs: Documents = {
    requisitions: [],
    lines: { req: [], part: [], qty: [], issued: [], returned: [] },
    receipts: [],
    receiptLines: { receipt: [], part: [], qty: [], accepted: [], unitCostFen: [], reason: [], moveId: [] },
    transfers: [],
    adjustments: [],
    returns: [],
    sequences: new Map()
  }
  const docNo = (kind: DocKind, at: number) => {
    const key = `${DOC_PREFIXES[kind]}|${yearMonthCode(localDay(at))}`
    const n = (docs.sequences.get(key) ?? 0) + 1
    docs.sequences.set(key, n)
    return `${DOC_PREFIXES[kind]}${yearMonthCode(localDay(at))}-${String(n).padStart(4, '0')}`
  }
  const warehouseUser = () => pick(r, input.warehouseUsers)

  const orderNo = db.prepare(`SELECT orderNo FROM work_order WHERE id = ?`).pluck()
  const insMove = db.prepare(`INSERT INTO stock_move (partId, location, qty, unitCostFen, balanceAfter, avgCostAfter, docType, docId, docNo, orderId, userId, at, note)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  const movesByType: Record<string, number> = {}
  let moves = 0
  let shortLines = 0
  const post = (p: number, location: 'main' | 'quarantine', qty: number, docType: string, docId: number, no: string, orderId: number | null, userId: number, at: number, note = '', unitCost?: number) => {
    const total = balMain[p] + balQuar[p]
    let unitCostFen = avg[p]
    if (docType === 'receipt' && qty > 0) {
      unitCostFen = unitCost!
      avg[p] = movingAverage(total, avg[p], qty, unitCostFen)
    }
    const bal = location === 'main' ? (balMain[p] += qty) : (balQuar[p] += qty)
    if (bal < 0) throw new Error(`generator: negative stock for part ${p + 1}`)
    const id = Number(insMove.run(p + 1, location, qty, unitCostFen, bal, avg[p], docType, docId, no, orderId, userId, new Date(at).toISOString(), note).lastInsertRowid)
    movesByType[docType] = (movesByType[docType] ?? 0) + 1
    moves++
    if (location === 'main' && balMain[p] <= reorderPoint(p, at)) reorder(p)
    return id
  }

  // Parts in the catalogue (avgCostFen set from the ledger at the end).
  const insPart = db.prepare(`INSERT INTO part (id, sku, name, spec, models, unit, barcode, bin, minStock, salePriceFen, avgCostFen, active, createdAt, updatedAt)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)`)
  db.transaction(() => {
    specs.forEach((s: PartSpec, i) => {
      const created = new Date(clock(introDay[i], 8 + r())).toISOString()
      insPart.run(i + 1, s.sku, s.name, s.spec, s.models, s.unit, s.barcode, s.bin, s.minStock, s.salePriceFen, 1, created, created)
    })
  })()

  // Events, bucketed by day and applied in time order (ids follow time).
  const buckets = new Map<number, Event[]>()
  // The day being applied: an event scheduled into it goes to its place among those still to come.
  let today = -1
  let current: Event[] = []
  let cursor = 0
  const schedule = (e: Event) => {
    if (e.at >= nowMs) return
    const d = dayOf(e.at)
    if (d < today) throw new Error('generator: event scheduled in the past')
    if (d === today) {
      let lo = cursor + 1
      let hi = current.length
      while (lo < hi) {
        const mid = (lo + hi) >> 1
        if (current[mid].at <= e.at) lo = mid + 1
        else hi = mid
      }
      current.splice(lo, 0, e)
      return
    }
    const b = buckets.get(d)
    if (b) b.push(e)
    else buckets.set(d, [e])
  }
  const inShopUntil = (o: number) => (Number.isNaN(orderReturned[o]) ? nowMs : orderReturned[o])

  const deliver = (at: number) => {
    // New parts enter stock on their first day; reorders wait for the next delivery.
    const lines = pending.splice(0, pending.length)
    for (const p of lines) onOrder[p] = 0
    const suppliers = ['深圳市华强电子配件有限公司', '广州众诚通讯器材商行', '东莞市原厂配件供应链', 'Shenzhen Parts Direct Ltd.']
    for (let from = 0; from < lines.length; from += 40) {
      const id = docs.receipts.length + 1
      const no = docNo('receipt', at)
      const user = warehouseUser()
      docs.receipts.push({ id, docNo: no, supplier: suppliers[id % suppliers.length], supplierDocNo: `SO${localDay(at).replace(/-/g, '')}${String(id % 1000).padStart(3, '0')}`, at, userId: user })
      for (const p of lines.slice(from, from + 40)) {
        const qty = Math.max(2 * specs[p].perIssue, reorderPoint(p, at) - balMain[p] + Math.ceil(sold(p, at) * COVER_DAYS))
        // Electronics get cheaper: a slow drift down with noise, whole fen.
        costNow[p] = Math.max(50, costNow[p] * (0.995 + r() * 0.008))
        const unitCostFen = Math.round(costNow[p] * (0.97 + r() * 0.06))
        const rejected = r() < 0.03 ? 1 + Math.floor(r() * qty) : 0
        const accepted = qty - rejected
        docs.receiptLines.receipt.push(id)
        docs.receiptLines.part.push(p + 1)
        docs.receiptLines.qty.push(qty)
        docs.receiptLines.accepted.push(accepted)
        docs.receiptLines.unitCostFen.push(unitCostFen)
        docs.receiptLines.reason.push(rejected ? pick(r, ['外观划伤', '显示异常', '型号不符', '包装破损', '无法开机测试']) : '')
        docs.receiptLines.moveId.push(accepted > 0 ? post(p, 'main', accepted, 'receipt', id, no, null, user, at, '', unitCostFen) : null)
        if (accepted === 0) reorder(p)
      }
    }
  }

  const newRequisition = (o: number, at: number) => {
    const id = docs.requisitions.length + 1
    const no = docNo('requisition', at)
    const tech = orderTech[o] || pick(r, input.technicians)
    const first = docs.lines.req.length
    const add = (p: number, qty: number) => {
      docs.lines.req.push(id)
      docs.lines.part.push(p + 1)
      docs.lines.qty.push(qty)
      docs.lines.issued.push(0)
      docs.lines.returned.push(0)
    }
    const day = dayOf(at)
    const picked = new Set<number>()
    const main = Math.floor(mainPerOrder) + (r() < mainPerOrder % 1 ? 1 : 0)
    const models = modelPickers.get(orderModel[o])
    for (let k = 0; k < main; k++) {
      // Mostly a part for the order's own model; when none fits (not yet stocked), any part.
      const ownModel = models && r() < 0.75
      for (let tries = 0; tries < 8; tries++) {
        const p = ownModel && tries < 3 ? models.pick(r) : anyPart.pick(r)
        if (introDay[p] <= day && !picked.has(p)) {
          picked.add(p)
          add(p, r() < 0.9 ? 1 : 2)
          break
        }
      }
    }
    for (let p = 0; p < nConsumables; p++) if (r() < consumableChance[p]) add(p, specs[p].perIssue)
    if (docs.lines.req.length === first) add(0, 1)
    docs.requisitions.push({ id, docNo: no, orderId: o + 1, technicianId: tech, at, firstLine: first, lineCount: docs.lines.req.length - first, status: 'open', closedAt: null })
    return id
  }

  const issue = (q: number, at: number) => {
    const req = docs.requisitions[q - 1]
    const user = warehouseUser()
    for (let l = req.firstLine; l < req.firstLine + req.lineCount; l++) {
      const p = docs.lines.part[l] - 1
      const give = Math.min(docs.lines.qty[l], balMain[p])
      if (give < docs.lines.qty[l]) {
        shortLines++
        reorder(p)
      }
      if (give > 0) {
        post(p, 'main', -give, 'issue', req.id, req.docNo, req.orderId, user, at, orderNo.get(req.orderId) as string)
        docs.lines.issued[l] = give
        issuedUnits[p] += give
        // Some parts come back unused (wrong fit, customer declined), a few of them defective.
        if (p >= nConsumables && r() < 0.07) {
          const back = at + (30 + r() * 600) * MIN
          if (back < inShopUntil(req.orderId - 1)) schedule({ at: back, kind: 'return', line: l, location: r() < 0.2 ? 'quarantine' : 'main' })
        }
      } else {
        // Short with nothing on the shelf: the part is on order; the line is issued when it arrives
        // only if the device is still here (not simulated: the line stays short).
        issuedUnits[p] += docs.lines.qty[l]
      }
    }
    req.closedAt = at
    req.status = docs.lines.issued.slice(req.firstLine, req.firstLine + req.lineCount).every((n, k) => n === docs.lines.qty[req.firstLine + k]) ? 'issued' : 'partial'
  }

  const ret = (l: number, location: 'main' | 'quarantine', at: number) => {
    const req = docs.requisitions[docs.lines.req[l] - 1]
    const p = docs.lines.part[l] - 1
    const id = docs.returns.length + 1
    docs.returns.push({ id, lineId: l + 1, qty: 1, location, at })
    docs.lines.returned[l] += 1
    post(p, location, 1, 'return', req.id, req.docNo, req.orderId, warehouseUser(), at, location === 'quarantine' ? '退回不良' : '未使用退回')
  }

  const someStocked = (): number => {
    for (let tries = 0; tries < 20; tries++) {
      const p = anyPart.pick(r)
      if (balMain[p] > 0) return p
    }
    return -1
  }

  const transfer = (at: number) => {
    const p = someStocked()
    if (p < 0) return
    const id = docs.transfers.length + 1
    const no = docNo('transfer', at)
    const user = warehouseUser()
    const reason = pick(r, ['上架检查发现不良', '客户退回待检', '外观损坏'])
    docs.transfers.push({ id, docNo: no, partId: p + 1, qty: 1, from: 'main', to: 'quarantine', reason, at, userId: user })
    post(p, 'main', -1, 'transfer', id, no, null, user, at, reason)
    post(p, 'quarantine', 1, 'transfer', id, no, null, user, at, reason)
  }

  const adjust = (p: number, location: 'main' | 'quarantine', qty: number, reason: string, at: number) => {
    const id = docs.adjustments.length + 1
    const no = docNo('adjustment', at)
    const user = warehouseUser()
    const moveId = post(p, location, qty, 'adjustment', id, no, null, user, at, reason)
    docs.adjustments.push({ id, docNo: no, partId: p + 1, location, qty, reason, at, userId: user, approvedById: input.managerId, moveId })
  }

  // Plan: one requisition per order that uses parts; deliveries Mon-Sat mornings; a few
  // transfers and corrections a day; quarantine written off monthly.
  for (let o = 0; o < nOrders; o++) {
    if (r() >= ordersWithParts) continue
    schedule({ at: orderAt[o] + (10 + r() * 120) * MIN, kind: 'requisition', order: o })
  }
  const perDay = (n: number) => (targetMoves * n) / days
  let next = 0
  for (let d = 0; d < days; d++) {
    const date = addDays(input.first, d)
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay()
    if (d === 0 || weekday !== 0) schedule({ at: clock(d, 10 + r() * 0.5), kind: 'delivery' })
    for (let k = Math.floor(perDay(0.006) + r()); k > 0; k--) schedule({ at: clock(d, 9 + r() * 10), kind: 'transfer' })
    for (let k = Math.floor(perDay(0.006) + r()); k > 0; k--) schedule({ at: clock(d, 9 + r() * 10), kind: 'adjustment' })
    if (date.endsWith('-01')) schedule({ at: clock(d, 18), kind: 'writeOff' })
  }

  // New parts enter stock at the first delivery on or after their day.
  const byIntro = Array.from({ length: P }, (_, i) => i).sort((a, b) => introDay[a] - introDay[b])
  const insertDay = db.transaction(() => {
    for (cursor = 0; cursor < current.length; cursor++) {
      const e = current[cursor]
      if (e.kind === 'delivery') {
        while (next < P && introDay[byIntro[next]] <= dayOf(e.at)) {
          const p = byIntro[next++]
          if (!onOrder[p]) {
            onOrder[p] = 1
            pending.push(p)
          }
        }
        deliver(e.at)
      } else if (e.kind === 'requisition') {
        const q = newRequisition(e.order, e.at)
        // The newest requisitions are still waiting for the warehouse.
        const issueAt = e.at + (5 + r() * 55) * MIN
        if (issueAt < nowMs - 6 * 3600_000 || r() < 0.5) schedule({ at: issueAt, kind: 'issue', req: q })
      } else if (e.kind === 'issue') issue(e.req, e.at)
      else if (e.kind === 'return') ret(e.line, e.location, e.at)
      else if (e.kind === 'transfer') transfer(e.at)
      else if (e.kind === 'adjustment') {
        const p = someStocked()
        if (p >= 0) adjust(p, 'main', r() < 0.5 ? -1 : 1, pick(r, ['盘点差异更正', '损坏报废', '找到遗失件', '录入错误更正']), e.at)
      } else if (e.kind === 'writeOff') {
        for (let p = 0; p < P; p++) if (balQuar[p] > 0) adjust(p, 'quarantine', -balQuar[p], '不良品退供应商/报废', e.at)
      }
    }
  })
  for (let d = 0; d < days; d++) {
    today = d
    current = buckets.get(d) ?? []
    buckets.delete(d)
    current.sort((a, b) => a.at - b.at)
    insertDay()
    if (d % 365 === 364) log(`  warehouse: year ${(d + 1) / 365}, ${moves} ledger rows (${((Date.now() - started) / 1000).toFixed(0)} s)`)
  }
  const setAvg = db.prepare(`UPDATE part SET avgCostFen = ?, active = ? WHERE id = ?`)
  db.transaction(() => {
    // A few long-tail parts are discontinued (inactive) but keep their history.
    for (let p = 0; p < P; p++) setAvg.run(avg[p], p >= nConsumables && specs[p].demand < 1e-3 && r() < 0.3 ? 0 : 1, p + 1)
  })()
  // What is still open: requisitions of devices still in the shop with something left to issue;
  // a short line of a device that has left will never be issued (cancelled when it left).
  for (const q of docs.requisitions) {
    if (q.status === 'issued') continue
    const left = orderReturned[q.orderId - 1]
    if (Number.isNaN(left)) q.status = 'open'
    else {
      q.status = 'cancelled'
      q.closedAt = left
    }
  }
  const written = writeDocuments(db, docs)
  const openRequisitions = docs.requisitions.filter((q) => q.status !== 'issued' && Number.isNaN(orderReturned[q.orderId - 1])).length
  log(`  warehouse: ${P} parts, ${moves} ledger rows, ${docs.requisitions.length} requisitions, ${docs.receipts.length} receipts (${written}) in ${((Date.now() - started) / 1000).toFixed(0)} s`)
  return {
    parts: P,
    moves,
    movesByType,
    receipts: docs.receipts.length,
    requisitions: docs.requisitions.length,
    requisitionLines: docs.lines.req.length,
    openRequisitions,
    shortLines,
    warehouseMs: Date.now() - started
  }
}
