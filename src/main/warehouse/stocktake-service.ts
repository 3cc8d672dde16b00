/**
 * Stocktake (盘点).
 *
 * Start: the book quantity of every part and location in scope is snapshotted with the ledger
 * position (snapshotMoveId = the newest stock_move row). Counting never blocks the warehouse, so
 * movements during an open count are expected. The rule that keeps them from corrupting it:
 *
 *   each line records the book quantity at the moment its count is entered (bookAtCount), and
 *   approval posts (counted − bookAtCount) on top of the balance as it is then.
 *
 * A receipt or issue before a line is counted is in both the shelf and bookAtCount; one after it
 * is in neither the count nor the difference: both are kept, never undone or counted twice. A line
 * whose part moved after the snapshot is flagged on the variance report (expected ≠ book at count),
 * so a line that moved while it was being counted can be recounted (typing sets the count again).
 */
import type { EntityManager } from 'typeorm'
import type { StockLocation } from '@shared/contract/warehouse/common'
import {
  STOCKTAKE_LINE_PAGE,
  VARIANCE_MAX,
  type StocktakeLinesPage,
  type StocktakeLineView,
  type StocktakeStatus,
  type StocktakeSummary,
  type StocktakeView,
  type VarianceLine,
  type VarianceReport
} from '@shared/contract/warehouse/stocktake'
import { localDate } from '@shared/domain/dates'
import { signedInUser, type HandlerContext } from '../core/context'
import { conflict, notFound, validationError } from '../core/errors'
import { prepared } from '../db/prepared'
import { auditCall } from '../audit/audit'
import { managerApproval } from '../auth/approval'
import { findPartByCode } from './catalogue'
import { allocateDocNo } from './doc-numbers'
import { onHand, postMove } from './ledger'

interface StocktakeRow {
  id: number
  stNo: string
  status: StocktakeStatus
  binFrom: string
  binTo: string
  snapshotMoveId: number
  createdAt: string
  createdById: number
  createdByName: string | null
  closedAt: string | null
  closedById: number | null
  closedByName: string | null
  cancelReason: string
  adjustedLines: number
  netFen: number
}

const ST_SELECT = `SELECT s.*, c.displayName AS createdByName, k.displayName AS closedByName
  FROM stocktake s LEFT JOIN "user" c ON c.id = s.createdById LEFT JOIN "user" k ON k.id = s.closedById`
const COUNTS = `SELECT count(*) AS lines, count(countedQty) AS counted,
    sum(countedQty IS NULL AND expectedQty > 0) AS uncountedExpected
  FROM stocktake_line WHERE stocktakeId = ?`

function summaryOf(s: StocktakeRow, c: { lines: number; counted: number }): StocktakeSummary {
  return {
    id: s.id,
    stNo: s.stNo,
    status: s.status,
    binFrom: s.binFrom,
    binTo: s.binTo,
    createdAt: s.createdAt,
    createdBy: { id: s.createdById, displayName: s.createdByName ?? '' },
    lines: c.lines,
    counted: c.counted
  }
}

function row(em: EntityManager, id: number): StocktakeRow {
  const s = prepared(em, `${ST_SELECT} WHERE s.id = ?`).get(id) as StocktakeRow | undefined
  if (!s) throw notFound()
  return s
}

export function loadStocktake(em: EntityManager, id: number): StocktakeView {
  const s = row(em, id)
  const c = prepared(em, COUNTS).get(id) as { lines: number; counted: number; uncountedExpected: number | null }
  const closedBy = { id: s.closedById ?? 0, displayName: s.closedByName ?? '' }
  return {
    ...summaryOf(s, c),
    snapshotMoveId: s.snapshotMoveId,
    uncountedExpected: c.uncountedExpected ?? 0,
    approved: s.status === 'approved' && s.closedAt ? { at: s.closedAt, by: closedBy, adjustedLines: s.adjustedLines, netFen: s.netFen } : null,
    cancelled: s.status === 'cancelled' && s.closedAt ? { at: s.closedAt, by: closedBy, reason: s.cancelReason } : null
  }
}

export function listStocktakes(em: EntityManager, beforeId = Number.MAX_SAFE_INTEGER): StocktakeSummary[] {
  const rows = prepared(em, `${ST_SELECT} WHERE s.id < ? ORDER BY s.id DESC LIMIT 50`).all(beforeId) as StocktakeRow[]
  return rows.map((s) => summaryOf(s, prepared(em, COUNTS).get(s.id) as { lines: number; counted: number }))
}

/**
 * Scope of a count: bins from binFrom through binTo and every bin under binTo ("A-03" covers
 * "A-03-05"); an empty end is open. As SQL over part p (params: from, from, to, to, to).
 */
