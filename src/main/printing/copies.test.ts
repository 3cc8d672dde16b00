/**
 * Copy numbers across thermal and PDF, start-up recovery, document retention and bounded,
 * index-backed job lists — through the router on real SQLite.
 */
import type { PrintJobView } from '@shared/contract/printing'
import { decodeEscPos } from '../../../test/helpers/escpos-decode'
import type { PrinterEmulator } from '../../../test/helpers/printer-emulator'
import { sampleIntake, setUpStore, startTestCore, userWithRole, type Caller, type TestCore } from '../../../test/helpers/core'
import { closeCounterWithPrinter, startCounterWithPrinter } from '../../../test/helpers/counter-with-printer'
import { pdfText } from '../../../test/helpers/pdf-text'

let tc: TestCore
let manager: Caller
let clerk: Caller
let printer: PrinterEmulator

const FAST = { retryDelaysMs: [100, 200, 400], waitPollMs: 100, sendTimeoutMs: 1000, statusTtlMs: 20 }

async function usePrinter(enabled = true) {
  await manager.ok('settings.update', {
    printer: { enabled, interface: printer.url, widthMm: 80, type: 'epson', characterSet: 'GB18030', printDeviceTag: false }
  })
}

async function jobsWhen(orderId: number, done: (jobs: PrintJobView[]) => boolean): Promise<PrintJobView[]> {
  for (let i = 0; i < 200; i++) {
    const jobs = await clerk.ok('printing.jobs', { orderId })
    if (done(jobs)) return jobs
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error('print jobs did not settle')
}
const allDone = (js: PrintJobView[]) => js.length > 0 && js.every((j) => j.status === 'done')

async function pdfCopyLabel(orderId: number): Promise<string> {
  const pdf = await clerk.ok('printing.ticketPdf', { orderId })
  const text = await pdfText(Buffer.from(pdf.base64, 'base64'))
  return /补打 第\d+次/.exec(text)?.[0] ?? 'original'
}

beforeEach(async () => {
  ;({ tc, manager, clerk, printer } = await startCounterWithPrinter({ printQueue: FAST }))
})
afterEach(() => closeCounterWithPrinter({ tc, printer }))

describe('copy numbers count copies that came out, per ticket, thermal and PDF alike', () => {
  it('no printer: the first PDF is the original, the next is copy 1, then a thermal reprint is copy 2', async () => {
    const { order } = await clerk.ok('intake.create', sampleIntake())
    expect(await pdfCopyLabel(order.id)).toBe('original')
    expect(await pdfCopyLabel(order.id)).toBe('补打 第1次')
    await usePrinter()
    await clerk.ok('printing.reprint', { orderId: order.id, kind: 'claimTicket' })
    await jobsWhen(order.id, allDone)
    expect(decodeEscPos((await printer.waitForJobs(1))[0]).text).toMatch(/补打 第2次/)
  })

  it('a ticket that waited for the printer does not push numbers: the PDF saved meanwhile is the original', async () => {
    printer.setStatus({ paperOut: true })
    await usePrinter()
    const { order } = await clerk.ok('intake.create', sampleIntake())
    await jobsWhen(order.id, (js) => js[0]?.lastError === 'printer.detail.paperOut')
    expect(await pdfCopyLabel(order.id)).toBe('original')
    printer.setStatus({ paperOut: false })
    const [job] = await jobsWhen(order.id, allDone)
    expect(job.reprintNo).toBe(1) // numbered when it printed, after the PDF
    expect(decodeEscPos(printer.jobs[0]).text).toMatch(/补打 第1次/)
    // The preview shows the copy as it printed
    expect((await clerk.ok('printing.preview', { orderId: order.id, kind: 'claimTicket' })).reprintLabel).toBe('补打 第1次')
    const audit = await tc.core.dataSource.query(`SELECT action, detail FROM audit_log WHERE action = 'print.pdf'`)
    expect(JSON.parse(audit[0].detail)).toMatchObject({ copyNo: 0 })
  })

  it('printed original, then PDF is copy 1 and the next thermal copy 2 (no number used twice)', async () => {
    await usePrinter()
    const { order } = await clerk.ok('intake.create', sampleIntake())
    await jobsWhen(order.id, allDone)
    expect(await pdfCopyLabel(order.id)).toBe('补打 第1次')
    const again = await clerk.ok('printing.reprint', { orderId: order.id, kind: 'claimTicket' })
    expect(again.reprintNo).toBe(2)
    await jobsWhen(order.id, (js) => js.length === 2 && allDone(js))
    expect(decodeEscPos(printer.jobs[1]).text).toMatch(/补打 第2次/)
    const preview = await clerk.ok('printing.preview', { orderId: order.id, kind: 'claimTicket' })
    expect(preview.reprintLabel).toBe('补打 第2次')
    const audits = await tc.core.dataSource.query(`SELECT action FROM audit_log WHERE action IN ('print.reprint', 'print.pdf') ORDER BY id`)
    expect(audits.map((a: { action: string }) => a.action)).toEqual(['print.pdf', 'print.reprint'])
  })
})

describe('start-up recovery', () => {
  it('sending with no byte out -> prints as the original; bytes maybe out -> waits for a person, never resent unmarked', async () => {
    await usePrinter(false) // nothing is sent while the rows are staged
    await usePrinter()
    printer.setStatus({ paperOut: true })
    const a = (await clerk.ok('intake.create', sampleIntake())).order
    const b = (await clerk.ok('intake.create', sampleIntake({ customer: { ...sampleIntake().customer, mobile: '13900002222' } }))).order
    await jobsWhen(b.id, (js) => js[0]?.status === 'pending')
    await tc.core.printQueue.idle()
    tc.core.printQueue.stop()
    // As a crash leaves them: a caught before its first byte, b after bytes went out
    const ds = tc.core.dataSource
    await ds.query(`UPDATE print_job SET status = 'sending', transmitStartedAt = NULL WHERE orderId = ?`, [a.id])
    await ds.query(`UPDATE print_job SET status = 'sending', transmitStartedAt = '2026-11-23T02:00:01.000Z' WHERE orderId = ?`, [b.id])
    expect(await tc.core.printQueue.recover()).toEqual({ requeued: 1, unconfirmed: 1 })
    const rows = await ds.query(`SELECT orderId, status, lastError FROM print_job ORDER BY id`)
    expect(rows).toEqual([
      { orderId: a.id, status: 'pending', lastError: null },
      { orderId: b.id, status: 'unconfirmed', lastError: 'printer.detail.interrupted' }
    ])
  })
})

describe('documents do not grow the database for ever', () => {
  it('drops the document of done jobs past retention; preview and reprint are rebuilt from the order', async () => {
    await tc.close()
    tc = await startTestCore({ printQueue: { ...FAST, documentRetentionMs: 0 } })
    manager = await setUpStore(tc)
    clerk = await userWithRole(tc, manager, 'counter')
    await usePrinter()
    const { order } = await clerk.ok('intake.create', sampleIntake())
    await jobsWhen(order.id, allDone)
    await tc.core.printQueue.idle()
    const size = async () =>
      (await tc.core.dataSource.query(`SELECT COALESCE(SUM(LENGTH(document)), 0) AS doc FROM print_job`))[0] as { doc: number }
    const before = await size()
    await tc.core.printQueue.pruneDocuments(true)
    const after = await size()
    expect(before.doc).toBeGreaterThan(1500)
    expect(after.doc).toBe(0)
    console.log(`print_job document bytes per done job: ${before.doc} before retention, ${after.doc} after`)

    const preview = await clerk.ok('printing.preview', { orderId: order.id, kind: 'claimTicket' })
    expect(preview.reprintNo).toBe(0)
    expect(JSON.stringify(preview)).toContain(order.orderNo)
    await clerk.ok('printing.reprint', { orderId: order.id, kind: 'claimTicket' })
    await jobsWhen(order.id, (js) => js.length === 2 && allDone(js))
    const paper = decodeEscPos(printer.jobs[1])
    expect(paper.text).toMatch(/补打 第1次/)
    expect(paper.qr).toEqual([`RO|${order.orderNo}|${order.claimCode}`])
    // The database file on disk holds no frozen document any more once pruned
    await tc.core.printQueue.pruneDocuments(true)
    await tc.core.dataSource.query('PRAGMA wal_checkpoint(TRUNCATE)')
    const rows = await tc.core.dataSource.query(`SELECT COUNT(*) AS n FROM print_job WHERE document IS NOT NULL`)
    expect(rows[0].n).toBe(0)
  })

  it('every job list and count is bounded and index-backed (no scan of print_job)', async () => {
    const plan = async (sql: string, params: unknown[] = []) =>
      ((await tc.core.dataSource.query(`EXPLAIN QUERY PLAN ${sql}`, params)) as { detail: string }[]).map((r) => r.detail).join(' | ')
    const open = `'pending', 'sending', 'unconfirmed', 'failed'`
    const queries = [
      `SELECT "id" FROM "print_job" WHERE "status" IN (${open}) AND "id" > 0 ORDER BY "id" LIMIT 100`,
      `SELECT "status", COUNT(*) AS n FROM "print_job" WHERE "status" IN (${open}) GROUP BY "status"`,
      `SELECT * FROM "print_job" WHERE "orderId" = 1 ORDER BY "id" DESC LIMIT 100`,
      `SELECT COUNT(*) AS n FROM "print_job" WHERE "orderId" = 1 AND "kind" = 'claimTicket' AND "transmitStartedAt" IS NOT NULL AND "id" <> 0`,
      `SELECT * FROM "print_job" WHERE "status" = 'pending' ORDER BY "id" ASC LIMIT 1`,
      `SELECT "id" FROM "print_job" WHERE "document" IS NOT NULL AND "printedAt" < '2026-01-01' ORDER BY "printedAt" LIMIT 500`
    ]
    for (const q of queries) {
      const p = await plan(q)
      expect(p, q).not.toMatch(/SCAN print_job(?! USING)/)
      expect(p, q).toMatch(/USING (COVERING )?INDEX|USING INTEGER PRIMARY KEY/)
    }
    // 150 open jobs: one page of 100, then the rest after the last id
    const now = new Date().toISOString()
    for (let i = 0; i < 150; i++) await tc.core.dataSource.query(`INSERT INTO print_job (kind, status, createdAt) VALUES ('testPage', 'unconfirmed', ?)`, [now])
    const first = await clerk.ok('printing.queue', {})
    expect(first.length).toBe(100)
    const rest = await clerk.ok('printing.queue', { afterId: first[99].id })
    expect(rest.length).toBe(50)
    expect((await clerk.ok('printing.status', {})).unconfirmedJobs).toBe(150)
  })
})
