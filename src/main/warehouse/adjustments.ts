import type { EntityManager } from 'typeorm'
import type { z } from 'zod'
import { MOVES_PAGE, type AdjustmentInput, type AdjustmentStatus, type AdjustmentView } from '@shared/contract/warehouse/moves'
import type { Approval } from '@shared/contract/fields'
import { signedInUser, type HandlerContext } from '../core/context'
import { conflict, notFound } from '../core/errors'
import { auditCall } from '../audit/audit'
import { managerApproval } from '../auth/approval'
import { prepared } from '../db/prepared'
import { allocateDocNo } from './doc-numbers'
import { postMove } from './ledger'
import { balancesOf, optionalUserRef, partRef, requireOnHand, requirePart, storeToday, userRef } from './moves-common'
import { StockAdjustment } from './adjustments.entity'

/**
 * Stock corrections outside receipts, issues, returns, transfers and stocktakes: requested by
 * warehouse staff (pending: no stock changes), then approved by a manager's username + PIN typed on
 * the same screen (the ledger row posts, docType 'adjustment') or rejected with a reason.
 */
export async function requestAdjustment(ctx: HandlerContext, input: z.output<typeof AdjustmentInput>): Promise<AdjustmentView> {
  const user = signedInUser(ctx)
  const part = requirePart(ctx.em, input.partId, 'partId')
  const adjNo = allocateDocNo(ctx.em, 'adjustment', await storeToday(ctx))
  const a = await ctx.em.save(
    ctx.em.create(StockAdjustment, {
      adjNo,
      partId: part.id,
      location: input.location,
      qty: input.qty,
      reason: input.reason,
      status: 'pending',
      requestedById: user.id,
      requestedAt: ctx.now.toISOString(),
      decidedById: null,
      decidedAt: null,
      rejectReason: '',
      moveId: null
    })
  )
  await auditCall(ctx, {
    action: 'adjustment.request',
    entity: 'stock_adjustment',
    entityId: a.id,
    detail: { adjNo, partId: part.id, sku: part.sku, location: input.location, qty: input.qty, reason: input.reason }
  })
  return adjustmentView(ctx.em, a)
}

async function pending(ctx: HandlerContext, adjustmentId: number): Promise<StockAdjustment> {
  const a = await ctx.em.findOneBy(StockAdjustment, { id: adjustmentId })
  if (!a) throw notFound()
  if (a.status !== 'pending') throw conflict(`warehouse.e.adjustment.${a.status}`, { adjNo: a.adjNo })
  return a
}

export async function approveAdjustment(ctx: HandlerContext, adjustmentId: number, approval: Approval): Promise<AdjustmentView> {
  const manager = await managerApproval(ctx, approval)
  const a = await pending(ctx, adjustmentId)
  const part = partRef(ctx.em, a.partId)
  if (a.qty < 0) requireOnHand(ctx.em, part, a.location, -a.qty)
  const at = ctx.now.toISOString()
  const move = postMove(ctx.em, {
    partId: a.partId,
    location: a.location,
    qty: a.qty,
    docType: 'adjustment',
    docId: a.id,
    docNo: a.adjNo,
    userId: signedInUser(ctx).id,
    at,
    note: a.reason
  })
  Object.assign(a, { status: 'approved', decidedById: manager.id, decidedAt: at, moveId: move.id })
  await ctx.em.save(a)
  await auditCall(ctx, {
    action: 'adjustment.approve',
    entity: 'stock_adjustment',
    entityId: a.id,
    detail: { adjNo: a.adjNo, sku: part.sku, location: a.location, qty: a.qty, approvedBy: manager.username, balanceAfter: move.balanceAfter }
  })
  return adjustmentView(ctx.em, a)
}

export async function rejectAdjustment(ctx: HandlerContext, adjustmentId: number, reason: string, approval: Approval): Promise<AdjustmentView> {
  const manager = await managerApproval(ctx, approval)
  const a = await pending(ctx, adjustmentId)
  Object.assign(a, { status: 'rejected', decidedById: manager.id, decidedAt: ctx.now.toISOString(), rejectReason: reason })
  await ctx.em.save(a)
  await auditCall(ctx, { action: 'adjustment.reject', entity: 'stock_adjustment', entityId: a.id, detail: { adjNo: a.adjNo, reason, rejectedBy: manager.username } })
  return adjustmentView(ctx.em, a)
}

export function adjustmentView(em: EntityManager, a: StockAdjustment): AdjustmentView {
  return {
    id: a.id,
    adjNo: a.adjNo,
    part: partRef(em, a.partId),
    location: a.location,
    qty: a.qty,
    reason: a.reason,
    status: a.status,
    requestedBy: userRef(em, a.requestedById),
    requestedAt: a.requestedAt,
    decidedBy: optionalUserRef(em, a.decidedById),
    decidedAt: a.decidedAt,
    rejectReason: a.rejectReason,
    onHand: balancesOf(em, a.partId)[a.location]
  }
}

const LIST = `SELECT * FROM stock_adjustment WHERE id < @before AND (@status IS NULL OR status = @status) ORDER BY id DESC LIMIT ${MOVES_PAGE}`
const LIST_STATUS = `SELECT * FROM stock_adjustment WHERE status = @status AND id < @before ORDER BY id DESC LIMIT ${MOVES_PAGE}`

export function listAdjustments(em: EntityManager, input: { status?: AdjustmentStatus; beforeId?: number }): AdjustmentView[] {
  const before = input.beforeId ?? Number.MAX_SAFE_INTEGER
  const rows = input.status
    ? (prepared(em, LIST_STATUS).all({ before, status: input.status }) as StockAdjustment[])
    : (prepared(em, LIST).all({ before, status: null }) as StockAdjustment[])
  return rows.map((a) => adjustmentView(em, a))
}