const IN_SCOPE = `(@binFrom = '' OR p.bin >= @binFrom) AND (@binTo = '' OR p.bin <= @binTo OR substr(p.bin, 1, length(@binTo)) = @binTo)`

export function binInScope(bin: string, s: { binFrom: string; binTo: string }): boolean {
  return (s.binFrom === '' || bin >= s.binFrom) && (s.binTo === '' || bin <= s.binTo || bin.startsWith(s.binTo))
}

/** Two scopes overlap when some bin could be in both ('' ends are open; binTo covers its sub-bins). */
export function scopesOverlap(a: { binFrom: string; binTo: string }, b: { binFrom: string; binTo: string }): boolean {
  const hi = (x: { binTo: string }) => (x.binTo === '' ? null : x.binTo + '\u{10FFFF}')
  const leq = (lo: string, high: string | null) => high === null || lo <= high
  return leq(a.binFrom, hi(b)) && leq(b.binFrom, hi(a))
}

const SNAPSHOT_LINES = `INSERT INTO stocktake_line (stocktakeId, partId, location, bin, expectedQty)
  SELECT @id, partId, location, bin, qty FROM (
    SELECT p.id AS partId, 'main' AS location, p.bin, p.sku, coalesce(b.qty, 0) AS qty
      FROM part p LEFT JOIN stock_balance b ON b.partId = p.id AND b.location = 'main'
      WHERE ${IN_SCOPE} AND (p.active = 1 OR coalesce(b.qty, 0) > 0)
    UNION ALL
    SELECT p.id, 'quarantine', p.bin, p.sku, b.qty
      FROM part p JOIN stock_balance b ON b.partId = p.id AND b.location = 'quarantine'
      WHERE ${IN_SCOPE} AND b.qty > 0
  ) ORDER BY bin, sku, location`

export async function startStocktake(ctx: HandlerContext, scope: { binFrom: string; binTo: string }): Promise<StocktakeView> {
  const user = signedInUser(ctx)
  const em = ctx.em
  if (scope.binFrom && scope.binTo && scope.binFrom > scope.binTo) throw validationError({ binTo: 'warehouse.e.binRange' })
  const open = prepared(em, `SELECT id, stNo, binFrom, binTo FROM stocktake WHERE status = 'open' ORDER BY id`).all() as {
    id: number
    stNo: string
    binFrom: string
    binTo: string
  }[]
  const clash = open.find((o) => scopesOverlap(o, scope))
  if (clash) throw conflict('warehouse.e.stocktakeOverlap', { stNo: clash.stNo })
  const { snap } = prepared(em, `SELECT coalesce(max(id), 0) AS snap FROM stock_move`).get() as { snap: number }
  const settings = await ctx.services.settings.load(em)
  const stNo = allocateDocNo(em, 'stocktake', localDate(ctx.now, settings.timeZone))
  const { lastInsertRowid } = prepared(
    em,
    `INSERT INTO stocktake (stNo, status, binFrom, binTo, snapshotMoveId, createdAt, createdById) VALUES (?, 'open', ?, ?, ?, ?, ?)`
  ).run(stNo, scope.binFrom, scope.binTo, snap, ctx.now.toISOString(), user.id)
  const id = Number(lastInsertRowid)
  const { changes } = prepared(em, SNAPSHOT_LINES).run({ id, binFrom: scope.binFrom, binTo: scope.binTo })
  if (changes === 0) throw conflict('warehouse.e.stocktakeNoParts')
  await auditCall(ctx, { action: 'stocktake.start', entity: 'stocktake', entityId: id, detail: { stNo, ...scope, lines: changes, snapshotMoveId: snap } })
  return loadStocktake(em, id)
}

interface LineRow {
  id: number
  partId: number
  sku: string
  name: string
  spec: string
  unit: string
  barcode: string
  bin: string
  location: StockLocation
  expectedQty: number
  countedQty: number | null
  bookAtCount: number | null
  countedAt: string | null
  moved: number
  avgCostFen: number
  postedQty: number | null
  postedUnitCostFen: number | null
}

/**
 * `moved`: the part/location has a ledger row after the snapshot (not this count's own) made while
 * the count was open: the first such row (one index seek) is at or before the close. Rows after an
 * approval or cancellation are not "during the count".
 */
const MOVED = `coalesce((SELECT m.at FROM stock_move m WHERE m.partId = l.partId AND m.location = l.location AND m.id > s.snapshotMoveId
      AND NOT (m.docType = 'stocktake' AND m.docId = s.id) ORDER BY m.id LIMIT 1) <= coalesce(s.closedAt, '9999'), 0)`

