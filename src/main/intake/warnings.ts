/**
 * Contradictions that may still be right: shown before saving, saved only with a reason each. One
 * function finds them for the live form (intake.warnings) and for the save (intake.create,
 * orders.correct), so the form never shows one list and the save checks another.
 */
import type { EntityManager } from 'typeorm'
import type { IntakeWarning, ServiceType, WarningCode } from '@shared/contract/intake'
import type { HandlerContext } from '../core/context'
import { AppError } from '../core/errors'
import { audit } from '../audit/audit'
import { prepared } from '../db/prepared'

export interface WarningFacts {
  serial: string
  /** The order being corrected: not "another" open order. */
  excludeOrderId?: number
  serviceType: ServiceType | null
  estimateFen: number
  depositFen: number
  /** After any override. */
  finalInWarranty: boolean
}

const OPEN_WITH_SERIAL = `SELECT id, orderNo FROM work_order WHERE serial = ? AND returnedAt IS NULL AND status <> 'void' AND id <> ? ORDER BY id DESC LIMIT 1`

/** The newest other order of this serial that is still in the shop (served by the serial index). */
export async function openOrderWithSerial(em: EntityManager, serial: string, excludeOrderId?: number): Promise<{ id: number; orderNo: string } | null> {
  if (!serial) return null
  // Ids start at 1, so 0 excludes nothing.
  return (prepared(em, OPEN_WITH_SERIAL).get(serial, excludeOrderId ?? 0) as { id: number; orderNo: string } | undefined) ?? null
}

export async function warningsFor(em: EntityManager, facts: WarningFacts): Promise<IntakeWarning[]> {
  const out: IntakeWarning[] = []
  const open = await openOrderWithSerial(em, facts.serial, facts.excludeOrderId)
  if (open) out.push({ code: 'openOrderSameSerial', orderId: open.id, orderNo: open.orderNo })
  if (facts.serviceType === 'warranty' && (facts.estimateFen > 0 || facts.depositFen > 0)) out.push({ code: 'warrantyWithCharge' })
  if (facts.serviceType === 'paid' && facts.finalInWarranty) out.push({ code: 'paidInWarranty' })
  return out
}

/**
 * Refuses (nothing saved) while a warning has no reason; otherwise audits each reason against the
 * saved order. A reason for a warning that no longer applies is ignored.
 */
export function requireAcknowledged(warnings: IntakeWarning[], acknowledged: { code: WarningCode; reason: string }[]): void {
  const missing = warnings.filter((w) => !acknowledged.some((a) => a.code === w.code))
  if (!missing.length) return
  const fields = Object.fromEntries(missing.map((w) => [`warnings.${w.code}`, `intake.warning.${w.code}|orderNo=${w.orderNo ?? ''}`]))
  throw new AppError('VALIDATION', 'intake.err.warnings', {}, fields)
}

export async function auditAcknowledged(
  ctx: HandlerContext,
  userId: number,
  orderId: number,
  warnings: IntakeWarning[],
  acknowledged: { code: WarningCode; reason: string }[]
): Promise<void> {
  for (const w of warnings) {
    const ack = acknowledged.find((a) => a.code === w.code)
    if (!ack) continue
    await audit(ctx.em, {
      at: ctx.now,
      userId,
      action: 'intake.warningOverride',
      entity: 'work_order',
      entityId: orderId,
      detail: { code: w.code, reason: ack.reason, ...(w.orderNo ? { otherOrderNo: w.orderNo } : {}) }
    })
  }
}
