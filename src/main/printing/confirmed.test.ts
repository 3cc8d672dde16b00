/**
 * Printing that is confirmed, through the router on real SQLite and the loopback printer emulator in
 * each fault mode: which jobs end done (confirmed), pending (waiting, with the reason), unconfirmed.
 */
import type { PrintJobView } from '@shared/contract/printing'
import { decodeEscPos } from '../../../test/helpers/escpos-decode'
import { startPrinterEmulator, type EmulatedStatus, type PrinterEmulator } from '../../../test/helpers/printer-emulator'
import { sampleIntake, type Caller, type TestCore } from '../../../test/helpers/core'
import { closeCounterWithPrinter, startCounterWithPrinter } from '../../../test/helpers/counter-with-printer'
import { printJob } from './transport'

let tc: TestCore
let manager: Caller
let clerk: Caller
let printer: PrinterEmulator

const FAST = { retryDelaysMs: [100, 200, 400], waitPollMs: 100, sendTimeoutMs: 1000, statusTtlMs: 20 }

async function usePrinter(extra: Record<string, unknown> = {}) {
  await manager.ok('settings.update', {
    printer: { enabled: true, interface: printer.url, widthMm: 80, type: 'epson', characterSet: 'GB18030', printDeviceTag: false, ...extra }
  })
}

