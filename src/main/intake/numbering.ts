import { randomInt } from 'node:crypto'
import type { EntityManager } from 'typeorm'
import { yearMonthCode, type PlainDate } from '@shared/domain/dates'
import { prepared } from '../db/prepared'

/**
 * Next work-order number for the store-local month of `today`: YYMM-NNNN (more digits past 9999).
 * Must run inside the intake transaction: a rollback takes the increment back, so no gaps.
 */
export async function allocateOrderNo(em: EntityManager, today: PlainDate): Promise<string> {
  const period = yearMonthCode(today)
  const { lastSerial } = prepared(em, NEXT_SERIAL).get({ period }) as { lastSerial: number }
  return `${period}-${String(lastSerial).padStart(4, '0')}`
}

// Inserts the next serial itself (not 1): the tamper guard refuses an INSERT carrying a smaller
// serial than the stored one, and it also sees this upsert's INSERT.
const NEXT_SERIAL = `INSERT INTO order_sequence (period, lastSerial)
  VALUES (@period, coalesce((SELECT lastSerial FROM order_sequence WHERE period = @period), 0) + 1)
  ON CONFLICT(period) DO UPDATE SET lastSerial = excluded.lastSerial RETURNING lastSerial`
// Served by the claimCode index. A handed-back or void order's code may be issued again (its ticket is void).
const CLAIM_CODE_IN_USE = `SELECT 1 FROM work_order WHERE claimCode = ? AND status NOT IN ('pickedUp', 'void') LIMIT 1`

// No 0/O, 1/I/L, 2/Z, 5/S, 8/B: the code is read aloud and typed from a crumpled ticket.
const ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679'
const CODE_LENGTH = 6

/** A short claim code, unique among orders still in the shop. */
export async function newClaimCode(em: EntityManager): Promise<string> {
  for (;;) {
    let code = ''
    for (let i = 0; i < CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)]
    if (!prepared(em, CLAIM_CODE_IN_USE).get(code)) return code
  }
}
