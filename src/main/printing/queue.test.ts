import { decodeEscPos } from '../../../test/helpers/escpos-decode'
import { startPrinterEmulator, type PrinterEmulator } from '../../../test/helpers/printer-emulator'
import { sampleIntake, type Caller, type TestCore } from '../../../test/helpers/core'
import { closeCounterWithPrinter, startCounterWithPrinter } from '../../../test/helpers/counter-with-printer'

let tc: TestCore
let manager: Caller
let clerk: Caller
let printer: PrinterEmulator

async function usePrinter(url: string, printDeviceTag = true) {
  await manager.ok('settings.update', {
    printer: { enabled: true, interface: url, widthMm: 80, type: 'epson', characterSet: 'GB18030', printDeviceTag }
  })
}

/** Polls the router like the order screen does, until the jobs settle. */
async function jobsWhen(orderId: number, done: (statuses: string[]) => boolean) {
  for (let i = 0; i < 100; i++) {
    const jobs = await clerk.ok('printing.jobs', { orderId })
    if (done(jobs.map((j) => j.status))) return jobs
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error('print jobs did not settle')
}

beforeEach(async () => {
  ;({ tc, manager, clerk, printer } = await startCounterWithPrinter())
})
afterEach(() => closeCounterWithPrinter({ tc, printer }))

describe('print queue', () => {
  it('prints the claim ticket and the device tag after the intake commits', async () => {
    await usePrinter(printer.url)
    const { order } = await clerk.ok('intake.create', sampleIntake())
    const jobs = await printer.waitForJobs(2, 5000)
    const [ticket, tag] = jobs.map(decodeEscPos)
    expect(ticket.text).toContain('张三')
    expect(ticket.text).toContain(order.orderNo)
    expect(ticket.qr).toEqual([`RO|${order.orderNo}|${order.claimCode}`])
    expect(ticket.cuts).toBe(1)
    expect(tag.barcodes).toEqual([order.orderNo])
    const settled = await jobsWhen(order.id, (s) => s.every((x) => x === 'done'))
    expect(settled.every((j) => j.printedAt !== null)).toBe(true)
  })

  it('keeps the sale when the printer is down, then prints each job exactly once when it is back', async () => {
    const port = printer.port
    await printer.close()
    await usePrinter(`tcp://127.0.0.1:${port}`, false)
    const r = await clerk.call('intake.create', sampleIntake())
    expect(r.ok).toBe(true)
    if (!r.ok) return
    const waiting = await jobsWhen(r.value.order.id, (s) => s[0] === 'pending')
    expect(waiting[0].lastError).toBe('printer.detail.refused')
    expect(await clerk.ok('orders.get', { orderId: r.value.order.id })).toMatchObject({ orderNo: r.value.order.orderNo })

    printer = await startPrinterEmulator({ port })
    await clerk.ok('printing.retry', { jobId: waiting[0].id })
    const done = await jobsWhen(r.value.order.id, (s) => s[0] === 'done')
    await tc.core.printQueue.idle()
    expect(printer.jobs.length).toBe(1)
    expect(done[0].attempts).toBeGreaterThanOrEqual(2) // refused at least once, then printed
    expect(decodeEscPos(printer.jobs[0]).text).not.toMatch(/补打|REPRINT/)
  })

  it('retries by itself while the printer is away', async () => {
    const port = printer.port
    await printer.close()
    await usePrinter(`tcp://127.0.0.1:${port}`, false)
    const { order } = await clerk.ok('intake.create', sampleIntake())
    await jobsWhen(order.id, (s) => s[0] === 'pending')
    printer = await startPrinterEmulator({ port })
    await printer.waitForJobs(1, 5000)
    await jobsWhen(order.id, (s) => s[0] === 'done')
    await tc.core.printQueue.idle()
    expect(printer.jobs.length).toBe(1)
    expect(await clerk.ok('printing.queue', {})).toEqual([])
  })

  it('marks reprints so a second copy is never mistaken for the original', async () => {
    await usePrinter(printer.url, false)
    const { order } = await clerk.ok('intake.create', sampleIntake())
    await printer.waitForJobs(1, 5000)
    const again = await clerk.ok('printing.reprint', { orderId: order.id, kind: 'claimTicket' })
    expect(again.reprintNo).toBe(1)
    const [, second] = (await printer.waitForJobs(2, 5000)).map(decodeEscPos)
    expect(second.text).toMatch(/补打/)
    expect(second.qr).toEqual([`RO|${order.orderNo}|${order.claimCode}`])
    const preview = await clerk.ok('printing.preview', { orderId: order.id, kind: 'claimTicket' })
    expect(preview.reprintNo).toBe(1)
    const audit = await tc.core.dataSource.query(`SELECT action FROM audit_log WHERE action='print.reprint'`)
    expect(audit.length).toBe(1)
  })

  it('reports the printer state without holding up the counter', async () => {
    await usePrinter(printer.url)
    const stateBecomes = async (state: string) => {
      for (let i = 0; i < 100; i++) {
        const s = await clerk.ok('printing.status', {})
        if (s.state === state) return s
        await new Promise((r) => setTimeout(r, 50))
      }
      throw new Error(`printer state never became ${state}`)
    }
    expect(await stateBecomes('ready')).toMatchObject({ detail: expect.any(String) })
    printer.setStatus({ coverOpen: true })
    expect((await stateBecomes('error')).detail).toMatch(/盖/)
    await printer.close()
    expect((await stateBecomes('offline')).detail).toMatch(/拒绝|未开机/)
  })
})
