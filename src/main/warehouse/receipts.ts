import type { EntityManager } from 'typeorm'
import { MOVES_PAGE, type ReceiptSummary, type ReceiptView } from '@shared/contract/warehouse/moves'
import type { z } from 'zod'
import type { ReceiptInput as ReceiptSchema } from '@shared/contract/warehouse/moves'
import { signedInUser, type HandlerContext } from '../core/context'
import { notFound, validationError } from '../core/errors'
import { auditCall } from '../audit/audit'
import { prepared } from '../db/prepared'
import { allocateDocNo } from './doc-numbers'
import { postMove } from './ledger'
import { partRef, requirePart, storeToday, userRef } from './moves-common'
import { GoodsReceipt, GoodsReceiptLine } from './receipts.entity'

type ParsedReceipt = z.output<typeof ReceiptSchema>

const SAME_SUPPLIER_DOC = `SELECT receiptNo FROM goods_receipt WHERE supplier = ? AND supplierDocNo = ? LIMIT 1`

/**
 * One delivery: the receipt, its lines, and one ledger row into 'main' per line with anything
 * accepted (at the line's unit cost: the moving average moves). Rejected quantities never enter
 * stock; they are recorded with their reason and printed on the 接收单.
 */
export async function createReceipt(ctx: HandlerContext, input: ParsedReceipt): Promise<ReceiptView> {
  const user = signedInUser(ctx)
  const dup = prepared(ctx.em, SAME_SUPPLIER_DOC).get(input.supplier, input.supplierDocNo) as { receiptNo: string } | undefined
  if (dup) throw validationError({ supplierDocNo: `warehouse.e.supplierDocReceived|receiptNo=${dup.receiptNo}` })
  input.lines.forEach((l, i) => requirePart(ctx.em, l.partId, `lines.${i}.partId`, { active: true }))
  const at = ctx.now.toISOString()
  const receiptNo = allocateDocNo(ctx.em, 'receipt', await storeToday(ctx))
  const acceptedFen = input.lines.reduce((sum, l) => sum + l.acceptedQty * l.unitCostFen, 0)
  const receipt = await ctx.em.save(
    ctx.em.create(GoodsReceipt, { receiptNo, supplier: input.supplier, supplierDocNo: input.supplierDocNo, note: input.note, acceptedFen, userId: user.id, at })
  )
  for (const l of input.lines) {
    const moveId = l.acceptedQty
      ? postMove(ctx.em, {
          partId: l.partId,
          location: 'main',
          qty: l.acceptedQty,
          unitCostFen: l.unitCostFen,
          docType: 'receipt',
          docId: receipt.id,
          docNo: receiptNo,
          userId: user.id,
          at,
          note: input.supplier
        }).id
      : null
    await ctx.em.insert(GoodsReceiptLine, {
      receiptId: receipt.id,
      partId: l.partId,
      deliveredQty: l.deliveredQty,
      acceptedQty: l.acceptedQty,
      rejectedQty: l.deliveredQty - l.acceptedQty,
      rejectReason: l.acceptedQty < l.deliveredQty ? l.rejectReason : '',
      unitCostFen: l.unitCostFen,
      moveId
    })
  }
  await auditCall(ctx, {
    action: 'receipt.create',
    entity: 'goods_receipt',
    entityId: receipt.id,
    detail: {
      receiptNo,
      supplier: input.supplier,
      supplierDocNo: input.supplierDocNo,
      lines: input.lines.length,
      accepted: input.lines.reduce((s, l) => s + l.acceptedQty, 0),
      rejected: input.lines.reduce((s, l) => s + l.deliveredQty - l.acceptedQty, 0),
      acceptedFen
    }
  })
  return loadReceipt(ctx.em, receipt.id)
}

export async function loadReceipt(em: EntityManager, receiptId: number): Promise<ReceiptView> {
  const r = await em.findOneBy(GoodsReceipt, { id: receiptId })
  if (!r) throw notFound()
  const lines = await em.find(GoodsReceiptLine, { where: { receiptId }, order: { id: 'ASC' } })
  return {
    ...summary(em, r, lines.length),
    note: r.note,
    lineViews: lines.map((l) => ({
      id: l.id,
      part: partRef(em, l.partId),
      deliveredQty: l.deliveredQty,
      acceptedQty: l.acceptedQty,
      rejectedQty: l.rejectedQty,
      rejectReason: l.rejectReason,
      unitCostFen: l.unitCostFen,
      acceptedFen: l.acceptedQty * l.unitCostFen
    }))
  }
}

function summary(em: EntityManager, r: GoodsReceipt, lines: number): ReceiptSummary {
  return { id: r.id, receiptNo: r.receiptNo, supplier: r.supplier, supplierDocNo: r.supplierDocNo, at: r.at, user: userRef(em, r.userId), lines, acceptedFen: r.acceptedFen }
}

const LIST = `SELECT r.*, (SELECT count(*) FROM goods_receipt_line l WHERE l.receiptId = r.id) AS lineCount
  FROM goods_receipt r WHERE r.id < ? ORDER BY r.id DESC LIMIT ${MOVES_PAGE}`

/** Newest first, MOVES_PAGE at a time. */
export function listReceipts(em: EntityManager, beforeId?: number): ReceiptSummary[] {
  const rows = prepared(em, LIST).all(beforeId ?? Number.MAX_SAFE_INTEGER) as (GoodsReceipt & { lineCount: number })[]
  return rows.map((r) => summary(em, r, r.lineCount))
}
