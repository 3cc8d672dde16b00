import type { EntityManager } from 'typeorm'
import { prepared } from '../db/prepared'

/** The loaner an order still has out, if any (pickup refuses to close the order while it is out). */
export interface OpenLoan {
  loanId: number
  loanerId: number
  code: string
  device: string
  serial: string
  depositFen: number
  lentAt: string
  dueDate: string
}

const OPEN_LOAN_FOR_ORDER = `SELECT l.id AS loanId, l.loanerId, d.code, d.device, d.serial, l.depositFen, l.lentAt, l.dueDate
  FROM loaner_loan l JOIN loaner d ON d.id = l.loanerId WHERE l.orderId = ? AND l.returnedAt IS NULL`

/** One indexed read (partial unique index on orderId where returnedAt IS NULL); null when none is out. */
export function openLoanerFor(em: EntityManager, orderId: number): OpenLoan | null {
  return (prepared(em, OPEN_LOAN_FOR_ORDER).get(orderId) as OpenLoan | undefined) ?? null
}
