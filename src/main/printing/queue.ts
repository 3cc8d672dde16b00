import { In, type DataSource, type EntityManager } from 'typeorm'
import type { OrderView } from '@shared/contract/intake'
import type { PrinterState, PrintJobStatus, PrintJobView, PrintKind } from '@shared/contract/printing'
import type { PrinterSettings, StoreSettings } from '@shared/contract/settings'
import type { Mutex } from '../core/mutex'
import type { SettingsService } from '../settings/service'
import { PrintJob } from './print-job.entity'
import { documentFor } from './documents'
import { renderEscPos } from './escpos'
import { PrinterError, queryPrinterStatus, sendToPrinter } from './transport'

const OPEN_STATUSES: PrintJobStatus[] = ['pending', 'sending', 'failed']

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

export interface PrintQueueOptions {
  /** Waits between automatic retries while the printer is unreachable (the last one repeats). */
  retryDelaysMs?: number[]
  sendTimeoutMs?: number
  /** How long a printer status reading is reused before it is asked again. */
  statusTtlMs?: number
  logError?: (error: unknown) => void
}

/**
 * Persisted print queue. Jobs are rows written in the caller's transaction; after commit `kick()`
 * sends them oldest first. A printer that refuses the connection leaves the job pending (nothing
 * printed) and it is retried by itself; a failure after bytes went out marks it failed, because it
 * may have printed: a retry then prints a copy marked as a reprint, never an unmarked duplicate.
 */
export class PrintQueue {
  private running: Promise<void> | null = null
  private rerun = false
  private timer: NodeJS.Timeout | null = null
  private failures = 0
  private stopped = false
  private sending = false
  private checking = false
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

  /** Inside a transaction: freeze the document and add a pending job. */
  async enqueue(
    em: EntityManager,
    job: { order: OrderView | null; kind: PrintKind; settings: StoreSettings; userId: number | null; now: Date; reprintNo?: number }
  ): Promise<PrintJobView> {
    const reprintNo = job.reprintNo ?? 0
    const saved = await em.save(
      em.create(PrintJob, {
        orderId: job.order?.id ?? null,
        kind: job.kind,
        reprintNo,
        status: 'pending',
        attempts: 0,
        lastError: null,
        document: documentFor(job.kind, job.order, job.settings, reprintNo),
        createdAt: job.now.toISOString(),
        printedAt: null,
        createdById: job.userId
      })
    )
    return jobView(saved)
  }

  /** At start-up: a job caught mid-send may have printed; it must not be resent unmarked. */
  async recover(): Promise<void> {
    await this.mutex.run(() =>
      this.ds.getRepository(PrintJob).update({ status: 'sending' }, { status: 'failed', lastError: 'printer.detail.interrupted' })
    )
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
        if (!next) return
        if (!(await this.send(next.job, next.settings.printer))) return
      }
    } catch (error) {
      // A database error must not leave the queue stalled: log it and try again later.
      this.opts.logError?.(error)
      this.scheduleRetry()
    }
  }

  /** Sends one claimed job; false when the printer failed (the rest wait for the retry). */
  private async send(job: PrintJob, printer: PrinterSettings): Promise<boolean> {
    this.sending = true
    try {
      const bytes = renderEscPos(job.document, printer)
      await sendToPrinter(printer.interface, bytes, { timeoutMs: this.opts.sendTimeoutMs ?? 10_000 })
      this.status = { iface: printer.interface, state: 'ready', detailKey: 'printer.detail.ok', at: Date.now() }
      await this.mutex.run(() => this.finish(job.id, { status: 'done', printedAt: new Date().toISOString(), lastError: null }))
      this.failures = 0
      return true
    } catch (error) {
      const pe = error instanceof PrinterError ? error : null
      if (!pe) this.opts.logError?.(error)
      const detailKey = pe?.detailKey ?? 'printer.detail.unknown'
      this.status = { iface: printer.interface, state: pe?.kind === 'io' || !pe ? 'error' : 'offline', detailKey, at: Date.now() }
      // Refused before any byte went out: nothing printed, keep it pending. Otherwise it may have printed.
      const status = pe && !pe.maybePrinted ? 'pending' : 'failed'
      await this.mutex.run(() => this.finish(job.id, { status, lastError: detailKey }))
      this.scheduleRetry()
      return false
    } finally {
      this.sending = false
    }
  }

  /**
   * Takes the oldest pending job. The conditional update makes the claim atomic even if a second
   * process shares the database file: a job is only sent by whoever flipped it to 'sending'.
   */
  private async claimNext(): Promise<{ job: PrintJob; settings: StoreSettings } | null> {
    const settings = await this.settings.load(this.ds.manager)
    if (!settings.printer.enabled) return null
    const repo = this.ds.getRepository(PrintJob)
    for (let tries = 0; tries < 10; tries++) {
      const job = await repo.findOne({ where: { status: 'pending' }, order: { id: 'ASC' } })
      if (!job) return null
      const claimed = await repo.update({ id: job.id, status: 'pending' }, { status: 'sending', attempts: job.attempts + 1 })
      if (claimed.affected === 1) return { job, settings }
    }
    return null
  }

  private async finish(id: number, patch: Partial<PrintJob>): Promise<void> {
    await this.ds.getRepository(PrintJob).update({ id }, patch)
  }

  /**
   * The printer's state as last seen, for the always-visible indicator. Asking the printer takes up
   * to a second and a half, so it is done in the background, outside the database lock, and never
   * while a job is being sent (some printers take one connection at a time).
   */
  currentStatus(printer: PrinterSettings): { state: PrinterState; detailKey: string } {
    if (!printer.enabled) return { state: 'disabled', detailKey: 'printer.state.disabled' }
    const known = this.status?.iface === printer.interface ? this.status : null
    if (!known || Date.now() - known.at >= (this.opts.statusTtlMs ?? 5_000)) void this.refreshStatus(printer.interface)
    return known ?? { state: 'checking', detailKey: 'printer.state.checking' }
  }

  private async refreshStatus(iface: string): Promise<void> {
    if (this.checking || this.sending || this.stopped) return
    this.checking = true
    try {
      const s = await queryPrinterStatus(iface, { timeoutMs: 1500 })
      if (!this.sending) this.status = { iface, ...s, at: Date.now() }
    } catch (error) {
      this.opts.logError?.(error)
    } finally {
      this.checking = false
    }
  }

  private scheduleRetry(): void {
    if (this.stopped) return
    const delay = this.delays[Math.min(this.failures, this.delays.length - 1)]
    this.failures += 1
    // An automatic retry keeps backing off; only an outside kick() starts the back-off over.
    this.timer = setTimeout(() => {
      this.timer = null
      this.start()
    }, delay)
    this.timer.unref()
  }

  /** Jobs not yet settled: waiting, being sent, or failed and needing a decision. */
  async openJobs(em: EntityManager): Promise<PrintJob[]> {
    return em.find(PrintJob, { where: { status: In(OPEN_STATUSES) }, order: { id: 'ASC' } })
  }

  async pendingCount(em: EntityManager): Promise<number> {
    return em.countBy(PrintJob, { status: In(OPEN_STATUSES) })
  }
}
