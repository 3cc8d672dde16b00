import type { z } from 'zod'
import type { TransferInput, TransferView } from '@shared/contract/warehouse/moves'
import { signedInUser, type HandlerContext } from '../core/context'
import { validationError } from '../core/errors'
import { auditCall } from '../audit/audit'
import { managerApproval } from '../auth/approval'
import { allocateDocNo } from './doc-numbers'
import { postMove } from './ledger'
import { balancesOf, optionalUserRef, requireOnHand, requirePart, storeToday, userRef } from './moves-common'
import { StockTransfer } from './transfers.entity'

/**
 * main -> quarantine (a defective or doubtful part off the shelf): warehouse staff. quarantine ->
 * main (it is good after all): only with a manager's approval typed on the same screen. Two ledger
 * rows (out of one, into the other) in the call's one transaction.
 */
export async function createTransfer(ctx: HandlerContext, input: z.output<typeof TransferInput>): Promise<TransferView> {
  const user = signedInUser(ctx)
  // The approval first: a wrong PIN is counted and committed (managerApproval), nothing else is written.
  let approver = null
  if (input.to === 'main') {
    if (!input.approval) throw validationError({ 'approval.username': 'warehouse.e.approvalNeeded' })
    approver = await managerApproval(ctx, input.approval)
  }
  const part = requirePart(ctx.em, input.partId, 'partId')
  requireOnHand(ctx.em, part, input.from, input.qty)
  const at = ctx.now.toISOString()
  const transferNo = allocateDocNo(ctx.em, 'transfer', await storeToday(ctx))
  const t = await ctx.em.save(
    ctx.em.create(StockTransfer, {
      transferNo,
      partId: part.id,
      qty: input.qty,
      fromLocation: input.from,
      toLocation: input.to,
      reason: input.reason,
      userId: user.id,
      approvedById: approver?.id ?? null,
      at
    })
  )
  const move = { partId: part.id, docType: 'transfer' as const, docId: t.id, docNo: transferNo, userId: user.id, at, note: input.reason }
  postMove(ctx.em, { ...move, location: input.from, qty: -input.qty })
  postMove(ctx.em, { ...move, location: input.to, qty: input.qty })
  await auditCall(ctx, {
    action: 'transfer.create',
    entity: 'stock_transfer',
    entityId: t.id,
    detail: { transferNo, partId: part.id, sku: part.sku, qty: input.qty, from: input.from, to: input.to, reason: input.reason, approvedBy: approver?.username }
  })
  return {
    id: t.id,
    transferNo,
    part,
    qty: t.qty,
    from: t.fromLocation,
    to: t.toLocation,
    reason: t.reason,
    user: userRef(ctx.em, user.id),
    approvedBy: optionalUserRef(ctx.em, t.approvedById),
    at,
    balances: balancesOf(ctx.em, part.id)
  }
}
