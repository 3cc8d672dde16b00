import { In, IsNull, Not, type DataSource, type EntityManager, type QueryResult } from 'typeorm'
import type { OrderView } from '@shared/contract/intake'
import { JOB_PAGE_SIZE, OPEN_JOB_STATUSES, type CopyKind, type PrinterState, type PrintJobView, type PrintKind } from '@shared/contract/printing'
import type { PrinterSettings, StoreSettings } from '@shared/contract/settings'
import type { ReceiptDoc } from '@shared/receipt/layout'
import type { Mutex } from '../core/mutex'
import { loadOrderView } from '../intake/views'
import type { SettingsService } from '../settings/service'
import { PrintJob } from './print-job.entity'
import { prepared } from '../db/prepared'
import { documentFor } from './documents'
import { copiesOut, isCopyKind } from './copies'
import { commandSet } from './escpos-commands'
import { renderEscPos } from './escpos'
import { PrinterError, printJob, queryPrinterStatus, type PrinterStatus } from './transport'

const INSERT_PENDING_JOB = `INSERT INTO print_job (orderId, kind, reprintNo, status, attempts, lastError, document, createdAt, printedAt, createdById, transmitStartedAt, oldPartId)
  VALUES (?, ?, ?, 'pending', 0, NULL, ?, ?, NULL, ?, NULL, ?)`

/** A new pending job, written with one statement prepared once (a job is added with every intake). */
function insertPendingJob(
  em: EntityManager,
  j: { orderId: number | null; kind: PrintKind; reprintNo: number; document: ReceiptDoc | null; createdAt: string; createdById: number | null; oldPartId?: number | null }
): PrintJobView {
  const document = j.document === null ? null : JSON.stringify(j.document)
  const id = Number(prepared(em, INSERT_PENDING_JOB).run(j.orderId, j.kind, j.reprintNo, document, j.createdAt, j.createdById, j.oldPartId ?? null).lastInsertRowid)
  return { id, orderId: j.orderId, kind: j.kind, reprintNo: j.reprintNo, status: 'pending', attempts: 0, lastError: null, createdAt: j.createdAt, printedAt: null }
}

export function jobView(j: PrintJob): PrintJobView {
  return {
    id: j.id,
    orderId: j.orderId,
    kind: j.kind,
    reprintNo: j.reprintNo,
    status: j.status,
    attempts: j.attempts,
    lastError: j.lastError,
    createdAt: j.createdAt,
    printedAt: j.printedAt
  }
}

// Copies not yet begun (no byte out) of an order's ticket and tag; index print_job (orderId, kind).
const SUPERSEDE_UNSENT = `UPDATE print_job SET status = 'done', lastError = 'printer.detail.superseded', document = NULL
  WHERE orderId = ? AND kind IN ('claimTicket', 'deviceTag') AND status IN ('pending', 'sending') AND transmitStartedAt IS NULL
  RETURNING id, kind`

/**
 * Inside a void's or correction's transaction: copies queued but not begun would print the order as
 * it was (frozen at intake). They are settled as superseded; returns them so the caller queues the
 * replacement (which then carries 作废/更正 and its copy number). A job claimed meanwhile is withdrawn
 * by the sender before its first byte (startTransmit re-reads its status).
 */
export function supersedeUnsentCopies(em: EntityManager, orderId: number): { id: number; kind: CopyKind }[] {
  return prepared(em, SUPERSEDE_UNSENT).all(orderId) as { id: number; kind: CopyKind }[]
}

/** Thrown under the lock when a claimed job was settled by someone else before its first byte. */
class JobWithdrawn extends Error {}

const OPEN_IN = OPEN_JOB_STATUSES.map((s) => `'${s}'`).join(', ')