/** Polls the router like the order screen does, until the jobs look as expected. */
async function jobsWhen(orderId: number, done: (jobs: PrintJobView[]) => boolean, what = 'expected state'): Promise<PrintJobView[]> {
  let jobs: PrintJobView[] = []
  for (let i = 0; i < 200; i++) {
    jobs = await clerk.ok('printing.jobs', { orderId })
    if (done(jobs)) return jobs
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error(`print jobs never reached ${what}: ${JSON.stringify(jobs.map((j) => [j.kind, j.status, j.lastError]))}`)
}
const only = (status: string, lastError?: string) => (jobs: PrintJobView[]) =>
  jobs.length > 0 && jobs.every((j) => j.status === status && (lastError === undefined || j.lastError === lastError))

/** Out of warranty, so a paid service with a deposit raises no warning. */
const paidWithDeposit = (depositMethod: string) => ({
  purchase: { invoiceDate: '2024-01-05', invoiceNo: 'FP-0002' },
  service: { ...sampleIntake().service, type: 'paid', estimateFen: 8000, depositFen: 5000, depositMethod }
})

async function intake(overrides = {}) {
  return (await clerk.ok('intake.create', sampleIntake(overrides))).order
}

beforeEach(async () => {
  ;({ tc, manager, clerk, printer } = await startCounterWithPrinter({ printQueue: FAST }))
})
afterEach(() => closeCounterWithPrinter({ tc, printer }))

describe('a job waits while the printer says it cannot print, and prints by itself when it can', () => {
  it.each([
    ['paper out', { paperOut: true }, { paperOut: false }, 'printer.detail.paperOut'],
    ['cover open', { coverOpen: true }, { coverOpen: false }, 'printer.detail.coverOpen'],
    ['offline', { online: false }, { online: true }, 'printer.detail.offline'],
    ['accept-and-hang (never reads, never answers)', { hang: true }, { hang: false }, 'printer.detail.noAnswer'],
    ['connects, reads, never answers status', { answersStatus: false }, { answersStatus: true }, 'printer.detail.noAnswer']
  ] as [string, Partial<EmulatedStatus>, Partial<EmulatedStatus>, string][])('%s', async (_name, fault, fixed, reason) => {
    printer.setStatus(fault)
    await usePrinter()
    const order = await intake()
    const waiting = await jobsWhen(order.id, only('pending', reason), `pending (${reason})`)
    expect(waiting[0].printedAt).toBeNull()
    const status = await clerk.ok('printing.status', {})
    expect(status.pendingJobs).toBe(1)
    expect(printer.received).toEqual([]) // not one byte of the ticket went to a printer that cannot print it
    // The status flips back to ok: the job goes out without anyone pressing anything.
    printer.setStatus(fixed)
    const done = await jobsWhen(order.id, only('done'), 'done')
    expect(done[0].reprintNo).toBe(0)
    await tc.core.printQueue.idle()
    expect(printer.jobs.length).toBe(1)
    expect(decodeEscPos(printer.jobs[0]).text).not.toMatch(/补打|REPRINT/)
    expect((await clerk.ok('printing.status', {})).pendingJobs).toBe(0)
  })

  it('refused (printer off): waits with the reason, prints once when it is back on the same port', async () => {
    const port = printer.port
    await printer.close()
    await usePrinter({ printDeviceTag: true })
    const order = await intake()
    // The first one tried says why; the rest wait behind it
    const waiting = await jobsWhen(order.id, (js) => js[0]?.lastError === 'printer.detail.refused', 'refused')
    expect(waiting.map((j) => j.status)).toEqual(['pending', 'pending'])
    printer = await startPrinterEmulator({ port })
    await jobsWhen(order.id, only('done'), 'done')
    await tc.core.printQueue.idle()
    expect(printer.jobs.map((j) => decodeEscPos(j).cuts)).toEqual([1, 1])
  })
})

describe('a job whose bytes went out is done only when the printer answers after the last byte', () => {
  it('answered ok after the job: done, printed once', async () => {
    await usePrinter()
    const order = await intake()
    const [job] = await jobsWhen(order.id, only('done'), 'done')
    expect(job.printedAt).not.toBeNull()
    expect(printer.jobs.length).toBe(1)
  })

  it('jammed mid-job (answers before, silent after): sent, not confirmed — visible, confirmable, reprinted marked', async () => {
    printer.setStatus({ muteOnJob: true })
    await usePrinter()
    const order = await intake()
    const [job] = await jobsWhen(order.id, only('unconfirmed', 'printer.detail.noConfirm'), 'unconfirmed')
    expect(printer.jobs).toEqual([]) // nothing came out
    expect(printer.received.length).toBe(1)
    expect(await clerk.ok('printing.status', {})).toMatchObject({ pendingJobs: 1, unconfirmedJobs: 1 })
    expect((await clerk.ok('printing.queue', {})).map((j) => j.id)).toEqual([job.id])

    // Nothing came out: Reprint. The copy is marked, because the first one may yet appear.
    printer.setStatus({ muteOnJob: false })
    const copy = await clerk.ok('printing.retry', { jobId: job.id })
    expect(copy.id).not.toBe(job.id)
    await jobsWhen(order.id, (js) => js.some((j) => j.id === copy.id && j.status === 'done'), 'copy done')
    await tc.core.printQueue.idle()
    const paper = decodeEscPos(printer.jobs[0])
    expect(paper.text).toMatch(/补打 第1次/)
    const jobs = await clerk.ok('printing.jobs', { orderId: order.id })
    expect(jobs.find((j) => j.id === job.id)).toMatchObject({ status: 'done', lastError: 'printer.detail.replacedByReprint' })
    expect(jobs.find((j) => j.id === copy.id)).toMatchObject({ status: 'done', reprintNo: 1 })
  })

  it('a clerk confirms an unconfirmed job came out (audited); confirming twice or a done job is refused', async () => {
    printer.setStatus({ muteOnJob: true })
    await usePrinter()
    const order = await intake()
    const [job] = await jobsWhen(order.id, only('unconfirmed'), 'unconfirmed')
    const confirmed = await clerk.ok('printing.confirm', { jobId: job.id })
    expect(confirmed).toMatchObject({ status: 'done', lastError: 'printer.detail.confirmedByHand' })
    expect(confirmed.printedAt).not.toBeNull()
    const again = await clerk.call('printing.confirm', { jobId: job.id })
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    const rows = await tc.core.dataSource.query(`SELECT detail FROM audit_log WHERE action = 'print.confirm'`)
    expect(rows.length).toBe(1)
    expect(JSON.parse(rows[0].detail)).toMatchObject({ kind: 'claimTicket', changes: { status: { old: 'unconfirmed', new: 'done' } } })
    expect(await clerk.ok('printing.status', {})).toMatchObject({ pendingJobs: 0, unconfirmedJobs: 0 })
    // The confirmed copy counts: the next one is numbered
    const copy = await clerk.ok('printing.reprint', { orderId: order.id, kind: 'claimTicket' })
    expect(copy.reprintNo).toBe(1)
  })

  it('paper runs out during the ticket: not confirmed, with the reason', async () => {
    printer.setStatus({ faultOnJob: { paperOut: true } })
    await usePrinter()
    const order = await intake()
    await jobsWhen(order.id, only('unconfirmed', 'printer.detail.paperOut'), 'unconfirmed (paper out)')
    expect(printer.jobs).toEqual([])
  })

  it('connection cut part-way through the ticket: not confirmed (it may be half on paper)', async () => {
    printer.setStatus({ closeMidJobAfter: 400 })
    await usePrinter()
    const order = await intake()
    const [job] = await jobsWhen(order.id, only('unconfirmed'), 'unconfirmed')
    expect(['printer.detail.io', 'printer.detail.noConfirm']).toContain(job.lastError)
    expect(printer.jobs).toEqual([])
    expect(printer.received[0].length).toBeGreaterThanOrEqual(400)
  })

  it('a large job cut off mid-send is reported "may have printed", never as done', async () => {
    printer.setStatus({ closeMidJobAfter: 64 * 1024 })
    let started = 0
    const outcome = await printJob(printer.url, {
      timeoutMs: 2000,
      askStatus: true,
      startTransmit: async () => {
        started++
        return Buffer.alloc(4_000_000, 0x41)
      }
    }).catch((e: unknown) => e)
    expect(started).toBe(1)
    // Either the write fails (reset while sending) or the answer never comes: both mean "may have printed"
    if (outcome instanceof Error) expect(outcome).toMatchObject({ maybePrinted: true })
    else expect(outcome).toMatchObject({ confirmed: false })
    expect(printer.jobs).toEqual([])
  })

  it('a printer set as unable to report is done on a successful write, as before', async () => {
    printer.setStatus({ answersStatus: false })
    await usePrinter({ reportsStatus: false })
    const order = await intake()
    await jobsWhen(order.id, only('done'), 'done')
    expect(printer.statusQueries).toBe(0)
  })
})

describe('cash drawer', () => {
  it('a cash deposit opens the drawer through the receipt printer, queued like a print', async () => {
    await usePrinter({ openDrawerOnCash: true })
    const order = await intake(paidWithDeposit('cash'))
    const jobs = await jobsWhen(order.id, (js) => js.length === 2 && js.every((j) => j.status === 'done'), 'kick and ticket done')
    expect(jobs.map((j) => j.kind)).toEqual(['drawerKick', 'claimTicket'])
    await tc.core.printQueue.idle()
    const [kick, ticket] = printer.jobs.map(decodeEscPos)
    expect(kick.drawerKicks).toEqual([{ pin: 2, onMs: 50, offMs: 500 }])
    expect(kick.text).toBe('')
    expect(ticket.drawerKicks).toEqual([])
  })

  it('no kick for a non-cash deposit, or when the setting is off', async () => {
    await usePrinter({ openDrawerOnCash: true })
    const wechat = await intake(paidWithDeposit('wechat'))
    expect((await clerk.ok('printing.jobs', { orderId: wechat.id })).map((j) => j.kind)).toEqual(['claimTicket'])
    await usePrinter({ openDrawerOnCash: false })
    const cash = await intake({ ...paidWithDeposit('cash'), customer: { ...sampleIntake().customer, mobile: '13900001111' } })
    expect((await clerk.ok('printing.jobs', { orderId: cash.id })).map((j) => j.kind)).toEqual(['claimTicket'])
  })
})
