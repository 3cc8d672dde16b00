import type { EntityManager } from 'typeorm'
import type { OrderSummary } from '@shared/contract/intake'
import type { PickupCandidate, PickupFindResult, PickupMatch } from '@shared/contract/pickup'
import { SEARCH_LIMIT, searchPlan } from '@shared/contract/search'
import { halfWidth } from '@shared/contract/fields'
import { HAND_BACK_STATUSES, type OrderStatus } from '@shared/domain/order-status'
import { localDateTime } from '@shared/domain/dates'
import { conflict, type AppError } from '../core/errors'
import { prepared } from '../db/prepared'
import { ORDER_SUMMARY_COLUMNS, ORDER_SUMMARY_FROM } from '../search/search-service'

/** The OrderSummary DTO (search/'s columns: the overdue rule needs promisedDate and returnedAt) and the claim code. */
const SUMMARY = `SELECT ${ORDER_SUMMARY_COLUMNS}, w.claimCode ${ORDER_SUMMARY_FROM}`

/** Every pickup lookup, index-backed and bounded (test/schema/query-plans.test.ts runs them). */
export const PICKUP_QUERIES = {
  byOrderNo: `${SUMMARY} WHERE w.orderNo = ?`,
  byClaimCode: `${SUMMARY} WHERE w.claimCode = ? ORDER BY w.id DESC LIMIT ${SEARCH_LIMIT}`,
  // The customer's orders still in the shop (a regular may have hundreds handed back over the years).
  byMobileInShop: `${SUMMARY} WHERE w.customerId IN (SELECT id FROM customer WHERE mobile = ?) AND w.status NOT IN ('pickedUp', 'void') ORDER BY w.id DESC LIMIT ${SEARCH_LIMIT}`,
  collectedBy: `SELECT p.at, p.proofKind, p.collectorName, u.displayName AS clerk, c.name AS customerName, w.orderNo
    FROM pickup p JOIN work_order w ON w.id = p.orderId JOIN customer c ON c.id = w.customerId JOIN "user" u ON u.id = p.userId WHERE p.orderId = ?`
} as const

type Row = OrderSummary & { claimCode: string }

const inShop = (r: Row) => r.status !== 'pickedUp' && r.status !== 'void'

/** 'ACD EFG', full-width, lower case → 'ACDEFG'. */
export const plainClaimCode = (s: string) => halfWidth(s).replace(/\s+/g, '').toUpperCase()

/**
 * "This claim ticket is void": the order was collected on {date} by {collector} (clerk {clerk}).
 * Null when the order has no pickup record (handed back before pickups were recorded).
 */
export function collectedError(em: EntityManager, orderId: number, timeZone: string): AppError | null {
  const p = prepared(em, PICKUP_QUERIES.collectedBy).get(orderId) as
    | { at: string; proofKind: string; collectorName: string; clerk: string; customerName: string; orderNo: string }
    | undefined
  if (!p) return null
  return conflict('pickup.err.collected', {
    orderNo: p.orderNo,
    date: localDateTime(p.at, timeZone),
    collector: p.proofKind === 'lost' ? p.collectorName : p.customerName,
    clerk: p.clerk
  })
}

/**
 * The pickup screen's scan field. A scanned claim ticket (RO|orderNo|code, decoded like the global
 * search), a claim code, an order number or a mobile number → the orders in the shop it names. A
 * ticket, code or order number that names only an order already handed back is refused with the
 * date and who collected it (the ticket is void). Every lookup is one index seek, LIMITed.
 */
export function findForPickup(em: EntityManager, query: string, timeZone: string): PickupFindResult {
  const plan = searchPlan(query)
  const out: PickupCandidate[] = []
  const add = (matchedBy: PickupMatch, rows: Row[]) => {
    for (const { claimCode: _c, ...r } of rows.filter(inShop)) {
      if (out.length < SEARCH_LIMIT && !out.some((o) => o.id === r.id)) out.push({ ...r, matchedBy, canHandBack: HAND_BACK_STATUSES.includes(r.status as OrderStatus) })
    }
  }
  /** Only handed-back orders matched: refuse with who and when (the newest such order). */
  const refuseIfCollected = (rows: Row[]) => {
    const collected = rows.find((r) => r.status === 'pickedUp')
    if (!out.length && collected) throw collectedError(em, collected.id, timeZone) ?? conflict('pickup.err.collectedUnknown', { orderNo: collected.orderNo })
  }
  if (plan.ticket) {
    const rows = (prepared(em, PICKUP_QUERIES.byOrderNo).all(plan.ticket.orderNo) as Row[]).filter((r) => r.claimCode === plan.ticket?.claimCode)
    add('ticket', rows)
    refuseIfCollected(rows)
    return { candidates: out, proof: out.length ? { kind: 'ticket', value: query.trim() } : null }
  }
  if (plan.orderNo) {
    const rows = prepared(em, PICKUP_QUERIES.byOrderNo).all(plan.orderNo) as Row[]
    add('orderNo', rows)
    refuseIfCollected(rows)
    return { candidates: out, proof: null }
  }
  if (plan.claimCode) {
    const rows = prepared(em, PICKUP_QUERIES.byClaimCode).all(plan.claimCode) as Row[]
    add('claimCode', rows)
    refuseIfCollected(rows)
    if (out.length) return { candidates: out, proof: { kind: 'code', value: plan.claimCode } }
  }
  if (plan.mobile) add('mobile', prepared(em, PICKUP_QUERIES.byMobileInShop).all(plan.mobile) as Row[])
  return { candidates: out, proof: null }
}