/** Lines of a stocktake with their part and `moved` (above). */
const LINE_SELECT = `SELECT l.id, l.partId, p.sku, p.name, p.spec, p.unit, p.barcode, l.bin, l.location, l.expectedQty, l.countedQty,
    l.bookAtCount, l.countedAt, l.postedQty, l.postedUnitCostFen, p.avgCostFen, ${MOVED} AS moved
  FROM stocktake_line l JOIN stocktake s ON s.id = l.stocktakeId JOIN part p ON p.id = l.partId`

function lineView(r: LineRow): StocktakeLineView {
  return {
    id: r.id,
    partId: r.partId,
    sku: r.sku,
    name: r.name,
    spec: r.spec,
    unit: r.unit,
    barcode: r.barcode,
    bin: r.bin,
    location: r.location,
    expectedQty: r.expectedQty,
    countedQty: r.countedQty,
    bookAtCount: r.bookAtCount,
    countedAt: r.countedAt,
    movedDuringCount: r.moved === 1
  }
}

export function stocktakeLines(
  em: EntityManager,
  q: { stocktakeId: number; uncountedOnly: boolean; after?: { bin: string; id: number } }
): StocktakeLinesPage {
  row(em, q.stocktakeId)
  const after = q.after ?? { bin: '', id: 0 }
  const filter = q.uncountedOnly ? 'AND l.countedQty IS NULL' : ''
  const rows = prepared(
    em,
    `${LINE_SELECT} WHERE l.stocktakeId = @st AND (l.bin, l.id) > (@bin, @id) ${filter}
     ORDER BY l.bin, l.id LIMIT ${STOCKTAKE_LINE_PAGE + 1}`
  ).all({ st: q.stocktakeId, bin: after.bin, id: after.id }) as LineRow[]
  const more = rows.length > STOCKTAKE_LINE_PAGE
  const lines = rows.slice(0, STOCKTAKE_LINE_PAGE).map(lineView)
  const last = lines[lines.length - 1]
  return { lines, next: more && last ? { bin: last.bin, id: last.id } : null }
}

/** Every line in sheet order (bin, SKU, location): for the PDFs. */
export function allLines(em: EntityManager, stocktakeId: number): (StocktakeLineView & { avgCostFen: number; postedQty: number | null; postedUnitCostFen: number | null })[] {
  const rows = prepared(em, `${LINE_SELECT} WHERE l.stocktakeId = ? ORDER BY l.bin, p.sku, l.location`).all(stocktakeId) as LineRow[]
  return rows.map((r) => ({ ...lineView(r), avgCostFen: r.avgCostFen, postedQty: r.postedQty, postedUnitCostFen: r.postedUnitCostFen }))
}

function loadLine(em: EntityManager, lineId: number): StocktakeLineView {
  return lineView(prepared(em, `${LINE_SELECT} WHERE l.id = ?`).get(lineId) as LineRow)
}

function openStocktake(ctx: HandlerContext, id: number): StocktakeRow {
  const s = row(ctx.em, id)
  if (s.status !== 'open') throw conflict('warehouse.e.stocktakeClosed', { stNo: s.stNo, status: ctx.t(`warehouse.st.status.${s.status}`) })
  return s
}

/**
 * The line of a part/location, made on the spot for a part in scope that has none (added to the
 * catalogue after the start, or quarantine stock that was zero then): its expected quantity is
 * the book at the snapshot, read from the ledger.
 */
function lineFor(ctx: HandlerContext, s: StocktakeRow, partId: number, location: StockLocation): { id: number; countedQty: number | null; sku: string } {
  const em = ctx.em
  const part = prepared(em, `SELECT id, sku, name, bin FROM part WHERE id = ?`).get(partId) as { id: number; sku: string; name: string; bin: string } | undefined
  if (!part) throw validationError({ partId: 'warehouse.e.partNotFound' })
  const line = prepared(em, `SELECT id, countedQty FROM stocktake_line WHERE stocktakeId = ? AND partId = ? AND location = ?`).get(s.id, partId, location) as
    | { id: number; countedQty: number | null }
    | undefined
  if (line) return { ...line, sku: part.sku }
  if (!binInScope(part.bin, s)) throw conflict('warehouse.e.notInStocktake', { part: `${part.sku} ${part.name}`, bin: part.bin || '—', stNo: s.stNo })
  const snap = prepared(
    em,
    `SELECT balanceAfter FROM stock_move WHERE partId = ? AND location = ? AND id <= ? ORDER BY id DESC LIMIT 1`
  ).get(partId, location, s.snapshotMoveId) as { balanceAfter: number } | undefined
  const { lastInsertRowid } = prepared(
    em,
    `INSERT INTO stocktake_line (stocktakeId, partId, location, bin, expectedQty) VALUES (?, ?, ?, ?, ?)`
  ).run(s.id, partId, location, part.bin, snap?.balanceAfter ?? 0)
  return { id: Number(lastInsertRowid), countedQty: null, sku: part.sku }
}

