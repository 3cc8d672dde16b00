import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { movesContract } from '@shared/contract/warehouse/moves'
import type { Handlers } from '../core/context'
import { auditCall } from '../audit/audit'
import { renderPdf } from '../printing/pdf'
import { approveAdjustment, listAdjustments, rejectAdjustment, requestAdjustment } from './adjustments'
import { createReceipt, listReceipts, loadReceipt } from './receipts'
import { goodsReceiptDoc } from './receipts-pdf'
import { cancelRequisition, createRequisition, getRequisition, issue, listRequisitions, orderParts, returnPart } from './requisitions'
import { createTransfer } from './transfers'

export const movesHandlers: Handlers<typeof movesContract> = {
  'warehouse.receipts.create': (input, ctx) => createReceipt(ctx, input),
  'warehouse.receipts.list': async ({ beforeId }, ctx) => listReceipts(ctx.em, beforeId),
  'warehouse.receipts.get': ({ receiptId }, ctx) => loadReceipt(ctx.em, receiptId),
  'warehouse.receipts.pdf': async ({ receiptId }, ctx) => {
    const receipt = await loadReceipt(ctx.em, receiptId)
    const settings = await ctx.services.settings.load(ctx.em)
    const pdf = await renderPdf(goodsReceiptDoc(receipt, settings), { fontPath: ctx.services.paths.fontPath })
    const fileName = `${receipt.receiptNo}-goods-receipt.pdf`
    await mkdir(ctx.services.paths.pdfDir, { recursive: true })
    const path = join(ctx.services.paths.pdfDir, fileName)
    await writeFile(path, pdf)
    await auditCall(ctx, { action: 'receipt.pdf', entity: 'goods_receipt', entityId: receiptId, detail: { fileName } })
    return { fileName, path, base64: pdf.toString('base64') }
  },

  'warehouse.requisitions.create': (input, ctx) => createRequisition(ctx, input),
  'warehouse.requisitions.list': async (input, ctx) => listRequisitions(ctx, input),
  'warehouse.requisitions.get': ({ requisitionId }, ctx) => getRequisition(ctx, requisitionId),
  'warehouse.requisitions.issue': (input, ctx) => issue(ctx, input),
  'warehouse.requisitions.cancel': ({ requisitionId, reason }, ctx) => cancelRequisition(ctx, requisitionId, reason),
  'warehouse.returns.create': (input, ctx) => returnPart(ctx, input),
  'warehouse.orderParts': async ({ orderId }, ctx) => orderParts(ctx, orderId),

  'warehouse.transfers.create': (input, ctx) => createTransfer(ctx, input),
  'warehouse.adjustments.request': (input, ctx) => requestAdjustment(ctx, input),
  'warehouse.adjustments.list': async (input, ctx) => listAdjustments(ctx.em, input),
  'warehouse.adjustments.approve': ({ adjustmentId, approval }, ctx) => approveAdjustment(ctx, adjustmentId, approval),
  'warehouse.adjustments.reject': ({ adjustmentId, reason, approval }, ctx) => rejectAdjustment(ctx, adjustmentId, reason, approval)
}
