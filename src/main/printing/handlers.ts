import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { printingContract } from '@shared/contract/printing'
import type { HandlerContext, Handlers } from '../core/context'
import { conflict, notFound } from '../core/errors'
import { audit } from '../audit/audit'
import { AuditLog } from '../audit/audit-log.entity'
import { loadOrderView } from '../intake/views'
import { PrintJob } from './print-job.entity'
import { documentFor } from './documents'
import { jobView } from './queue'
import { renderPdf } from './pdf'

/**
 * How many copies of this document exist already: print jobs of the kind, and for the claim ticket
 * also every PDF saved. The next copy carries this number, so no copy looks like the original.
 */
async function copiesSoFar(ctx: HandlerContext, orderId: number, kind: 'claimTicket' | 'deviceTag'): Promise<number> {
  const jobs = await ctx.em.countBy(PrintJob, { orderId, kind })
  const pdfs = kind === 'claimTicket' ? await ctx.em.countBy(AuditLog, { action: 'print.pdf', entity: 'work_order', entityId: orderId }) : 0
  return jobs + pdfs
}

/** A new copy of an order's ticket or tag, numbered after every earlier copy of that kind. */
async function reprint(ctx: HandlerContext, orderId: number, kind: 'claimTicket' | 'deviceTag') {
  const order = await loadOrderView(ctx.em, orderId)
  const earlier = await copiesSoFar(ctx, orderId, kind)
  const settings = await ctx.services.settings.load(ctx.em)
  const job = await ctx.services.printQueue.enqueue(ctx.em, {
    order,
    kind,
    settings,
    userId: ctx.user?.id ?? null,
    now: ctx.now,
    reprintNo: earlier
  })
  await audit(ctx.em, { at: ctx.now, userId: ctx.user?.id ?? null, action: 'print.reprint', entity: 'work_order', entityId: orderId, detail: { kind, reprintNo: earlier } })
  ctx.afterCommit(() => ctx.services.printQueue.kick())
  return job
}

/** A test page through the queue, like any ticket. */
async function testPage(ctx: HandlerContext) {
  const settings = await ctx.services.settings.load(ctx.em)
  ctx.afterCommit(() => ctx.services.printQueue.kick())
  return ctx.services.printQueue.enqueue(ctx.em, { order: null, kind: 'testPage', settings, userId: ctx.user?.id ?? null, now: ctx.now })
}

export const printingHandlers: Handlers<typeof printingContract> = {
  'printing.jobs': async ({ orderId }, ctx) =>
    (await ctx.em.find(PrintJob, { where: { orderId }, order: { id: 'ASC' } })).map(jobView),

  'printing.queue': async (_input, ctx) => (await ctx.services.printQueue.openJobs(ctx.em)).map(jobView),

  'printing.retry': async ({ jobId }, ctx) => {
    const job = await ctx.em.findOneBy(PrintJob, { id: jobId })
    if (!job) throw notFound()
    if (job.status === 'done') throw conflict('printer.alreadyPrinted')
    if (job.status === 'failed') {
      // It may have come out of the printer: mark the old job closed and print a marked copy.
      job.status = 'done'
      job.lastError = 'printer.detail.replacedByReprint'
      await ctx.em.save(job)
      return job.orderId && job.kind !== 'testPage' ? reprint(ctx, job.orderId, job.kind) : testPage(ctx)
    }
    ctx.afterCommit(() => ctx.services.printQueue.kick())
    return jobView(job)
  },

  'printing.reprint': async ({ orderId, kind }, ctx) => reprint(ctx, orderId, kind),

  'printing.preview': async ({ orderId, kind }, ctx) => {
    // What was (or will be) printed: the frozen document of the latest copy, else a fresh original.
    const latest = await ctx.em.findOne(PrintJob, { where: { orderId, kind }, order: { id: 'DESC' } })
    if (latest) return latest.document
    const order = await loadOrderView(ctx.em, orderId)
    return documentFor(kind, order, await ctx.services.settings.load(ctx.em), 0)
  },

  'printing.status': async (_input, ctx) => {
    const settings = await ctx.services.settings.load(ctx.em)
    const pendingJobs = await ctx.services.printQueue.pendingCount(ctx.em)
    const status = ctx.services.printQueue.currentStatus(settings.printer)
    return { state: status.state, detail: ctx.t(status.detailKey), pendingJobs }
  },

  'printing.testPrint': async (_input, ctx) => testPage(ctx),

  'printing.ticketPdf': async ({ orderId }, ctx) => {
    const order = await loadOrderView(ctx.em, orderId)
    const settings = await ctx.services.settings.load(ctx.em)
    // The claim ticket releases the device: a PDF after any other copy is marked like a reprint.
    const copyNo = await copiesSoFar(ctx, orderId, 'claimTicket')
    const pdf = await renderPdf(documentFor('claimTicket', order, settings, copyNo), { fontPath: ctx.services.paths.fontPath })
    const fileName = copyNo > 0 ? `${order.orderNo}-claim-ticket-copy${copyNo}.pdf` : `${order.orderNo}-claim-ticket.pdf`
    await mkdir(ctx.services.paths.pdfDir, { recursive: true })
    const path = join(ctx.services.paths.pdfDir, fileName)
    await writeFile(path, pdf)
    await audit(ctx.em, { at: ctx.now, userId: ctx.user?.id ?? null, action: 'print.pdf', entity: 'work_order', entityId: orderId, detail: { copyNo, fileName } })
    return { fileName, path, base64: pdf.toString('base64') }
  }
}
