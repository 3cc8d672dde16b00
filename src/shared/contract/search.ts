import { z } from 'zod'
import { channel, readOnly } from './channel'
import { halfWidth, id, plainMobile } from './fields'
import type { OrderSummary } from './intake'

/** How a global-search hit matched: shown beside it so the clerk sees why it is listed. */
export const MATCH_KINDS = ['ticket', 'orderNo', 'claimCode', 'mobile', 'mobileLast4', 'mobilePrefix', 'serial', 'serialLast6', 'name', 'device'] as const
export type MatchKind = (typeof MATCH_KINDS)[number]

export interface SearchHit extends OrderSummary {
  matchedBy: MatchKind
}

export interface GlobalSearchResult {
  hits: SearchHit[]
  /** Exactly one order matched: the screen opens it at once. */
  unique: boolean
}

export interface OrdersPage {
  orders: OrderSummary[]
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextBefore: number | null
  /** All orders in the store (only on an unfiltered first page; cheap: no COUNT over the table per keystroke). */
  total: number | null
}

/** Results per lookup: a clerk reads a screenful, never thousands. */
export const SEARCH_LIMIT = 20

/** The claim ticket's QR / CODE128 payload (see receipt/tickets.ts): RO|<orderNo>|<claimCode>. */
const TICKET = /^RO\|([^|\s]+)\|([A-Za-z0-9]+)$/
const ORDER_NO = /^\d{4}-\d{4,}$/
const CLAIM_CODE = /^[ACDEFGHJKMNPQRTUVWXY34679]{6}$/

/** What one typed or scanned text can be; each applicable lookup runs (all index-backed, all bounded). */
export interface SearchPlan {
  ticket?: { orderNo: string; claimCode: string }
  orderNo?: string
  claimCode?: string
  mobile?: string
  mobileLast4?: string
  mobilePrefix?: string
  serial?: string
  serialLast6?: string
  /** Free text: customer name and device brand/model. */
  text?: string
}

/**
 * Reads what the clerk typed or the scanner sent: full-width digits, `+86`, spaces and dashes in
 * a mobile, lower-case claim codes and serials are all accepted.
 */
export function searchPlan(raw: string): SearchPlan {
  const q = halfWidth(raw).trim()
  if (!q) return {}
  const ticket = TICKET.exec(q)
  if (ticket) return { ticket: { orderNo: ticket[1], claimCode: ticket[2].toUpperCase() } }
  if (ORDER_NO.test(q)) return { orderNo: q }
  const plan: SearchPlan = {}
  const digits = plainMobile(q)
  if (/^\d+$/.test(digits)) {
    if (/^1\d{10}$/.test(digits)) plan.mobile = digits
    else if (digits.length === 4) plan.mobileLast4 = digits
    else if (/^1\d{2,9}$/.test(digits)) plan.mobilePrefix = digits
    if (digits.length === 6) plan.serialLast6 = digits
    else if (digits.length >= 8) plan.serial = digits
    return plan
  }
  const compact = q.replace(/\s+/g, '').toUpperCase()
  if (CLAIM_CODE.test(compact)) plan.claimCode = compact
  // A serial has digits and no CJK; six or more characters, last 6 or the whole of it.
  if (/^[A-Z0-9-]{6,40}$/.test(compact) && /\d/.test(compact)) {
    if (compact.length === 6) plan.serialLast6 = compact
    else plan.serial = compact
  }
  plan.text = q
  return plan
}

export const searchContract = {
  /** One box for everything (F2 / Ctrl+K): ticket scan, number, code, mobile, IMEI, name, brand/model. */
  'search.global': readOnly(channel<GlobalSearchResult>()(z.object({ query: z.string().trim().max(80) }), 'signedIn')),
  /** The orders list, newest first, keyset-paginated (`before` = the last id of the previous page). */
  'orders.page': readOnly(channel<OrdersPage>()(
    z.object({
      query: z.string().trim().max(80).default(''),
      before: id.nullable().default(null),
      limit: z.number().int().min(1).max(100).default(50)
    }),
    'signedIn'
  ))
}
