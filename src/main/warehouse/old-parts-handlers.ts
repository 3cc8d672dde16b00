import type { oldPartsContract } from '@shared/contract/warehouse/old-parts'
import { signedInUser, type Handlers } from '../core/context'
import { forbidden } from '../core/errors'
import { auditCall } from '../audit/audit'
import { renderPdf } from '../printing/pdf'
import { createOldPart, listOldParts, orderInfo, reprintLabel } from './old-parts'
import { addToBatch, createBatch, creditBatch, listBatches, loadBatch, removeFromBatch, savePdf, sendBatch } from './rtm'
import { packingListDoc } from './warehouse-pdfs'

export const oldPartsHandlers: Handlers<typeof oldPartsContract> = {
  'warehouse.oldParts.create': async (input, ctx) => createOldPart(ctx, input),
  'warehouse.oldParts.list': async (input, ctx) => {
    // Everyone who sees a work order sees its old parts; the whole list is the warehouse's.
    const role = signedInUser(ctx).role
    if (input.orderId === undefined && role !== 'warehouse' && role !== 'manager') throw forbidden()
    return listOldParts(ctx.em, input)
  },
  'warehouse.oldParts.orderInfo': async ({ orderNo }, ctx) => orderInfo(ctx.em, orderNo),
  'warehouse.oldParts.printLabel': async ({ oldPartId }, ctx) => reprintLabel(ctx, oldPartId),

  'warehouse.rtm.create': async (input, ctx) => createBatch(ctx, input),
  'warehouse.rtm.add': async (input, ctx) => addToBatch(ctx, input),
  'warehouse.rtm.remove': async (input, ctx) => removeFromBatch(ctx, input),
  'warehouse.rtm.send': async (input, ctx) => sendBatch(ctx, input),
  'warehouse.rtm.credit': async (input, ctx) => creditBatch(ctx, input),
  'warehouse.rtm.list': async (input, ctx) => listBatches(ctx.em, input),
  'warehouse.rtm.get': async ({ batchId }, ctx) => loadBatch(ctx.em, batchId),
  'warehouse.rtm.pdf': async ({ batchId }, ctx) => {
    const batch = loadBatch(ctx.em, batchId)
    const settings = await ctx.services.settings.load(ctx.em)
    const pdf = await renderPdf(packingListDoc(batch, settings), { fontPath: ctx.services.paths.fontPath })
    const fileName = `${batch.batchNo}-packing-list.pdf`
    await auditCall(ctx, { action: 'print.pdf', entity: 'rtm_batch', entityId: batch.id, detail: { batchNo: batch.batchNo, fileName } })
    return savePdf(ctx, fileName, pdf)
  }
}