export interface PrintQueueOptions {
  /** Waits between automatic retries while the printer is unreachable (the last one repeats). */
  retryDelaysMs?: number[]
  /** While the printer answers with a fault (paper out, cover open...) or not at all: ask again this often. */
  waitPollMs?: number
  sendTimeoutMs?: number
  /** How long a printer status reading is reused before it is asked again. */
  statusTtlMs?: number
  /** How long a done job keeps its frozen document (then a preview/reprint is rebuilt from the order). */
  documentRetentionMs?: number
  /** A drawer kick still waiting after this long is dropped: the drawer must never pop open unattended. */
  drawerKickMaxAgeMs?: number
  /** The clock jobs are stamped with (createdAt): a kick's age is measured on it. */
  clock?: () => Date
  logError?: (error: unknown) => void
}

const DAY = 24 * 60 * 60 * 1000
const PRUNE_BATCH = 500
const PRUNE_EVERY_MS = 60_000

/**
 * Persisted print queue. Jobs are rows written in the caller's transaction; after commit `kick()`
 * sends them oldest first. Before a job is sent the printer is asked for its state; a fault or no
 * answer keeps the job pending with the reason, and it is sent by itself when the printer is ready.
 * `transmitStartedAt` is committed before the first byte leaves. A job is done when the printer
 * answers after its last byte (or cannot report and the write completed); otherwise it is
 * "unconfirmed": a person confirms it came out or reprints it, marked — never an unmarked duplicate.
 */
export class PrintQueue {
  private running: Promise<void> | null = null
  private rerun = false
  private timer: NodeJS.Timeout | null = null
  private failures = 0
  private stopped = false
  private sending = false
  /** A background status reading in flight (a printer may take one connection at a time). */
  private checking: Promise<void> | null = null
  /** A job went back to pending because of the printer's state: a "ready" reading sends it at once. */
  private waiting = false
  private lastPrune = 0
  private status: { iface: string; state: PrinterState; detailKey: string; at: number } | null = null
  private readonly delays: number[]

  constructor(
    private ds: DataSource,
    private mutex: Mutex,
    private settings: SettingsService,
    private opts: PrintQueueOptions = {}
  ) {
    this.delays = opts.retryDelaysMs ?? [2_000, 5_000, 15_000, 30_000, 60_000]
  }

  private now(): number {
    return this.opts.clock ? this.opts.clock().getTime() : Date.now()
  }

  /** Inside a transaction: freeze the document and add a pending job. */
  async enqueue(
    em: EntityManager,
    job: { order: OrderView | null; kind: PrintKind; settings: StoreSettings; userId: number | null; now: Date; reprintNo?: number }
  ): Promise<PrintJobView> {
    const reprintNo = job.reprintNo ?? 0
    const document = job.kind === 'drawerKick' ? null : documentFor(job.kind, job.order, job.settings, reprintNo)
    return insertPendingJob(em, { orderId: job.order?.id ?? null, kind: job.kind, reprintNo, document, createdAt: job.now.toISOString(), createdById: job.userId })
  }

  /**
   * Inside a transaction: a job whose document is already built (not from an order), e.g. an old
   * part's label; `oldPartId` ties the job to that record.
   */
  enqueueDocument(
    em: EntityManager,
    job: { kind: PrintKind; document: ReceiptDoc; orderId: number | null; oldPartId: number | null; userId: number | null; now: Date }
  ): PrintJobView {
    return insertPendingJob(em, {
      orderId: job.orderId,
      kind: job.kind,
      reprintNo: job.document.reprintNo,
      document: job.document,
      createdAt: job.now.toISOString(),
      createdById: job.userId,
      oldPartId: job.oldPartId
    })
  }

  /** Inside the sale's transaction: a cash payment opens the drawer, when this printer has it switched on. */
  async openCashDrawer(em: EntityManager, job: { orderId: number; settings: StoreSettings; userId: number | null; now: Date }): Promise<PrintJobView | null> {
    const p = job.settings.printer
    if (!p.enabled || !p.openDrawerOnCash) return null
    return insertPendingJob(em, { orderId: job.orderId, kind: 'drawerKick', reprintNo: 0, document: null, createdAt: job.now.toISOString(), createdById: job.userId })
  }

