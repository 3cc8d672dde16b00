import type { Database, Statement } from 'better-sqlite3'
import type { DataSource } from 'typeorm'
import { plainMobile } from '@shared/contract/fields'
import type { CustomerHistory, CustomerView, OrderSummary } from '@shared/contract/intake'
import { SEARCH_LIMIT, searchPlan, type GlobalSearchResult, type MatchKind, type OrdersPage, type SearchHit } from '@shared/contract/search'
import { notFound } from '../core/errors'
import { ftsQuery } from './grams'

/** Exactly the OrderSummary DTO, in one indexed join: no entity hydration, no JSON columns parsed. */
export const ORDER_SUMMARY_COLUMNS = `w.id, w.orderNo, w.status, w.receivedAt, c.name AS customerName, c.mobile AS customerMobile,
  w.brand || ' ' || w.model AS deviceLabel, w.serial, w.serviceType, w.promisedDate, w.returnedAt`
export const ORDER_SUMMARY_FROM = `FROM work_order w JOIN customer c ON c.id = w.customerId`
const SUMMARY = `SELECT ${ORDER_SUMMARY_COLUMNS} ${ORDER_SUMMARY_FROM}`
const CUSTOMER = `SELECT c.id, c.name, c.mobile, c.landline, c.address FROM customer c`
const NEWEST = `ORDER BY w.id DESC LIMIT ${SEARCH_LIMIT}`

/**
 * Every hot read statement, by name. test/schema/query-plans.test.ts runs EXPLAIN QUERY PLAN on
 * each with the parameters in `example`, and fails on a full scan of a big table: add a new hot
 * query here (or to that test's list) and it is checked.
 */
export const HOT_QUERIES = {
  orderByNo: { sql: `${SUMMARY} WHERE w.orderNo = ?`, example: ['2611-0001'] },
  orderByTicket: { sql: `${SUMMARY} WHERE w.orderNo = ? AND w.claimCode = ?`, example: ['2611-0001', 'ACDEFG'] },
  ordersByClaimCode: { sql: `${SUMMARY} WHERE w.claimCode = ? ${NEWEST}`, example: ['ACDEFG'] },
  ordersBySerial: { sql: `${SUMMARY} WHERE w.serial = ? ${NEWEST}`, example: ['860012345678903'] },
  ordersBySerialLast6: { sql: `${SUMMARY} WHERE substr(w.serial, -6) = ? ${NEWEST}`, example: ['678903'] },
  ordersByMobile: { sql: `${SUMMARY} WHERE w.customerId IN (SELECT id FROM customer WHERE mobile = ?) ${NEWEST}`, example: ['13812345678'] },
  ordersByMobileLast4: {
    sql: `${SUMMARY} WHERE w.customerId IN (SELECT id FROM customer WHERE substr(mobile, -4) = ? ORDER BY id DESC LIMIT ${SEARCH_LIMIT}) ${NEWEST}`,
    example: ['5678']
  },
  ordersByMobilePrefix: {
    sql: `${SUMMARY} WHERE w.customerId IN (SELECT id FROM customer WHERE mobile >= ? AND mobile < ? ORDER BY mobile LIMIT ${SEARCH_LIMIT}) ${NEWEST}`,
    example: ['1381', '1382']
  },
  ordersByName: {
    sql: `${SUMMARY} WHERE w.customerId IN (SELECT f.rowid FROM customer_fts f JOIN customer c2 ON c2.id = f.rowid
      WHERE customer_fts MATCH ? AND instr(c2.name, ?) > 0 ORDER BY f.rowid DESC LIMIT ${SEARCH_LIMIT}) ${NEWEST}`,
    example: ['"小明"', '小明']
  },
  // The FTS side is bounded first (newest 200 candidates), then the real text is checked.
  ordersByDevice: {
    sql: `${SUMMARY} WHERE w.id IN (SELECT rowid FROM work_order_fts WHERE work_order_fts MATCH ? ORDER BY rowid DESC LIMIT 200)
      AND instr(lower(w.brand || ' ' || w.model), lower(?)) > 0 ${NEWEST}`,
    example: ['"ma" "at" "te"', 'mate']
  },
  customersByMobilePrefix: { sql: `${CUSTOMER} WHERE c.mobile >= ? AND c.mobile < ? ORDER BY c.mobile LIMIT 10`, example: ['1381', '1382'] },
  customersByName: {
    sql: `${CUSTOMER} JOIN customer_fts f ON f.rowid = c.id WHERE customer_fts MATCH ? AND instr(c.name, ?) > 0 ORDER BY f.rowid DESC LIMIT 10`,
    example: ['"小明"', '小明']
  },
  customerById: { sql: `${CUSTOMER} WHERE c.id = ?`, example: [1] },
  historyOfCustomer: { sql: `${SUMMARY} WHERE w.customerId = ? ORDER BY w.id DESC LIMIT 50`, example: [1] },
  ordersFirstPage: { sql: `${SUMMARY} ORDER BY w.id DESC LIMIT ?`, example: [51] },
  ordersBefore: { sql: `${SUMMARY} WHERE w.id < ? ORDER BY w.id DESC LIMIT ?`, example: [1000, 51] },
  // Orders are never deleted (tamper guard), so the highest id is the number of orders: O(log n), no COUNT(*).
  ordersTotal: { sql: `SELECT coalesce(max(id), 0) AS n FROM work_order`, example: [] }
} satisfies Record<string, { sql: string; example: unknown[] }>

