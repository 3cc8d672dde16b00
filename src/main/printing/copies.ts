/**
 * Copy numbering of an order's claim ticket and device tag. The rule, in one place:
 *
 *   A copy's number is how many copies of that document came out before it, counted per order and
 *   kind across thermal and PDF: thermal jobs of which any byte left (done, unconfirmed, or cut off
 *   mid-send — they may be on paper) plus, for the claim ticket, every PDF saved. 0 is the original.
 *
 * A thermal copy is numbered when its first byte leaves (not when it is queued), so a job that
 * waited for the printer and a PDF saved meanwhile can never both be "the original", and a job that
 * never printed pushes no number.
 */
import type { EntityManager } from 'typeorm'
import type { CopyKind, PrintKind } from '@shared/contract/printing'
import { AuditLog } from '../audit/audit-log.entity'

export const isCopyKind = (kind: PrintKind): kind is CopyKind => kind === 'claimTicket' || kind === 'deviceTag'

/** Copies that came out so far (index-backed: print_job (orderId, kind), audit_log (entity, entityId)). */
export async function copiesOut(em: EntityManager, orderId: number, kind: CopyKind, exceptJobId = 0): Promise<number> {
  const [row] = (await em.query(
    `SELECT COUNT(*) AS n FROM "print_job" WHERE "orderId" = ? AND "kind" = ? AND "transmitStartedAt" IS NOT NULL AND "id" <> ?`,
    [orderId, kind, exceptJobId]
  )) as { n: number }[]
  const pdfs = kind === 'claimTicket' ? await em.countBy(AuditLog, { entity: 'work_order', entityId: orderId, action: 'print.pdf' }) : 0
  return Number(row.n) + pdfs
}

/** Copies out plus copies queued ahead: the number a copy asked for now will most likely get. */
export async function nextCopyNo(em: EntityManager, orderId: number, kind: CopyKind): Promise<number> {
  const [row] = (await em.query(
    `SELECT COUNT(*) AS n FROM "print_job" WHERE "orderId" = ? AND "kind" = ? AND "transmitStartedAt" IS NULL AND "status" IN ('pending', 'sending')`,
    [orderId, kind]
  )) as { n: number }[]
  return (await copiesOut(em, orderId, kind)) + Number(row.n)
}
