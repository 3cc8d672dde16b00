import type { EntityManager } from 'typeorm'
import type { PaymentKind, PaymentMethod } from '@shared/domain/payments'
import { prepared } from '../db/prepared'

/** Payments are shared by intake (deposits), pickup (payments, refunds), loaners and the day close. */
export interface PaymentRow {
  orderId: number
  kind: PaymentKind
  method: PaymentMethod
  /** Signed: a refund is negative. */
  amountFen: number
  at: Date
  userId: number
  /** A loaner's deposit or its refund (not money held for the repair itself). */
  loanId?: number | null
}

const INSERT_PAYMENT = `INSERT INTO payment (orderId, kind, method, amountFen, receivedAt, userId, loanId) VALUES (?, ?, ?, ?, ?, ?, ?)`
const HELD_FOR_ORDER = `SELECT COALESCE(SUM(amountFen), 0) AS held FROM payment WHERE orderId = ? AND loanId IS NULL`

export function recordPayment(em: EntityManager, p: PaymentRow): number {
  if (p.kind === 'refund' ? p.amountFen >= 0 : p.amountFen <= 0) throw new Error(`payment ${p.kind} with amount ${p.amountFen}`)
  return Number(prepared(em, INSERT_PAYMENT).run(p.orderId, p.kind, p.method, p.amountFen, p.at.toISOString(), p.userId, p.loanId ?? null).lastInsertRowid)
}

/** Net money held for the repair (deposits and payments minus refunds; loaner deposits apart). */
export function heldForOrder(em: EntityManager, orderId: number): number {
  return (prepared(em, HELD_FOR_ORDER).get(orderId) as { held: number }).held
}