  /**
   * At start-up, jobs caught in 'sending': with no byte out they go back to pending and print as
   * originals; with bytes maybe out they wait for a person (confirm, or a marked reprint).
   */
  async recover(): Promise<{ requeued: number; unconfirmed: number }> {
    return this.mutex.run(async () => {
      const repo = this.ds.getRepository(PrintJob)
      const requeued = await repo.update({ status: 'sending', transmitStartedAt: IsNull() }, { status: 'pending', lastError: null })
      const unconfirmed = await repo.update(
        { status: 'sending', transmitStartedAt: Not(IsNull()) },
        { status: 'unconfirmed', lastError: 'printer.detail.interrupted' }
      )
      return { requeued: requeued.affected ?? 0, unconfirmed: unconfirmed.affected ?? 0 }
    })
  }

  /** Send what is pending now (after a commit, a settings change or a manual retry): back-off starts over. */
  kick(): void {
    this.failures = 0
    this.start()
  }

  /** Runs the sender, or asks the running one to look again when it is done. */
  private start(): void {
    if (this.stopped) return
    if (this.timer) {
      clearTimeout(this.timer)
      this.timer = null
    }
    if (this.running) {
      this.rerun = true
      return
    }
    this.running = this.drain().finally(() => {
      this.running = null
      if (this.rerun) {
        this.rerun = false
        this.start()
      }
    })
  }

  /** Resolves when nothing is being sent right now (pending jobs may wait for a retry). */
  async idle(): Promise<void> {
    while (this.running) await this.running
  }

  stop(): void {
    this.stopped = true
    if (this.timer) clearTimeout(this.timer)
  }

  private async drain(): Promise<void> {
    try {
      while (!this.stopped) {
        const next = await this.mutex.run(() => this.claimNext())
        if (!next) break
        if (!(await this.send(next.job, next.settings))) return
      }
      if (!this.stopped) await this.pruneDocuments()
    } catch (error) {
      // A database error must not leave the queue stalled: log it and try again later.
      this.opts.logError?.(error)
      this.scheduleRetry(false)
    }
  }

  /** Sends one claimed job; false when the printer is not printing (the rest wait for the retry). */
  private async send(job: PrintJob, settings: StoreSettings): Promise<boolean> {
    const printer = settings.printer
    const iface = printer.interface
    let transmitting = false
    this.sending = true
    await this.checking
    try {
      const outcome = await printJob(iface, {
        timeoutMs: this.opts.sendTimeoutMs ?? 10_000,
        askStatus: printer.reportsStatus !== false,
        startTransmit: async () => {
          const bytes = await this.mutex.run(() => this.startTransmit(job, settings))
          transmitting = true
          return bytes
        }
      })
      const now = new Date().toISOString()
      this.remember(iface, outcome.status ?? { state: 'ready', detailKey: outcome.confirmed ? 'printer.detail.ok' : outcome.detailKey })
      if (outcome.confirmed) {
        await this.finish(job.id, { status: 'done', printedAt: now, lastError: null })
        this.failures = 0
        return true
      }
      await this.finish(job.id, { status: 'unconfirmed', lastError: outcome.detailKey })
      this.scheduleRetry(true)
      return false
    } catch (error) {
      // Superseded (void, correction) while it waited for the printer: nothing was sent; go on.
      if (error instanceof JobWithdrawn) return true
      const pe = error instanceof PrinterError ? error : null
      if (!pe) this.opts.logError?.(error)
      const detailKey = pe?.detailKey ?? 'printer.detail.unknown'
      const fault = pe?.kind === 'status' || pe?.kind === 'notPrinter'
      this.remember(iface, { state: pe?.kind === 'refused' || pe?.kind === 'timeout' ? 'offline' : 'error', detailKey })
      if (pe && !pe.maybePrinted) {
        // Nothing left for the printer: it waits, and prints as what it is once the printer is ready.
        this.waiting = true
        await this.finish(job.id, { status: 'pending', lastError: detailKey, transmitStartedAt: null })
        this.scheduleRetry(fault)
      } else {
        await this.finish(job.id, transmitting ? { status: 'unconfirmed', lastError: detailKey } : { status: 'pending', lastError: detailKey })
        this.scheduleRetry(true)
      }
      return false
    } finally {
      this.sending = false
    }
  }

