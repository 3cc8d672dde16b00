import type { EntityManager } from 'typeorm'
import type { StockLocation, StockMoveView } from '@shared/contract/warehouse/common'
import { WAREHOUSE_PAGE, type StockCardPage } from '@shared/contract/warehouse/catalogue'
import { prepared } from '../db/prepared'
import { balancesOf, partView } from './catalogue'

const MOVE = `SELECT m.id, m.partId, m.location, m.qty, m.unitCostFen, m.balanceAfter, m.docType, m.docId, m.docNo, m.orderId,
    m.userId, coalesce(u.displayName, '') AS userName, m.at, m.note
  FROM stock_move m LEFT JOIN "user" u ON u.id = m.userId`

/** Stock card statements (checked by test/schema/query-plans.test.ts): index (partId, location, id). */
export const STOCK_CARD_QUERIES = {
  stockCardFirst: { sql: `${MOVE} WHERE m.partId = ? AND m.location = ? ORDER BY m.id DESC LIMIT ${WAREHOUSE_PAGE + 1}`, example: [1, 'main'] },
  stockCardBefore: {
    sql: `${MOVE} WHERE m.partId = ? AND m.location = ? AND m.id < ? ORDER BY m.id DESC LIMIT ${WAREHOUSE_PAGE + 1}`,
    example: [1, 'main', 1000]
  }
} satisfies Record<string, { sql: string; example: unknown[] }>

/**
 * The stock card (卡片帐): every ledger row of the part at one location, newest first, each with
 * the balance after it (stored on the row and checked by the ledger trigger, so it is the running
 * balance without summing), WAREHOUSE_PAGE rows a page.
 */
export function stockCard(em: EntityManager, input: { partId: number; location: StockLocation; beforeId?: number }): StockCardPage {
  const part = partView(em, input.partId)
  const rows = (
    input.beforeId
      ? prepared(em, STOCK_CARD_QUERIES.stockCardBefore.sql).all(input.partId, input.location, input.beforeId)
      : prepared(em, STOCK_CARD_QUERIES.stockCardFirst.sql).all(input.partId, input.location)
  ) as StockMoveView[]
  const more = rows.length > WAREHOUSE_PAGE
  const moves = more ? rows.slice(0, WAREHOUSE_PAGE) : rows
  return {
    part,
    location: input.location,
    balances: balancesOf(em, input.partId),
    moves,
    nextBeforeId: more ? moves[moves.length - 1].id : null
  }
}
