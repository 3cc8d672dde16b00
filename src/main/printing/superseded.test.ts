/**
 * Jobs that must not print as queued: a ticket still waiting for the printer when its order is
 * corrected or voided, and a cash-drawer kick that waited past its minute. Router, real SQLite,
 * the loopback printer emulator out of paper and then refilled.
 */
import type { PrintJobView } from '@shared/contract/printing'
import { decodeEscPos } from '../../../test/helpers/escpos-decode'
import type { PrinterEmulator } from '../../../test/helpers/printer-emulator'
import { sampleIntake, setUpStore, startTestCore, userWithRole, type Caller, type TestCore } from '../../../test/helpers/core'
import { closeCounterWithPrinter, startCounterWithPrinter } from '../../../test/helpers/counter-with-printer'

let tc: TestCore
let manager: Caller
let clerk: Caller
let printer: PrinterEmulator

const FAST = { retryDelaysMs: [100, 200, 400], waitPollMs: 100, sendTimeoutMs: 1000, statusTtlMs: 20 }

beforeEach(async () => {
  ;({ tc, manager, clerk, printer } = await startCounterWithPrinter({ printQueue: FAST }, { status: { paperOut: true } }))
  await manager.ok('settings.update', {
    printer: { enabled: true, interface: printer.url, widthMm: 80, type: 'epson', characterSet: 'GB18030', printDeviceTag: false, openDrawerOnCash: true }
  })
})
afterEach(() => closeCounterWithPrinter({ tc, printer }))