  /**
   * Under the lock, right before the first byte: records that bytes are leaving and fixes the copy
   * number (copies.ts); returns the bytes with that number on them.
   */
  private async startTransmit(job: PrintJob, settings: StoreSettings): Promise<Buffer> {
    return this.ds.transaction(async (em) => {
      const at = new Date().toISOString()
      const current = await em.findOne(PrintJob, { where: { id: job.id }, select: { id: true, status: true } })
      if (current?.status !== 'sending') throw new JobWithdrawn()
      if (job.kind === 'drawerKick') {
        await em.update(PrintJob, { id: job.id }, { transmitStartedAt: at })
        const cmd = commandSet(settings.printer.type)
        return Buffer.concat([cmd.init, cmd.drawerKick])
      }
      let doc = job.document
      if (job.orderId !== null && isCopyKind(job.kind)) {
        const copyNo = await copiesOut(em, job.orderId, job.kind, job.id)
        // Numbered differently than expected when queued: the document is built again with its
        // number (the ticket module decides what a numbered copy looks like, e.g. 更正 补打).
        const renumbered = !doc || doc.reprintNo !== copyNo
        if (renumbered) doc = documentFor(job.kind, await loadOrderView(em, job.orderId), settings, copyNo)
        await em.update(PrintJob, { id: job.id }, { transmitStartedAt: at, reprintNo: copyNo, ...(renumbered ? { document: doc } : {}) })
      } else {
        await em.update(PrintJob, { id: job.id }, { transmitStartedAt: at })
      }
      return renderEscPos(doc ?? documentFor(job.kind, null, settings, 0), settings.printer)
    })
  }

  /**
   * Takes the oldest pending job. The conditional update makes the claim atomic even if a second
   * process shares the database file: a job is only sent by whoever flipped it to 'sending'.
   */
  private async claimNext(): Promise<{ job: PrintJob; settings: StoreSettings } | null> {
    const settings = await this.settings.load(this.ds.manager)
    if (!settings.printer.enabled || !settings.printer.interface) return null
    const repo = this.ds.getRepository(PrintJob)
    const maxKickAge = this.opts.drawerKickMaxAgeMs ?? 60_000
    for (let tries = 0; tries < 10; ) {
      const job = await repo.findOne({ where: { status: 'pending' }, order: { id: 'ASC' } })
      if (!job) return null
      // A kick that waited (paper out, printer off) belongs to a sale long over: drop it, never send it.
      if (job.kind === 'drawerKick' && this.now() - Date.parse(job.createdAt) > maxKickAge) {
        await repo.update({ id: job.id, status: 'pending' }, { status: 'done', lastError: 'printer.detail.drawerKickExpired' })
        continue
      }
      tries++
      const claimed = await repo.update({ id: job.id, status: 'pending' }, { status: 'sending', attempts: job.attempts + 1 })
      if (claimed.affected === 1) return { job, settings }
    }
    return null
  }

  private async finish(id: number, patch: Partial<PrintJob>): Promise<void> {
    await this.mutex.run(() => this.ds.getRepository(PrintJob).update({ id }, patch))
  }

  /**
   * Drops the frozen document of jobs done longer ago than the retention, in small batches (each its
   * own short lock) over the partial index of kept documents. A reprint or preview is rebuilt from the order.
   */
  async pruneDocuments(force = false): Promise<number> {
    if (!force && Date.now() - this.lastPrune < PRUNE_EVERY_MS) return 0
    this.lastPrune = Date.now()
    const before = new Date(Date.now() - (this.opts.documentRetentionMs ?? 7 * DAY)).toISOString()
    let total = 0
    for (;;) {
      const n = await this.mutex.run(() =>
        affected(
          this.ds,
          `UPDATE "print_job" SET "document" = NULL WHERE "id" IN (SELECT "id" FROM "print_job" WHERE "document" IS NOT NULL AND "printedAt" < ? ORDER BY "printedAt" LIMIT ${PRUNE_BATCH})`,
          [before]
        )
      )
      total += n
      if (n < PRUNE_BATCH || this.stopped) return total
    }
  }

