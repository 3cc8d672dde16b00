/**
 * The final receipt on paper: through the router and the print queue to the loopback ESC/POS printer
 * emulator (GB18030, drawer kick for cash), and as an A4 PDF (text checked, page 1 rendered to PNG).
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { tmpdir } from 'node:os'
import type { PrintJobView } from '@shared/contract/printing'
import { claimQrData } from '@shared/receipt/tickets'
import { decodeEscPos, printedWidth, yen } from '../../../test/helpers/escpos-decode'
import { pdfFonts, pdfText, pdfToPng } from '../../../test/helpers/pdf-text'
import { sampleIntake, userWithRole, type Caller, type TestCore } from '../../../test/helpers/core'
import { closeCounterWithPrinter, startCounterWithPrinter } from '../../../test/helpers/counter-with-printer'
import type { PrinterEmulator } from '../../../test/helpers/printer-emulator'
import { addCharges, walkOrder } from '../../../test/helpers/pickup'

let tc: TestCore
let manager: Caller
let clerk: Caller
let clerkId: number
let printer: PrinterEmulator

const FAST = { retryDelaysMs: [100, 200, 400], waitPollMs: 100, sendTimeoutMs: 1000, statusTtlMs: 20 }

async function jobsWhen(orderId: number, done: (jobs: PrintJobView[]) => boolean): Promise<PrintJobView[]> {
  let jobs: PrintJobView[] = []
  for (let i = 0; i < 200; i++) {
    jobs = await clerk.ok('printing.jobs', { orderId })
    if (done(jobs)) return jobs
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error(`jobs: ${JSON.stringify(jobs.map((j) => [j.kind, j.status, j.lastError]))}`)
}

async function readyPaidOrder() {
  const { order } = await clerk.ok(
    'intake.create',
    sampleIntake({
      purchase: { invoiceDate: '2024-01-05', invoiceNo: 'FP-0002' },
      service: { ...sampleIntake().service, type: 'paid', estimateFen: 30000, depositFen: 5000, depositMethod: 'wechat' }
    })
  )
  await addCharges(tc.core.dataSource, order.id, clerkId, [
    { kind: 'labour', description: '更换屏幕总成', amountFen: 12000 },
    { kind: 'other', description: '贴膜', amountFen: 3000, warrantyFree: true }
  ])
  await walkOrder(tc.core.dataSource, order.id, clerkId)
  return order
}

beforeEach(async () => {
  ;({ tc, manager, printer } = await startCounterWithPrinter({ printQueue: FAST }))
  const c = await userWithRole(tc, manager, 'counter', 'counter2')
  clerk = c
  clerkId = c.id
})
afterEach(() => closeCounterWithPrinter({ tc, printer }))

describe('final receipt', () => {
  it('a cash pickup opens the drawer and prints the itemised receipt in Chinese; the PDF says the same', async () => {
    await manager.ok('settings.update', {
      printer: { enabled: true, interface: printer.url, widthMm: 80, type: 'epson', characterSet: 'GB18030', printDeviceTag: false, openDrawerOnCash: true }
    })
    const order = await readyPaidOrder()
    await jobsWhen(order.id, (js) => js.length > 0 && js.every((j) => j.status === 'done'))
    const before = printer.jobs.length
    tc.clock.set('2026-11-25T03:00:00Z')
    const done = await clerk.ok('pickup.complete', {
      orderId: order.id,
      proof: { kind: 'ticket', value: claimQrData(order) },
      discount: { kind: 'amount', amountFen: 1000, reason: '老客户', approval: { username: 'boss', pin: '2468' } },
      tenders: [
        { method: 'wechat', amountFen: 3000 },
        { method: 'cash', amountFen: 5000 }
      ]
    })
    expect(done.printJobs.map((j) => j.kind)).toEqual(['drawerKick', 'finalReceipt'])
    const jobs = await jobsWhen(order.id, (js) => js.filter((j) => j.kind !== 'claimTicket').length === 2 && js.every((j) => j.status === 'done'))
    expect(jobs.map((j) => j.kind)).toEqual(['claimTicket', 'drawerKick', 'finalReceipt'])
    await tc.core.printQueue.idle()
    const [kick, receipt] = printer.jobs.slice(before).map(decodeEscPos)
    expect(kick.drawerKicks).toEqual([{ pin: 2, onMs: 50, offMs: 500 }])
    expect(receipt.chineseMode).toBe(true)
    expect(receipt.cuts).toBe(1)
    for (const s of ['诚信手机维修中心', '取机结算单', order.orderNo, '更换屏幕总成', '三包免费', '优惠', '老客户', '已付定金', '实收（微信）', '实收（现金）', '找零', '本次维修保修 3 个月，至 2027-02-25 止', '谢谢惠顾']) {
      expect(receipt.text).toContain(s)
    }
    // ¥150 labour+film, film free → ¥120; −¥10 → ¥110 due; ¥50 deposit; WeChat ¥30 + cash ¥50 for ¥30 → change ¥20.
    expect(receipt.text).toContain(yen('¥110.00'))
    expect(receipt.text).toMatch(new RegExp(`找零\\s+${yen('¥20.00').replace('.', '\\.')}`))
    expect(receipt.drawerKicks).toEqual([])

    const pdf = await clerk.ok('pickup.receiptPdf', { orderId: order.id })
    const buf = Buffer.from(pdf.base64, 'base64')
    const text = await pdfText(buf)
    for (const s of ['取机结算单', order.orderNo, '更换屏幕总成', '三包免费', '¥110.00', '¥20.00', '至 2027-02-25 止', '谢谢惠顾', '经办']) expect(text).toContain(s)
    expect((await pdfFonts(buf)).every((f) => f.embedded)).toBe(true)
    const out = join(process.env.RC_SHOTS_DIR ?? join(tmpdir(), 'rc-pickup-shots'))
    mkdirSync(out, { recursive: true })
    await pdfToPng(buf, join(out, 'final-receipt-a4.png'))

    // A reprint is marked as one.
    await clerk.ok('pickup.reprint', { orderId: order.id })
    await jobsWhen(order.id, (js) => js.length === 4 && js.every((j) => j.status === 'done'))
    await tc.core.printQueue.idle()
    expect(decodeEscPos(printer.jobs[printer.jobs.length - 1]).text).toContain('补打 第1次')
  })

  it('no drawer kick when nobody pays cash', async () => {
    await manager.ok('settings.update', {
      printer: { enabled: true, interface: printer.url, widthMm: 58, type: 'epson', characterSet: 'GB18030', printDeviceTag: false, openDrawerOnCash: true }
    })
    const order = await readyPaidOrder()
    const done = await clerk.ok('pickup.complete', { orderId: order.id, proof: { kind: 'code', value: order.claimCode }, tenders: [{ method: 'alipay', amountFen: 7000 }] })
    expect(done.printJobs.map((j) => j.kind)).toEqual(['finalReceipt'])
    await jobsWhen(order.id, (js) => js.length === 2 && js.every((j) => j.status === 'done'))
    await tc.core.printQueue.idle()
    const receipt = decodeEscPos(printer.jobs[printer.jobs.length - 1])
    if (process.env.RC_SHOW_RECEIPT) console.log(receipt.lines.join('\n'))
    // 58 mm paper: 32 columns, a Chinese character takes two; nothing runs off the edge.
    for (const l of receipt.lines) expect(printedWidth(l), l).toBeLessThanOrEqual(32)
    expect(receipt.text).toContain('实收（支付宝）')
    expect(receipt.drawerKicks).toEqual([])
  })

  it('a final receipt the printer did not confirm is retried as a marked copy of the receipt (not a test page)', async () => {
    await manager.ok('settings.update', {
      printer: { enabled: true, interface: printer.url, widthMm: 80, type: 'epson', characterSet: 'GB18030', printDeviceTag: false, openDrawerOnCash: false }
    })
    const order = await readyPaidOrder()
    await jobsWhen(order.id, (js) => js.length > 0 && js.every((j) => j.status === 'done'))
    printer.setStatus({ muteOnJob: true })
    await clerk.ok('pickup.complete', { orderId: order.id, proof: { kind: 'code', value: order.claimCode }, tenders: [{ method: 'card', amountFen: 7000 }] })
    const [, stuck] = await jobsWhen(order.id, (js) => js.length === 2 && js[1].status === 'unconfirmed')
    printer.setStatus({ muteOnJob: false })
    const before = printer.jobs.length
    const retry = await clerk.ok('printing.retry', { jobId: stuck.id })
    expect(retry).toMatchObject({ kind: 'finalReceipt', reprintNo: 1 })
    await jobsWhen(order.id, (js) => js.length === 3 && js[2].status === 'done')
    await tc.core.printQueue.idle()
    const copy = decodeEscPos(printer.jobs[before])
    expect(copy.text).toContain('取机结算单')
    expect(copy.text).toContain('补打 第1次')
  })
})
