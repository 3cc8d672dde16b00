import type { EntityManager } from 'typeorm'
import type { StockLocation } from '@shared/contract/warehouse/common'
import type { OrderRef, PartRef, UserRef } from '@shared/contract/warehouse/moves'
import { localDate, type PlainDate } from '@shared/domain/dates'
import { orderInShop } from '@shared/domain/orders'
import type { HandlerContext } from '../core/context'
import { conflict, notFound, validationError } from '../core/errors'
import { prepared } from '../db/prepared'

/** Shared lookups of the movement services (receipts, requisitions, returns, transfers, adjustments). */

export async function storeToday(ctx: HandlerContext): Promise<PlainDate> {
  const settings = await ctx.services.settings.load(ctx.em)
  return localDate(ctx.now, settings.timeZone)
}

const PART_REF = `SELECT id, sku, name, spec, unit, barcode, bin, active FROM part WHERE id = ?`
export type PartRow = PartRef & { active: number }

export function partRef(em: EntityManager, partId: number): PartRef {
  const row = prepared(em, PART_REF).get(partId) as PartRow | undefined
  if (!row) throw notFound()
  return toPartRef(row)
}

export const toPartRef = (r: PartRow): PartRef => ({ id: r.id, sku: r.sku, name: r.name, spec: r.spec, unit: r.unit, barcode: r.barcode, bin: r.bin })

/** The part a form line names; `field` is the form path for the error ("lines.0.partId"). */
export function requirePart(em: EntityManager, partId: number, field: string, opts: { active?: boolean } = {}): PartRef {
  const row = prepared(em, PART_REF).get(partId) as PartRow | undefined
  if (!row) throw validationError({ [field]: 'warehouse.e.noSuchPart' })
  if (opts.active && !row.active) throw validationError({ [field]: 'warehouse.e.partInactive' })
  return toPartRef(row)
}

const USER_REF = `SELECT id, displayName FROM "user" WHERE id = ?`
export function userRef(em: EntityManager, userId: number): UserRef {
  return (prepared(em, USER_REF).get(userId) as UserRef | undefined) ?? { id: userId, displayName: '' }
}
export const optionalUserRef = (em: EntityManager, userId: number | null): UserRef | null => (userId === null ? null : userRef(em, userId))

const ORDER_REF = `SELECT id, orderNo, brand || ' ' || model AS deviceLabel, status, returnedAt FROM work_order WHERE id = ?`
export function orderRef(em: EntityManager, orderId: number): OrderRef | null {
  const row = prepared(em, ORDER_REF).get(orderId) as (Omit<OrderRef, 'inShop'> & { returnedAt: string | null }) | undefined
  if (!row) return null
  return { id: row.id, orderNo: row.orderNo, deviceLabel: row.deviceLabel, status: row.status, inShop: orderInShop(row) }
}

/** Parts go only to a work order whose device is still in the shop (orderInShop). */
export function requireOrderInShop(em: EntityManager, orderId: number): OrderRef {
  const order = orderRef(em, orderId)
  if (!order) throw validationError({ orderId: 'warehouse.e.noSuchOrder' })
  if (!order.inShop) throw conflict('warehouse.e.orderNotInShop', { orderNo: order.orderNo })
  return order
}

const BALANCES = `SELECT location, qty FROM stock_balance WHERE partId = ?`
export function balancesOf(em: EntityManager, partId: number): Record<StockLocation, number> {
  const out: Record<StockLocation, number> = { main: 0, quarantine: 0 }
  for (const r of prepared(em, BALANCES).all(partId) as { location: StockLocation; qty: number }[]) out[r.location] = r.qty
  return out
}

/**
 * Refuses taking `qty` out of `location` when it is not there, naming the part and what is on hand;
 * when the shelf is short but quarantine holds some, says that quarantine stock is never issued.
 * (postMove and the ledger triggers refuse the same; this only makes the message clearer.)
 */
export function requireOnHand(em: EntityManager, part: PartRef, location: StockLocation, qty: number): void {
  const b = balancesOf(em, part.id)
  if (b[location] >= qty) return
  const label = `${part.sku} ${part.name}`
  if (location === 'main' && b.quarantine > 0) {
    throw conflict('warehouse.e.insufficientQuarantine', { part: label, onHand: b.main, wanted: qty, quarantine: b.quarantine })
  }
  throw conflict('warehouse.e.insufficient', { part: label, onHand: b[location], wanted: qty })
}