async function jobsWhen(orderId: number, done: (jobs: PrintJobView[]) => boolean, what: string): Promise<PrintJobView[]> {
  let jobs: PrintJobView[] = []
  for (let i = 0; i < 200; i++) {
    jobs = await clerk.ok('printing.jobs', { orderId })
    if (done(jobs)) return jobs
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error(`print jobs never reached ${what}: ${JSON.stringify(jobs.map((j) => [j.kind, j.status, j.lastError]))}`)
}
const waitingForPaper = (jobs: PrintJobView[]) => jobs.length > 0 && jobs.every((j) => j.status === 'pending' && j.lastError === 'printer.detail.paperOut')
const allDone = (n: number) => (jobs: PrintJobView[]) => jobs.length === n && jobs.every((j) => j.status === 'done')

/** Paper back in; waits until the order's jobs are settled and nothing more is being sent. */
async function refillAndSettle(orderId: number, jobs: number): Promise<{ jobs: PrintJobView[]; printed: ReturnType<typeof decodeEscPos>[] }> {
  printer.setStatus({ paperOut: false })
  const settled = await jobsWhen(orderId, allDone(jobs), 'all done')
  await tc.core.printQueue.idle()
  await new Promise((r) => setTimeout(r, 300)) // a stale job would come out within a few polls
  return { jobs: settled, printed: printer.jobs.map(decodeEscPos) }
}

describe('a ticket waiting for paper when its order changes', () => {
  it('after a correction only the corrected ticket prints, once, marked 更正', async () => {
    const { order } = await clerk.ok('intake.create', sampleIntake())
    await jobsWhen(order.id, waitingForPaper, 'waiting for paper')
    const { imeiPending: _p, hasPasscode: _h, ...device } = order.device
    const customer = { ...order.customer, name: '张珊' }
    await clerk.ok('orders.correct', { orderId: order.id, customer, device, fault: order.fault, condition: order.condition, accessories: order.accessories, promisedDate: order.service.promisedDate })

    const { jobs, printed } = await refillAndSettle(order.id, 2)
    expect(jobs.map((j) => [j.status, j.lastError, j.printedAt !== null])).toEqual([
      ['done', 'printer.detail.superseded', false],
      ['done', null, true]
    ])
    expect(printed).toHaveLength(1)
    expect(printed[0].text).toContain('【更正】')
    expect(printed[0].text).toContain('张珊')
    expect(printed[0].text).not.toContain('张三')
    expect(printed[0].text).not.toMatch(/第\d+次打印/) // nothing came out before: it is the first copy
  })

  it('after a void only the voided ticket prints, once, marked 作废', async () => {
    const { order } = await clerk.ok('intake.create', sampleIntake())
    await jobsWhen(order.id, waitingForPaper, 'waiting for paper')
    await manager.ok('orders.void', { orderId: order.id, reason: '重复录入' })

    const { jobs, printed } = await refillAndSettle(order.id, 2)
    expect(jobs.map((j) => j.lastError)).toEqual(['printer.detail.superseded', null])
    expect(printed).toHaveLength(1)
    expect(printed[0].text).toContain('【作废】')
    const superseded = (await manager.ok('audit.list', { action: 'print.reprint' })).rows
    expect(superseded.map((r) => r.detail)).toMatchObject([{ kind: 'claimTicket', replacesJobId: jobs[0].id }])
  })

  it('a correction after the original came out prints a copy numbered after it', async () => {
    printer.setStatus({ paperOut: false })
    const { order } = await clerk.ok('intake.create', sampleIntake())
    await jobsWhen(order.id, allDone(1), 'printed')
    const { imeiPending: _p, hasPasscode: _h, ...device } = order.device
    const customer = { ...order.customer, name: '张珊' }
    await clerk.ok('orders.correct', { orderId: order.id, customer, device, fault: order.fault, condition: order.condition, accessories: order.accessories, promisedDate: order.service.promisedDate })
    const jobs = await jobsWhen(order.id, allDone(2), 'both printed')
    expect(jobs.map((j) => [j.reprintNo, j.lastError])).toEqual([[0, null], [1, null]])
    await tc.core.printQueue.idle()
    expect(decodeEscPos(printer.jobs[1]).text).toContain('更正 第1次打印')
  })

  it('a void with nothing waiting prints nothing', async () => {
    printer.setStatus({ paperOut: false })
    const { order } = await clerk.ok('intake.create', sampleIntake())
    await jobsWhen(order.id, allDone(1), 'printed')
    await manager.ok('orders.void', { orderId: order.id, reason: '重复录入' })
    await tc.core.printQueue.idle()
    expect((await clerk.ok('printing.jobs', { orderId: order.id })).length).toBe(1)
    expect(printer.jobs).toHaveLength(1)
  })
})

/** Out of warranty, paid, a cash deposit: the drawer kick is queued before the ticket. */
const cashIntake = () =>
  clerk.ok(
    'intake.create',
    sampleIntake({
      purchase: { invoiceDate: '2024-01-05', invoiceNo: 'FP-0002' },
      service: { ...sampleIntake().service, type: 'paid', estimateFen: 8000, depositFen: 5000, depositMethod: 'cash' }
    })
  )

describe('a cash-drawer kick waiting for the printer', () => {
  it('is dropped once older than a minute: the ticket prints, the drawer stays shut', async () => {
    const { order } = await cashIntake()
    await jobsWhen(order.id, (js) => js.length === 2 && js.some((j) => j.kind === 'drawerKick' && j.lastError === 'printer.detail.paperOut'), 'kick waiting')
    tc.clock.set(new Date(tc.clock.current.getTime() + 61_000).toISOString())

    const { jobs, printed } = await refillAndSettle(order.id, 2)
    expect(jobs.map((j) => [j.kind, j.lastError])).toEqual([
      ['drawerKick', 'printer.detail.drawerKickExpired'],
      ['claimTicket', null]
    ])
    expect(jobs[0].printedAt).toBeNull()
    expect(printed).toHaveLength(1)
    expect(printed.flatMap((p) => p.drawerKicks)).toEqual([])
  })

  it('still opens the drawer when the paper comes back within the minute', async () => {
    const { order } = await cashIntake()
    await jobsWhen(order.id, (js) => js.some((j) => j.kind === 'drawerKick' && j.lastError === 'printer.detail.paperOut'), 'kick waiting')
    tc.clock.set(new Date(tc.clock.current.getTime() + 50_000).toISOString())
    const { printed } = await refillAndSettle(order.id, 2)
    expect(printed.flatMap((p) => p.drawerKicks)).toHaveLength(1)
  })
})

describe('drawerKickMaxAgeMs', () => {
  it('sets the age limit', async () => {
    await tc.close()
    tc = await startTestCore({ printQueue: { ...FAST, drawerKickMaxAgeMs: 0 } })
    manager = await setUpStore(tc)
    clerk = await userWithRole(tc, manager, 'counter')
    await manager.ok('settings.update', {
      printer: { enabled: true, interface: printer.url, widthMm: 80, type: 'epson', characterSet: 'GB18030', printDeviceTag: false, openDrawerOnCash: true }
    })
    const { order } = await cashIntake()
    tc.clock.set(new Date(tc.clock.current.getTime() + 1).toISOString())
    const { jobs, printed } = await refillAndSettle(order.id, 2)
    expect(jobs[0]).toMatchObject({ kind: 'drawerKick', lastError: 'printer.detail.drawerKickExpired' })
    expect(printed.flatMap((p) => p.drawerKicks)).toEqual([])
  })
})