  private remember(iface: string, s: PrinterStatus | { state: PrinterState; detailKey: string }): void {
    this.status = { iface, state: s.state, detailKey: s.detailKey, at: Date.now() }
  }

  /**
   * The printer's state as last seen, for the always-visible indicator. Asking the printer takes up
   * to a second and a half, so it is done in the background, outside the database lock, and never
   * while a job is being sent (some printers take one connection at a time).
   */
  currentStatus(printer: PrinterSettings): { state: PrinterState; detailKey: string } {
    if (!printer.enabled) return { state: 'disabled', detailKey: 'printer.state.disabled' }
    if (!printer.interface) return { state: 'offline', detailKey: 'printing.v.interfaceRequired' }
    const known = this.status?.iface === printer.interface ? this.status : null
    if (!known || Date.now() - known.at >= (this.opts.statusTtlMs ?? 5_000)) this.refreshStatus(printer)
    return known ?? { state: 'checking', detailKey: 'printer.state.checking' }
  }

  private refreshStatus(printer: PrinterSettings): void {
    if (this.checking || this.sending || this.stopped) return
    this.checking = this.readStatus(printer).finally(() => {
      this.checking = null
    })
  }

  private async readStatus(printer: PrinterSettings): Promise<void> {
    try {
      const s = await queryPrinterStatus(printer.interface, { timeoutMs: 1500, askStatus: printer.reportsStatus !== false })
      if (this.sending) return
      this.remember(printer.interface, s)
      // Paper put back, cover closed: waiting jobs go now rather than at the next poll.
      if (s.state === 'ready' && this.waiting) {
        this.waiting = false
        this.kick()
      }
    } catch (error) {
      this.opts.logError?.(error)
    }
  }

  /** fault: the printer answered (or is known to be there): poll it at a short, steady pace. */
  private scheduleRetry(fault: boolean): void {
    if (this.stopped) return
    const delay = fault ? (this.opts.waitPollMs ?? 3_000) : this.delays[Math.min(this.failures, this.delays.length - 1)]
    if (!fault) this.failures += 1
    // An automatic retry keeps backing off; only an outside kick() starts the back-off over.
    if (this.timer) clearTimeout(this.timer)
    this.timer = setTimeout(() => {
      this.timer = null
      this.start()
    }, delay)
    this.timer.unref()
  }

  /** Jobs not yet settled, oldest first, one page (index (status, id)). */
  async openJobs(em: EntityManager, afterId = 0): Promise<PrintJob[]> {
    const rows = (await em.query(
      `SELECT "id" FROM "print_job" WHERE "status" IN (${OPEN_IN}) AND "id" > ? ORDER BY "id" LIMIT ${JOB_PAGE_SIZE}`,
      [afterId]
    )) as { id: number }[]
    if (!rows.length) return []
    return em.find(PrintJob, { where: { id: In(rows.map((r) => r.id)) }, order: { id: 'ASC' } })
  }

  /** Open jobs, and how many of them were sent but not confirmed. */
  async openCounts(em: EntityManager): Promise<{ open: number; unconfirmed: number }> {
    const rows = (await em.query(`SELECT "status", COUNT(*) AS n FROM "print_job" WHERE "status" IN (${OPEN_IN}) GROUP BY "status"`)) as {
      status: string
      n: number
    }[]
    let open = 0
    let unconfirmed = 0
    for (const r of rows) {
      open += Number(r.n)
      if (r.status === 'unconfirmed' || r.status === 'failed') unconfirmed += Number(r.n)
    }
    return { open, unconfirmed }
  }
}

/** Runs an UPDATE and says how many rows it changed. */
async function affected(ds: DataSource, sql: string, params: unknown[]): Promise<number> {
  const runner = ds.createQueryRunner()
  try {
    return ((await runner.query(sql, params, true)) as QueryResult).affected ?? 0
  } finally {
    await runner.release()
  }
}
