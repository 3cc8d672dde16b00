import type { EntityManager } from 'typeorm'
import type { MoveType, StockLocation } from '@shared/contract/warehouse/common'
import { conflict, notFound } from '../core/errors'
import { prepared } from '../db/prepared'

export interface MoveInput {
  partId: number
  location: StockLocation
  /** Signed, never 0. */
  qty: number
  /** Receipts: the supplier's unit price. Omitted: the part's moving average (issues, transfers, counts). */
  unitCostFen?: number
  docType: MoveType
  docId: number
  docNo: string
  orderId?: number | null
  userId: number
  at: string
  note?: string
}

export interface PostedMove {
  id: number
  balanceAfter: number
  unitCostFen: number
}

interface PartStock {
  sku: string
  name: string
  avgCostFen: number
  /** All locations. */
  total: number
  /** This location. */
  here: number
}

const PART_STOCK = `SELECT p.sku, p.name, p.avgCostFen,
    coalesce((SELECT sum(qty) FROM stock_balance WHERE partId = p.id), 0) AS total,
    coalesce((SELECT qty FROM stock_balance WHERE partId = p.id AND location = @location), 0) AS here
  FROM part p WHERE p.id = @partId`
const INSERT_MOVE = `INSERT INTO stock_move
    (partId, location, qty, unitCostFen, balanceAfter, avgCostAfter, docType, docId, docNo, orderId, userId, at, note)
  VALUES (@partId, @location, @qty, @unitCostFen, @balanceAfter, @avgCostAfter, @docType, @docId, @docNo, @orderId, @userId, @at, @note)`
const SET_AVG_COST = `UPDATE part SET avgCostFen = ? WHERE id = ? AND avgCostFen <> ?`

/**
 * Moving average after `qty` arrive at `unitCost`: (old value + new value) / new quantity, in whole
 * fen (half up). When nothing was on hand (stock went to zero) the new price is the average.
 * `onHand` is the part's stock in every location (quarantine stock is valued too). Computed in
 * BigInt: on hand × cost can pass 2^53 fen for large stocks of dear parts, and a float there would
 * round the average wrongly.
 */
export function movingAverage(onHand: number, avgCost: number, qty: number, unitCost: number): number {
  if (onHand <= 0) return unitCost
  const value = BigInt(onHand) * BigInt(avgCost) + BigInt(qty) * BigInt(unitCost)
  const count = BigInt(onHand + qty)
  // Half up for non-negative values: floor((2·value + count) / (2·count)).
  return Number((2n * value + count) / (2n * count))
}

/**
 * The one way stock changes: appends a ledger row (the triggers then update stock_balance and
 * refuse anything inconsistent). Refuses a movement that would take the location below zero with a
 * message naming the part and what is on hand. Call inside the router's transaction.
 */
export function postMove(em: EntityManager, move: MoveInput): PostedMove {
  if (!Number.isSafeInteger(move.qty) || move.qty === 0) throw new Error(`postMove: bad quantity ${move.qty}`)
  const part = prepared(em, PART_STOCK).get({ partId: move.partId, location: move.location }) as PartStock | undefined
  if (!part) throw notFound()
  const balanceAfter = part.here + move.qty
  if (balanceAfter < 0) {
    throw conflict('warehouse.e.insufficient', { part: `${part.sku} ${part.name}`, onHand: part.here, wanted: -move.qty })
  }
  const unitCostFen = move.unitCostFen ?? part.avgCostFen
  const avgCostAfter = move.docType === 'receipt' && move.qty > 0 ? movingAverage(part.total, part.avgCostFen, move.qty, unitCostFen) : part.avgCostFen
  const { lastInsertRowid } = prepared(em, INSERT_MOVE).run({
    partId: move.partId,
    location: move.location,
    qty: move.qty,
    unitCostFen,
    balanceAfter,
    avgCostAfter,
    docType: move.docType,
    docId: move.docId,
    docNo: move.docNo,
    orderId: move.orderId ?? null,
    userId: move.userId,
    at: move.at,
    note: move.note ?? ''
  })
  prepared(em, SET_AVG_COST).run(avgCostAfter, move.partId, avgCostAfter)
  return { id: Number(lastInsertRowid), balanceAfter, unitCostFen }
}

const ON_HAND = `SELECT qty FROM stock_balance WHERE partId = ? AND location = ?`

export function onHand(em: EntityManager, partId: number, location: StockLocation): number {
  const row = prepared(em, ON_HAND).get(partId, location) as { qty: number } | undefined
  return row?.qty ?? 0
}
