import type { EntityManager } from 'typeorm'
import type { StockLocation } from '@shared/contract/warehouse/common'
import {
  WAREHOUSE_PAGE,
  type PartDetail,
  type PartFieldsData,
  type PartHit,
  type PartSearchCursor,
  type PartSearchPage,
  type PartView
} from '@shared/contract/warehouse/catalogue'
import { halfWidth } from '@shared/contract/fields'
import { changes, auditCall } from '../audit/audit'
import type { HandlerContext } from '../core/context'
import { AppError, notFound } from '../core/errors'
import { prepared } from '../db/prepared'
import { ftsQuery } from '../search/grams'

const COLUMNS = `p.id, p.sku, p.name, p.spec, p.models, p.unit, p.barcode, p.bin, p.minStock, p.salePriceFen, p.avgCostFen, p.active, p.createdAt, p.updatedAt`
const HIT = `SELECT ${COLUMNS},
    coalesce((SELECT qty FROM stock_balance WHERE partId = p.id AND location = 'main'), 0) AS mainQty,
    coalesce((SELECT qty FROM stock_balance WHERE partId = p.id AND location = 'quarantine'), 0) AS quarantineQty
  FROM part p`
/** Candidate rows read from the FTS table per step (then the real text is checked). */
const FTS_BATCH = 200
/** Most steps one call takes: past that the page ends early and `next` resumes where it stopped. */
const FTS_MAX_STEPS = 10

/**
 * Hot statements of the catalogue, by name: test/schema/query-plans.test.ts checks each plan
 * (no full scan of part or stock_move). `example` binds parameters for EXPLAIN.
 */
export const CATALOGUE_QUERIES = {
  partById: { sql: `SELECT ${COLUMNS} FROM part p WHERE p.id = ?`, example: [1] },
  partBySku: { sql: `SELECT ${COLUMNS} FROM part p WHERE p.sku = ?`, example: ['A-1'] },
  // The partial unique index holds only parts with a barcode: the query says so, or it is not used.
  partByBarcode: { sql: `SELECT ${COLUMNS} FROM part p WHERE p.barcode = ? AND p.barcode <> ''`, example: ['690123'] },
  balances: { sql: `SELECT location, qty FROM stock_balance WHERE partId = ?`, example: [1] },
  hitByBarcode: { sql: `${HIT} WHERE p.barcode = ? AND p.barcode <> '' AND (p.active = 1 OR ?)`, example: ['690123', 0] },
  hitsBySkuPrefix: {
    sql: `${HIT} WHERE p.sku >= ? AND p.sku < ? AND p.sku > ? AND (p.active = 1 OR ?) ORDER BY p.sku LIMIT ${WAREHOUSE_PAGE + 1}`,
    example: ['A', 'B', '', 0]
  },
  // FTS side bounded first (FTS_BATCH candidates after the cursor), each joined to its part by id.
  ftsHits: {
    sql: `${HIT} JOIN (SELECT rowid AS fid FROM part_fts WHERE part_fts MATCH ? AND rowid > ? ORDER BY rowid LIMIT ${FTS_BATCH}) f ON p.id = f.fid ORDER BY p.id`,
    example: ['"屏幕"', 0]
  },
} satisfies Record<string, { sql: string; example: unknown[] }>

type Q = keyof typeof CATALOGUE_QUERIES
const get = <T>(em: EntityManager, q: Q, ...params: unknown[]) => prepared(em, CATALOGUE_QUERIES[q].sql).get(...params) as T | undefined
const all = <T>(em: EntityManager, q: Q, ...params: unknown[]) => prepared(em, CATALOGUE_QUERIES[q].sql).all(...params) as T[]

type PartRow = Omit<PartView, 'active'> & { active: number | boolean }
const view = <T extends PartRow>(row: T): T & { active: boolean } => ({ ...row, active: !!row.active })

export function balancesOf(em: EntityManager, partId: number): Record<StockLocation, number> {
  const out: Record<StockLocation, number> = { main: 0, quarantine: 0 }
  for (const b of all<{ location: StockLocation; qty: number }>(em, 'balances', partId)) out[b.location] = b.qty
  return out
}

