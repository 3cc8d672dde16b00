import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { JOB_PAGE_SIZE, type CopyKind, type printingContract } from '@shared/contract/printing'
import type { HandlerContext, Handlers } from '../core/context'
import { conflict, notFound } from '../core/errors'
import { auditCall } from '../audit/audit'
import { loadOrderView } from '../intake/views'
import { PrintJob } from './print-job.entity'
import { documentFor } from './documents'
import { copiesOut, isCopyKind, nextCopyNo } from './copies'
import { jobView } from './queue'
import { renderPdf } from './pdf'
import { reprintLabel } from '../warehouse/old-parts'
import { reprintFinalReceipt } from '../pickup/handlers'

/** A new copy of an order's ticket or tag; its number is fixed when it prints (copies.ts). */
export async function reprint(ctx: HandlerContext, orderId: number, kind: CopyKind, replacing: number | null = null) {
  const order = await loadOrderView(ctx.em, orderId)
  const expected = await nextCopyNo(ctx.em, orderId, kind)
  const settings = await ctx.services.settings.load(ctx.em)
  const job = await ctx.services.printQueue.enqueue(ctx.em, {
    order,
    kind,
    settings,
    userId: ctx.user?.id ?? null,
    now: ctx.now,
    reprintNo: expected
  })
  await auditCall(ctx, {
    action: 'print.reprint',
    entity: 'work_order',
    entityId: orderId,
    detail: { kind, reprintNo: expected, jobId: job.id, ...(replacing ? { replacesJobId: replacing } : {}) }
  })
  ctx.afterCommit(() => ctx.services.printQueue.kick())
  return job
}

/** A test page through the queue, like any ticket. */
async function testPage(ctx: HandlerContext) {
  const settings = await ctx.services.settings.load(ctx.em)
  ctx.afterCommit(() => ctx.services.printQueue.kick())
  const job = await ctx.services.printQueue.enqueue(ctx.em, { order: null, kind: 'testPage', settings, userId: ctx.user?.id ?? null, now: ctx.now })
  await auditCall(ctx, {
    action: 'print.test',
    entity: 'print_job',
    entityId: job.id,
    detail: { interface: settings.printer.interface, enabled: settings.printer.enabled }
  })
  return job
}

/** The job, or NOT_FOUND. */
async function jobById(ctx: HandlerContext, jobId: number): Promise<PrintJob> {
  const job = await ctx.em.findOneBy(PrintJob, { id: jobId })
  if (!job) throw notFound()
  return job
}

const mayHavePrinted = (job: PrintJob) => job.status === 'unconfirmed' || job.status === 'failed'

export const printingHandlers: Handlers<typeof printingContract> = {
  'printing.jobs': async ({ orderId }, ctx) =>
    (await ctx.em.find(PrintJob, { where: { orderId }, order: { id: 'DESC' }, take: JOB_PAGE_SIZE })).reverse().map(jobView),

  'printing.queue': async ({ afterId }, ctx) => (await ctx.services.printQueue.openJobs(ctx.em, afterId)).map(jobView),

  'printing.retry': async ({ jobId }, ctx) => {
    const job = await jobById(ctx, jobId)
    if (job.status === 'done') throw conflict('printer.alreadyPrinted')
    if (mayHavePrinted(job)) {
      // It may have come out of the printer: close it and print a copy marked as a reprint.
      await ctx.em.update(PrintJob, { id: job.id }, { status: 'done', lastError: 'printer.detail.replacedByReprint', document: null })
      if (job.orderId !== null && isCopyKind(job.kind)) return reprint(ctx, job.orderId, job.kind, job.id)
      if (job.kind === 'oldPartLabel' && job.oldPartId !== null) return reprintLabel(ctx, job.oldPartId, job.id)
      if (job.kind === 'finalReceipt' && job.orderId !== null) return reprintFinalReceipt(ctx, job.orderId, job.id)
      if (job.kind === 'testPage') return testPage(ctx)
      const settings = await ctx.services.settings.load(ctx.em)
      ctx.afterCommit(() => ctx.services.printQueue.kick())
      return ctx.services.printQueue.enqueue(ctx.em, { order: null, kind: job.kind, settings, userId: ctx.user?.id ?? null, now: ctx.now })
    }
    ctx.afterCommit(() => ctx.services.printQueue.kick())
    return jobView(job)
  },

  'printing.confirm': async ({ jobId }, ctx) => {
    const job = await jobById(ctx, jobId)
    if (!mayHavePrinted(job)) throw conflict('printer.notUnconfirmed')
    const before = { status: job.status, lastError: job.lastError }
    job.status = 'done'
    job.printedAt = ctx.now.toISOString()
    job.lastError = 'printer.detail.confirmedByHand'
    await ctx.em.save(job)
    await auditCall(ctx, {
      action: 'print.confirm',
      entity: 'print_job',
      entityId: job.id,
      detail: { orderId: job.orderId, kind: job.kind, reprintNo: job.reprintNo, reason: before.lastError },
      changes: { status: { old: before.status, new: 'done' } }
    })
    return jobView(job)
  },

  'printing.reprint': async ({ orderId, kind }, ctx) => reprint(ctx, orderId, kind),

  'printing.preview': async ({ orderId, kind }, ctx) => {
    // What was (or will be) printed: the latest copy, with its number; else a fresh original.
    const latest = await ctx.em.findOne(PrintJob, { where: { orderId, kind }, order: { id: 'DESC' } })
    const settings = await ctx.services.settings.load(ctx.em)
    if (latest?.document) return latest.document
    // A done job's document is dropped after a while: rebuilt from the order, with the same number.
    return documentFor(kind, await loadOrderView(ctx.em, orderId), settings, latest?.reprintNo ?? 0)
  },

  'printing.status': async (_input, ctx) => {
    const settings = await ctx.services.settings.load(ctx.em)
    const counts = await ctx.services.printQueue.openCounts(ctx.em)
    const status = ctx.services.printQueue.currentStatus(settings.printer)
    return { state: status.state, detail: ctx.t(status.detailKey), pendingJobs: counts.open, unconfirmedJobs: counts.unconfirmed }
  },

  'printing.testPrint': async (_input, ctx) => testPage(ctx),

  'printing.ticketPdf': async ({ orderId }, ctx) => {
    const order = await loadOrderView(ctx.em, orderId)
    const settings = await ctx.services.settings.load(ctx.em)
    // The claim ticket releases the device: a PDF after any copy that came out is numbered like a reprint.
    const copyNo = await copiesOut(ctx.em, orderId, 'claimTicket')
    const pdf = await renderPdf(documentFor('claimTicket', order, settings, copyNo), { fontPath: ctx.services.paths.fontPath })
    const fileName = copyNo > 0 ? `${order.orderNo}-claim-ticket-copy${copyNo}.pdf` : `${order.orderNo}-claim-ticket.pdf`
    await mkdir(ctx.services.paths.pdfDir, { recursive: true })
    const path = join(ctx.services.paths.pdfDir, fileName)
    await writeFile(path, pdf)
    await auditCall(ctx, { action: 'print.pdf', entity: 'work_order', entityId: orderId, detail: { copyNo, fileName } })
    return { fileName, path, base64: pdf.toString('base64') }
  }
}