const SET_COUNT = `UPDATE stocktake_line SET countedQty = ?, bookAtCount = ?, countedAt = ?, countedById = ? WHERE id = ?`

function setCount(ctx: HandlerContext, lineId: number, partId: number, location: StockLocation, qty: number): number {
  const book = onHand(ctx.em, partId, location)
  prepared(ctx.em, SET_COUNT).run(qty, book, ctx.now.toISOString(), signedInUser(ctx).id, lineId)
  return book
}

export async function countLine(ctx: HandlerContext, input: { stocktakeId: number; partId: number; location: StockLocation; qty: number }): Promise<StocktakeLineView> {
  const s = openStocktake(ctx, input.stocktakeId)
  const line = lineFor(ctx, s, input.partId, input.location)
  const book = setCount(ctx, line.id, input.partId, input.location, input.qty)
  await auditCall(ctx, {
    action: 'stocktake.count',
    entity: 'stocktake',
    entityId: s.id,
    detail: { stNo: s.stNo, sku: line.sku, location: input.location, bookAtCount: book },
    changes: { counted: { old: line.countedQty, new: input.qty } }
  })
  return loadLine(ctx.em, line.id)
}

export async function scanLine(ctx: HandlerContext, input: { stocktakeId: number; code: string }): Promise<StocktakeLineView> {
  const s = openStocktake(ctx, input.stocktakeId)
  const part = findPartByCode(ctx.em, input.code)
  if (!part) throw conflict('warehouse.e.codeUnknown', { code: input.code })
  const line = lineFor(ctx, s, part.id, 'main')
  const qty = (line.countedQty ?? 0) + 1
  const book = setCount(ctx, line.id, part.id, 'main', qty)
  await auditCall(ctx, {
    action: 'stocktake.scan',
    entity: 'stocktake',
    entityId: s.id,
    detail: { stNo: s.stNo, sku: line.sku, code: input.code, bookAtCount: book },
    changes: { counted: { old: line.countedQty, new: qty } }
  })
  return loadLine(ctx.em, line.id)
}

/**
 * What a counted line adds to the variance: counted − book at count while open; what was posted
 * (and at what cost) once approved. Value at the part's average cost while open.
 */
const DIFF = `CASE WHEN s.status = 'approved' THEN coalesce(l.postedQty, 0) ELSE l.countedQty - l.bookAtCount END`
const UNIT_COST = `CASE WHEN s.status = 'approved' AND l.postedUnitCostFen IS NOT NULL THEN l.postedUnitCostFen ELSE p.avgCostFen END`
const COUNTED_FROM = `FROM stocktake_line l JOIN stocktake s ON s.id = l.stocktakeId JOIN part p ON p.id = l.partId
  WHERE l.stocktakeId = @st AND l.countedQty IS NOT NULL AND l.bookAtCount IS NOT NULL`
/** Totals over every counted line, in SQL (a 20,000-line count is summed without building its lines). */
const VARIANCE_TOTALS = `SELECT coalesce(sum(max(d * c, 0)), 0) AS gainFen, coalesce(sum(max(-d * c, 0)), 0) AS lossFen, coalesce(sum(d <> 0), 0) AS varianceLines
  FROM (SELECT ${DIFF} AS d, ${UNIT_COST} AS c ${COUNTED_FROM})`
const VARIANCE_LINES = `SELECT * FROM (
    SELECT l.id AS lineId, l.partId, p.sku, p.name, l.bin, l.location, l.expectedQty, l.bookAtCount, l.countedQty,
      ${DIFF} AS diffQty, ${UNIT_COST} AS unitCostFen, ${MOVED} AS moved
    ${COUNTED_FROM})
  WHERE diffQty <> 0 OR moved ORDER BY bin, sku, location`

/**
 * Counted lines that differ from the book at count, or moved during the count, in sheet order:
 * all of them (the PDF) or the first VARIANCE_MAX (the screen, refreshed after every scan).
 * Filtering, sorting and totals run in SQL.
 */
