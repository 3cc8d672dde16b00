/**
 * kill -9 of the print path: the built app (out/main/bridge.js, what `npm run start:browser` runs) is
 * killed while a job is being sent, then started again on the same data folder. Nothing is lost,
 * nothing unmarked prints twice, and a job caught before its first byte prints as the original.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { PrintJobView } from '../../src/shared/contract/printing'
import { decodeEscPos } from '../helpers/escpos-decode'
import { startPrinterEmulator, type PrinterEmulator } from '../helpers/printer-emulator'
import { MANAGER, liveIntake, sampleIntake } from '../helpers/core'
import { setUpPrintingStore } from '../helpers/bridge-with-printer'
import { kill9, startBridgeProcess as startApp, until, type BridgeProcess as App } from '../helpers/bridge-process'

let dataDir: string
let printer: PrinterEmulator
let app: App | null = null

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'rc-kill9-'))
  printer = await startPrinterEmulator()
})
afterAll(async () => {
  if (app) await kill9(app)
  await printer.close()
  rmSync(dataDir, { recursive: true, force: true })
})

describe('kill -9 while printing', () => {
  it('before the first byte: back to pending, printed once as the original; after bytes left: never resent unmarked', async () => {
    app = await startApp(dataDir)
    await setUpPrintingStore(app, printer)

    // 1. A busy printer: the job is claimed and asked about, no byte of it has left. Kill.
    printer.setStatus({ statusDelayMs: 60_000 })
    const a = (await app.ok<{ order: { id: number; orderNo: string } }>('intake.create', liveIntake())).order
    const jobsOf = (orderId: number) => () => app!.ok<PrintJobView[]>('printing.jobs', { orderId })
    await until('job A sending', jobsOf(a.id), (js) => js[0]?.status === 'sending')
    await kill9(app)
    expect(printer.received).toEqual([])

    printer.setStatus({ statusDelayMs: 0 })
    app = await startApp(dataDir)
    await app.ok('auth.signIn', { username: MANAGER.username, pin: MANAGER.pin })
    const [doneA] = await until('job A done', jobsOf(a.id), (js) => js[0]?.status === 'done')
    expect(doneA.reprintNo).toBe(0)
    expect(printer.jobs.length).toBe(1)
    const paperA = decodeEscPos(printer.jobs[0])
    expect(paperA.text).toContain(a.orderNo)
    expect(paperA.text).not.toMatch(/补打|REPRINT/)

    // 2. A printer that takes the bytes and then jams: bytes are out, no answer yet. Kill.
    printer.setStatus({ muteOnJob: true })
    const b = (
      await app.ok<{ order: { id: number; orderNo: string } }>('intake.create', liveIntake({ customer: { ...sampleIntake().customer, mobile: '13900003333' } }))
    ).order
    await until('job B bytes at the printer', async () => printer.received.length, (n) => n === 2)
    const [sendingB] = await jobsOf(b.id)()
    expect(sendingB.status).toBe('sending')
    await kill9(app)

    printer.setStatus({ muteOnJob: false })
    app = await startApp(dataDir)
    await app.ok('auth.signIn', { username: MANAGER.username, pin: MANAGER.pin })
    const [waitingB] = await until('job B unconfirmed', jobsOf(b.id), (js) => js[0]?.status === 'unconfirmed')
    expect(waitingB.lastError).toBe('printer.detail.interrupted')
    await new Promise((r) => setTimeout(r, 1500))
    expect(printer.jobs.length).toBe(1) // nothing resent by itself
    // Nothing lost: both orders are there
    expect((await app.ok<{ orderNo: string }>('orders.get', { orderId: a.id })).orderNo).toBe(a.orderNo)
    expect((await app.ok<{ orderNo: string }>('orders.get', { orderId: b.id })).orderNo).toBe(b.orderNo)
    // The counter reprints it: marked, because the first copy may be on paper
    await app.ok('printing.retry', { jobId: waitingB.id })
    await until('copy of B done', jobsOf(b.id), (js) => js.length === 2 && js[1].status === 'done')
    expect(printer.jobs.length).toBe(2)
    const paperB = decodeEscPos(printer.jobs[1])
    expect(paperB.text).toContain(b.orderNo)
    expect(paperB.text).toMatch(/补打 第1次/)
  }, 90_000)
})