export function partView(em: EntityManager, partId: number): PartView {
  const row = get<PartRow>(em, 'partById', partId)
  if (!row) throw notFound()
  return view(row)
}

export function partDetail(em: EntityManager, partId: number): PartDetail {
  return { part: partView(em, partId), balances: balancesOf(em, partId) }
}

export function partBySku(em: EntityManager, sku: string): PartView | null {
  const row = get<PartRow>(em, 'partBySku', sku)
  return row ? view(row) : null
}

/**
 * The one rule for a scanned or typed code (catalogue scanner, stocktake scans): an exact barcode,
 * else an exact SKU (what a label without a barcode carries), full-width and case forgiven.
 */
export function findPartByCode(em: EntityManager, raw: string): PartView | null {
  const code = halfWidth(raw).trim()
  if (!code) return null
  const row = get<PartRow>(em, 'partByBarcode', code) ?? get<PartRow>(em, 'partBySku', code.toUpperCase())
  return row ? view(row) : null
}

/** The scanner path of the parts screen: the part and its balances. */
export function partByCode(em: EntityManager, raw: string): PartDetail | null {
  const part = findPartByCode(em, raw)
  return part ? { part, balances: balancesOf(em, part.id) } : null
}

/** The next string after every string that starts with `prefix` (an index range end). */
const prefixEnd = (prefix: string) => prefix + '\uffff'

/** Lower-case words of a query, as the real-text check compares them. */
const words = (text: string) => text.toLowerCase().split(/[\s\p{P}\p{S}\p{C}]+/u).filter(Boolean)

/**
 * Barcode (exact, first page only), then SKU prefix (in SKU order), then words in name/spec/models
 * (FTS bigrams, in id order, real text re-checked). Every step is an index range, bounded.
 */
export function searchParts(em: EntityManager, input: { text: string; includeInactive: boolean; after?: PartSearchCursor }): PartSearchPage {
  const text = halfWidth(input.text).trim()
  const inactive = input.includeInactive ? 1 : 0
  const hits: PartHit[] = []
  const seen = new Set<number>()
  const push = (row: PartRow & { mainQty: number; quarantineQty: number }, matchedBy: PartHit['matchedBy']) => {
    if (seen.has(row.id)) return
    seen.add(row.id)
    hits.push({ ...view(row), matchedBy })
  }
  const after = input.after
  const skuPrefix = text.toUpperCase()
  const inSkuPhase = !after || 'sku' in after
  if (!after && text && /^[\x21-\x7e]+$/.test(text)) {
    const row = get<PartRow & { mainQty: number; quarantineQty: number }>(em, 'hitByBarcode', text, inactive)
    if (row) push(row, 'barcode')
  }
  if (inSkuPhase && /^[\x21-\x7e]*$/.test(skuPrefix)) {
    const from = after && 'sku' in after ? after.sku : ''
    const rows = all<PartRow & { mainQty: number; quarantineQty: number }>(em, 'hitsBySkuPrefix', skuPrefix, prefixEnd(skuPrefix), from, inactive)
    for (const r of rows.slice(0, WAREHOUSE_PAGE)) push(r, 'sku')
    if (rows.length > WAREHOUSE_PAGE) return { parts: hits.slice(0, WAREHOUSE_PAGE), next: { sku: rows[WAREHOUSE_PAGE - 1].sku } }
  }
  const match = text ? ftsQuery(text) : null
  if (!match) return { parts: hits, next: null }
  const wanted = words(text)
  let fromId = after && 'id' in after ? after.id : 0
  for (let step = 1; ; step++) {
    const rows = all<PartRow & { mainQty: number; quarantineQty: number }>(em, 'ftsHits', match, fromId)
    for (const row of rows) {
      const id = (fromId = row.id)
      if (!row.active && !inactive) continue
      // Parts already listed by SKU prefix are not repeated on later pages.
      if (row.sku.startsWith(skuPrefix) && /^[\x21-\x7e]+$/.test(skuPrefix)) continue
      const hay = `${row.name} ${row.spec} ${row.models}`.toLowerCase()
      if (!wanted.every((w) => hay.includes(w))) continue
      push(row, 'text')
      if (hits.length >= WAREHOUSE_PAGE) return { parts: hits, next: { id } }
    }
    if (rows.length < FTS_BATCH) return { parts: hits, next: null }
    // Many candidates that fail the real-text check (inactive, listed by SKU): stay bounded.
    if (step >= FTS_MAX_STEPS) return { parts: hits, next: { id: fromId } }
  }
}