export function varianceReport(em: EntityManager, stocktakeId: number, limit: number | null = VARIANCE_MAX): VarianceReport {
  const stocktake = loadStocktake(em, stocktakeId)
  const t = prepared(em, VARIANCE_TOTALS).get({ st: stocktakeId }) as { gainFen: number; lossFen: number; varianceLines: number }
  const sql = limit === null ? VARIANCE_LINES : `${VARIANCE_LINES} LIMIT ${limit + 1}`
  const rows = prepared(em, sql).all({ st: stocktakeId }) as (Omit<VarianceLine, 'valueFen' | 'movedDuringCount'> & { moved: number })[]
  const lines: VarianceLine[] = rows.slice(0, limit ?? rows.length).map(({ moved, ...l }) => ({ ...l, valueFen: l.diffQty * l.unitCostFen, movedDuringCount: moved === 1 }))
  return {
    stocktake,
    lines,
    truncated: limit !== null && rows.length > limit,
    totals: {
      countedLines: stocktake.counted,
      uncountedLines: stocktake.lines - stocktake.counted,
      varianceLines: t.varianceLines,
      gainFen: t.gainFen,
      lossFen: t.lossFen,
      netFen: t.gainFen - t.lossFen
    }
  }
}

/**
 * The manager's approval (username + PIN on this screen) posts one ledger row per counted line
 * whose count differs from the book at count: qty = counted − bookAtCount, on top of the current
 * balance (docType 'stocktake'). A wrong PIN counts toward the manager's lockout and changes
 * nothing else; lines with stock on the book that nobody counted hold the approval back.
 */
export async function approveStocktake(ctx: HandlerContext, input: { stocktakeId: number; approval: { username: string; pin: string } }): Promise<StocktakeView> {
  const user = signedInUser(ctx)
  const em = ctx.em
  const s = openStocktake(ctx, input.stocktakeId)
  const { uncountedExpected } = prepared(em, COUNTS).get(s.id) as { uncountedExpected: number | null }
  if ((uncountedExpected ?? 0) > 0) throw conflict('warehouse.e.uncounted', { n: uncountedExpected ?? 0, stNo: s.stNo })
  // Before any write: a wrong PIN commits only its lockout count (failAfterCommit).
  const manager = await managerApproval(ctx, input.approval)
  const lines = prepared(
    em,
    `SELECT l.id, l.partId, l.location, l.countedQty - l.bookAtCount AS diff FROM stocktake_line l
     WHERE l.stocktakeId = ? AND l.countedQty IS NOT NULL AND l.countedQty <> l.bookAtCount ORDER BY l.id`
  ).all(s.id) as { id: number; partId: number; location: StockLocation; diff: number }[]
  const at = ctx.now.toISOString()
  let netFen = 0
  for (const l of lines) {
    const move = postMove(em, {
      partId: l.partId,
      location: l.location,
      qty: l.diff,
      docType: 'stocktake',
      docId: s.id,
      docNo: s.stNo,
      userId: user.id,
      at,
      note: ctx.t('warehouse.st.moveNote', { manager: manager.displayName })
    })
    netFen += l.diff * move.unitCostFen
    prepared(em, `UPDATE stocktake_line SET postedQty = ?, postedUnitCostFen = ?, moveId = ? WHERE id = ?`).run(l.diff, move.unitCostFen, move.id, l.id)
  }
  prepared(em, `UPDATE stocktake SET status = 'approved', closedAt = ?, closedById = ?, adjustedLines = ?, netFen = ? WHERE id = ?`).run(
    at,
    manager.id,
    lines.length,
    netFen,
    s.id
  )
  await auditCall(ctx, {
    action: 'stocktake.approve',
    entity: 'stocktake',
    entityId: s.id,
    detail: { stNo: s.stNo, approvedBy: manager.username, approvedById: manager.id, adjustedLines: lines.length, netFen },
    changes: { status: { old: 'open', new: 'approved' } }
  })
  return loadStocktake(em, s.id)
}

export async function cancelStocktake(ctx: HandlerContext, input: { stocktakeId: number; reason: string }): Promise<StocktakeView> {
  const user = signedInUser(ctx)
  const s = openStocktake(ctx, input.stocktakeId)
  prepared(ctx.em, `UPDATE stocktake SET status = 'cancelled', closedAt = ?, closedById = ?, cancelReason = ? WHERE id = ?`).run(
    ctx.now.toISOString(),
    user.id,
    input.reason,
    s.id
  )
  await auditCall(ctx, {
    action: 'stocktake.cancel',
    entity: 'stocktake',
    entityId: s.id,
    detail: { stNo: s.stNo, reason: input.reason },
    changes: { status: { old: 'open', new: 'cancelled' } }
  })
  return loadStocktake(ctx.em, s.id)
}
