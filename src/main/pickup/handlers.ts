import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { pickupContract } from '@shared/contract/pickup'
import type { PrintJobView } from '@shared/contract/printing'
import type { HandlerContext, Handlers } from '../core/context'
import { conflict } from '../core/errors'
import { auditCall } from '../audit/audit'
import { prepared } from '../db/prepared'
import { loadOrderView } from '../intake/views'
import { renderPdf } from '../printing/pdf'
import { findForPickup } from './find'
import { buildFinalReceipt } from './receipt'
import { completePickup, pickupView, quotePickup, refundAfterPickup } from './service'

const RECEIPTS_SO_FAR = `SELECT count(*) AS n FROM print_job WHERE orderId = ? AND kind = 'finalReceipt'`

/** The order's final receipt as it stands (with any later refunds), numbered as the n-th copy. */
async function receiptDoc(ctx: HandlerContext, orderId: number, reprintNo: number) {
  const view = pickupView(ctx.em, orderId)
  const order = await loadOrderView(ctx.em, orderId)
  if (!view) throw conflict('pickup.err.notPickedUp', { orderNo: order.orderNo })
  const settings = await ctx.services.settings.load(ctx.em)
  return { doc: buildFinalReceipt(view, order, settings, reprintNo), settings, order }
}

/** Another copy of the final receipt on the receipt printer, marked 补打 n (also the retry of an unconfirmed one). */
export async function reprintFinalReceipt(ctx: HandlerContext, orderId: number, replacing: number | null = null): Promise<PrintJobView> {
  const n = (prepared(ctx.em, RECEIPTS_SO_FAR).get(orderId) as { n: number }).n
  const { doc } = await receiptDoc(ctx, orderId, n)
  const job = ctx.services.printQueue.enqueueDocument(ctx.em, { kind: 'finalReceipt', document: doc, orderId, oldPartId: null, userId: ctx.user?.id ?? null, now: ctx.now })
  await auditCall(ctx, { action: 'print.reprint', entity: 'work_order', entityId: orderId, detail: { kind: 'finalReceipt', reprintNo: n, jobId: job.id, ...(replacing ? { replacesJobId: replacing } : {}) } })
  ctx.afterCommit(() => ctx.services.printQueue.kick())
  return job
}

export const pickupHandlers: Handlers<typeof pickupContract> = {
  'pickup.find': async ({ query }, ctx) => findForPickup(ctx.em, query, (await ctx.services.settings.load(ctx.em)).timeZone),
  'pickup.quote': async ({ orderId }, ctx) => quotePickup(ctx, orderId),
  'pickup.complete': async (input, ctx) => completePickup(ctx, input),
  'pickup.refund': async (input, ctx) => refundAfterPickup(ctx, input),
  'pickup.reprint': async ({ orderId }, ctx) => reprintFinalReceipt(ctx, orderId),
  'pickup.receiptPdf': async ({ orderId }, ctx) => {
    const { doc, order } = await receiptDoc(ctx, orderId, 0)
    const pdf = await renderPdf(doc, { fontPath: ctx.services.paths.fontPath })
    const fileName = `${order.orderNo}-receipt.pdf`
    await mkdir(ctx.services.paths.pdfDir, { recursive: true })
    const path = join(ctx.services.paths.pdfDir, fileName)
    await writeFile(path, pdf)
    await auditCall(ctx, { action: 'print.pdf', entity: 'work_order', entityId: orderId, detail: { kind: 'finalReceipt', fileName } })
    return { fileName, path, base64: pdf.toString('base64') }
  }
}