const EDITABLE = ['sku', 'name', 'spec', 'models', 'unit', 'barcode', 'bin', 'minStock', 'salePriceFen', 'active'] as const

/** A value inside a field message ("key|name=value"): the separators cannot appear in it. */
const param = (v: string) => v.replace(/[|=]/g, ' ')

/** Refuses a SKU or barcode another part already has, naming that part (on the field too). */
function checkUnique(em: EntityManager, data: PartFieldsData, partId: number | null): void {
  const skuOwner = get<PartRow>(em, 'partBySku', data.sku)
  if (skuOwner && skuOwner.id !== partId) {
    throw new AppError('CONFLICT', 'warehouse.e.skuTaken', { sku: data.sku, part: skuOwner.name }, { sku: `warehouse.v.skuTaken|part=${param(skuOwner.name)}` })
  }
  if (data.barcode) {
    const owner = get<PartRow>(em, 'partByBarcode', data.barcode)
    if (owner && owner.id !== partId) {
      throw new AppError('CONFLICT', 'warehouse.e.barcodeTaken', { barcode: data.barcode, part: `${owner.sku} ${owner.name}` }, { barcode: `warehouse.v.barcodeTaken|part=${param(`${owner.sku} ${owner.name}`)}` })
    }
  }
}

const INSERT = `INSERT INTO part (sku, name, spec, models, unit, barcode, bin, minStock, salePriceFen, avgCostFen, active, createdAt, updatedAt)
  VALUES (@sku, @name, @spec, @models, @unit, @barcode, @bin, @minStock, @salePriceFen, 0, @active, @at, @at)`
const UPDATE = `UPDATE part SET sku = @sku, name = @name, spec = @spec, models = @models, unit = @unit, barcode = @barcode, bin = @bin,
  minStock = @minStock, salePriceFen = @salePriceFen, active = @active, updatedAt = @at WHERE id = @id`

function row(data: PartFieldsData, at: string) {
  return { ...Object.fromEntries(EDITABLE.map((k) => [k, data[k]])), active: data.active ? 1 : 0, at }
}

/** Inserts a part (no audit: callers audit one row per call). */
export function insertPart(em: EntityManager, data: PartFieldsData, at: string): number {
  checkUnique(em, data, null)
  return Number(prepared(em, INSERT).run(row(data, at)).lastInsertRowid)
}

/** Updates a part's editable fields; returns what changed (empty: nothing was written). */
export function updatePart(em: EntityManager, partId: number, data: PartFieldsData, at: string) {
  const before = partView(em, partId)
  checkUnique(em, data, partId)
  const diff = changes(pickEditable(before), pickEditable(data))
  if (Object.keys(diff).length) prepared(em, UPDATE).run({ ...row(data, at), id: partId })
  return diff
}

const pickEditable = (p: Pick<PartView, (typeof EDITABLE)[number]>) => Object.fromEntries(EDITABLE.map((k) => [k, p[k]]))

export async function createPartCall(ctx: HandlerContext, data: PartFieldsData): Promise<PartDetail> {
  const partId = insertPart(ctx.em, data, ctx.now.toISOString())
  await auditCall(ctx, { action: 'part.create', entity: 'part', entityId: partId, detail: { sku: data.sku, name: data.name } })
  return partDetail(ctx.em, partId)
}

export async function updatePartCall(ctx: HandlerContext, partId: number, data: PartFieldsData): Promise<PartDetail> {
  const diff = updatePart(ctx.em, partId, data, ctx.now.toISOString())
  if (Object.keys(diff).length) {
    await auditCall(ctx, { action: 'part.update', entity: 'part', entityId: partId, detail: { sku: data.sku }, changes: diff })
  }
  return partDetail(ctx.em, partId)
}