type QueryName = keyof typeof HOT_QUERIES

/** The next string after every string that starts with `prefix` (for an index range). */
const prefixEnd = (prefix: string) => prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1)

/**
 * Hot reads as lean SQL on the app's own connection (prepared once), inside the router's lock but
 * without a transaction: each is a LIMITed index lookup, so the lock is held for well under a
 * millisecond and a search never waits long behind anything, nor makes anything wait.
 */
export class SearchService {
  private statements = new Map<QueryName, Statement>()

  constructor(private dataSource: DataSource) {}

  private get db(): Database {
    return (this.dataSource.driver as unknown as { databaseConnection: Database }).databaseConnection
  }

  private stmt(name: QueryName): Statement {
    let s = this.statements.get(name)
    if (!s) {
      s = this.db.prepare(HOT_QUERIES[name].sql)
      this.statements.set(name, s)
    }
    return s
  }

  private all<T>(name: QueryName, ...params: unknown[]): T[] {
    return this.stmt(name).all(...params) as T[]
  }

  /** Intake's customer field: digits as a mobile prefix (in number order), anything else as a name. */
  customers(raw: string): CustomerView[] {
    const digits = plainMobile(raw)
    if (/^\d+$/.test(digits)) return this.all('customersByMobilePrefix', digits, prefixEnd(digits))
    const match = ftsQuery(raw)
    return match ? this.all('customersByName', match, raw.trim()) : []
  }

  history(customerId: number): CustomerHistory {
    const [customer] = this.all<CustomerView>('customerById', customerId)
    if (!customer) throw notFound()
    return { customer, orders: this.all('historyOfCustomer', customerId) }
  }

  ordersPage(input: { query: string; before: number | null; limit: number }): OrdersPage {
    if (input.query) {
      return { orders: this.global(input.query).hits.map(({ matchedBy: _m, ...o }) => o), nextBefore: null, total: null }
    }
    const rows =
      input.before === null ? this.all<OrderSummary>('ordersFirstPage', input.limit + 1) : this.all<OrderSummary>('ordersBefore', input.before, input.limit + 1)
    const more = rows.length > input.limit
    const orders = more ? rows.slice(0, input.limit) : rows
    const total = input.before === null ? this.all<{ n: number }>('ordersTotal')[0].n : null
    return { orders, nextBefore: more ? orders[orders.length - 1].id : null, total }
  }

  /** The one search box: every lookup the text can mean, each index-backed and bounded, merged. */
  global(raw: string): GlobalSearchResult {
    const plan = searchPlan(raw)
    const hits: SearchHit[] = []
    const seen = new Set<number>()
    const add = (matchedBy: MatchKind, rows: OrderSummary[]) => {
      for (const r of rows) {
        if (hits.length >= SEARCH_LIMIT || seen.has(r.id)) continue
        seen.add(r.id)
        hits.push({ ...r, matchedBy })
      }
    }
    if (plan.ticket) add('ticket', this.all('orderByTicket', plan.ticket.orderNo, plan.ticket.claimCode))
    if (plan.orderNo) add('orderNo', this.all('orderByNo', plan.orderNo))
    if (plan.claimCode) add('claimCode', this.all('ordersByClaimCode', plan.claimCode))
    if (plan.serial) add('serial', this.all('ordersBySerial', plan.serial))
    if (plan.serialLast6) add('serialLast6', this.all('ordersBySerialLast6', plan.serialLast6))
    if (plan.mobile) add('mobile', this.all('ordersByMobile', plan.mobile))
    if (plan.mobileLast4) add('mobileLast4', this.all('ordersByMobileLast4', plan.mobileLast4))
    if (plan.mobilePrefix) add('mobilePrefix', this.all('ordersByMobilePrefix', plan.mobilePrefix, prefixEnd(plan.mobilePrefix)))
    if (plan.text && hits.length < SEARCH_LIMIT) {
      const match = ftsQuery(plan.text)
      if (match) {
        add('name', this.all('ordersByName', match, plan.text))
        add('device', this.all('ordersByDevice', match, plan.text))
      }
    }
    return { hits, unique: hits.length === 1 }
  }
}
