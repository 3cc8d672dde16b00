/**
 * The pickup screen in Chromium against the built app: a scanned claim ticket (typed by a
 * keyboard-wedge scanner + Enter) finds the order, a split cash/WeChat payment shows the change
 * live, the hand-back prints the final receipt and kicks the drawer, and the same ticket scanned
 * again is refused with the date and who collected it. Screenshots of each step.
 */
import { join } from 'node:path'
import Database from 'better-sqlite3'
import type { Page } from 'playwright-core'
import type { PrintJobView } from '../../src/shared/contract/printing'
import { until, type BridgeProcess } from '../helpers/bridge-process'
import { startBridgeWithPrinter, type BridgeWithPrinter } from '../helpers/bridge-with-printer'
import { MANAGER, sampleIntake } from '../helpers/core'
import { decodeEscPos } from '../helpers/escpos-decode'
import type { PrinterEmulator } from '../helpers/printer-emulator'

let env: BridgeWithPrinter
let printer: PrinterEmulator
let app: BridgeProcess
let page: Page
let shot: BridgeWithPrinter['shot']

/** The bridge runs on the real clock: promise a week from today. */
const promisedDate = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10)


/**
 * The bench's part, done on the database file the way the bench's moveOrder does it (status step +
 * timeline row), with a labour and a film charge on the repair card.
 */
function repairedAndReady(orderId: number) {
  const db = new Database(join(env.dataDir, 'repair-counter.sqlite'))
  try {
    db.pragma('busy_timeout = 5000')
    const at = new Date().toISOString()
    const steps = ['received', 'diagnosing', 'repairing', 'qualityCheck', 'ready']
    db.transaction(() => {
      for (let i = 1; i < steps.length; i++) {
        db.prepare(`UPDATE work_order SET status = ? WHERE id = ? AND status = ?`).run(steps[i], orderId, steps[i - 1])
        db.prepare(`INSERT INTO order_event (orderId, at, userId, kind, fromStatus, toStatus, note, detail) VALUES (?, ?, 1, 'status', ?, ?, '', NULL)`).run(orderId, at, steps[i - 1], steps[i])
      }
      const charge = db.prepare(`INSERT INTO repair_charge (orderId, kind, description, faultCode, minutes, amountFen, warrantyFree, createdAt, userId) VALUES (?, ?, ?, '', 30, ?, ?, ?, 1)`)
      charge.run(orderId, 'labour', '更换屏幕总成', 28000, 0, at)
      charge.run(orderId, 'other', '钢化膜', 2000, 0, at)
    })()
  } finally {
    db.close()
  }
}

beforeAll(async () => {
  env = await startBridgeWithPrinter({
    name: 'pickup'
  })
  ;({ printer, app, page, shot } = env)
}, 60_000)
afterAll(() => env?.close())

describe('pickup at the counter', () => {
  it('scan the ticket, split cash + WeChat with change, receipt and drawer kick; the ticket is void after', async () => {
    const { order } = await app.ok<{ order: { id: number; orderNo: string; claimCode: string } }>(
      'intake.create',
      sampleIntake({
        purchase: { invoiceDate: '2024-01-05', invoiceNo: 'FP-0002' },
        service: { ...sampleIntake().service, type: 'paid', estimateFen: 30000, depositFen: 10000, depositMethod: 'cash', promisedDate }
      })
    )
    await until('claim ticket printed', () => app.ok<PrintJobView[]>('printing.jobs', { orderId: order.id }), (js) => js.every((j) => j.status === 'done'))
    repairedAndReady(order.id)
    const printedBefore = printer.jobs.length

    await page.getByTestId('nav-pickup').click()
    const scan = page.getByTestId('pickup-scan')
    await expect.poll(() => scan.evaluate((el) => el === document.activeElement)).toBe(true)
    // A keyboard-wedge scanner types the QR payload and Enter.
    await page.keyboard.type(`RO|${order.orderNo}|${order.claimCode}`)
    await page.keyboard.press('Enter')
    await page.getByTestId('pickup-settlement').waitFor()
    await page.getByTestId('pickup-proof-scanned').waitFor()
    // ¥280 + ¥20 = ¥300 due, ¥100 deposit: ¥200 to pay. WeChat ¥150, cash ¥100 → change ¥50.
    await expect.poll(() => page.getByTestId('pickup-balance').textContent()).toBe('¥200.00')
    await page.getByTestId('pickup-tender-amount-0').fill('100')
    await page.getByTestId('pickup-tender-add').click()
    await page.getByTestId('pickup-tender-amount-1').fill('150')
    await expect.poll(() => page.getByTestId('pickup-change').textContent()).toBe('¥50.00')
    await shot('pickup-settlement-split')

    await page.getByTestId('pickup-confirm').click()
    await page.getByTestId('pickup-done').waitFor()
    expect(await page.getByTestId('pickup-done-change').textContent()).toBe('¥50.00')
    await page.getByTestId('pickup-job-finalReceipt').and(page.locator('[data-status="done"]')).waitFor()
    await page.getByTestId('pickup-job-drawerKick').and(page.locator('[data-status="done"]')).waitFor()
    expect(await page.getByTestId('pickup-job-drawerKick').count()).toBe(1) // not the intake deposit's kick
    await shot('pickup-done')
    await until('receipt and kick printed', async () => printer.jobs.length, (n) => n >= printedBefore + 2)
    const [kick, receipt] = printer.jobs.slice(printedBefore).map(decodeEscPos)
    expect(kick.drawerKicks).toHaveLength(1)
    expect(receipt.text).toContain('取机结算单')
    expect(receipt.text).toContain(order.orderNo)

    const download = page.waitForEvent('download')
    await page.getByTestId('pickup-pdf').click()
    expect((await download).suggestedFilename()).toBe(`${order.orderNo}-receipt.pdf`)

    // Next customer: the same ticket again is refused with when and who.
    await page.getByTestId('pickup-next').click()
    await expect.poll(() => scan.evaluate((el) => el === document.activeElement)).toBe(true)
    await page.keyboard.type(`RO|${order.orderNo}|${order.claimCode}`)
    await page.keyboard.press('Enter')
    const refused = page.getByTestId('pickup-find-error')
    await refused.waitFor()
    expect(await refused.textContent()).toMatch(/取机凭证已作废.*已于 \d{4}-\d\d-\d\d \d\d:\d\d 由 张三 取走/)
    await shot('pickup-void-ticket')
    // The refused text stays selected: the next scan replaces it rather than appending to it.
    await page.keyboard.type(order.claimCode)
    await page.keyboard.press('Enter')
    await expect.poll(() => refused.textContent()).toContain('已作废')
    expect(await scan.inputValue()).toBe(order.claimCode)
  })

  it('lost ticket: the collector\u2019s ID and a manager PIN on the same screen', async () => {
    const { order } = await app.ok<{ order: { id: number; orderNo: string } }>(
      'intake.create',
      sampleIntake({ customer: { ...sampleIntake().customer, mobile: '13900007777' }, purchase: { invoiceDate: '2024-01-05', invoiceNo: 'FP-0003' }, service: { ...sampleIntake().service, type: 'paid', estimateFen: 30000, promisedDate } })
    )
    repairedAndReady(order.id)
    await page.getByTestId('pickup-scan').fill('13900007777')
    await page.getByTestId('pickup-scan').press('Enter')
    await page.getByTestId('pickup-settlement').waitFor()
    await page.getByTestId('pickup-lost').click()
    await page.getByTestId('pickup-collector').fill('李四')
    await page.getByTestId('pickup-id-number').fill('440301199001011234')
    await page.getByTestId('pickup-manager-user').fill(MANAGER.username)
    await page.getByTestId('pickup-manager-pin').fill('0000')
    await page.getByTestId('pickup-tender-method-0').click()
    await page.locator('.ant-select-item-option').filter({ hasText: '微信' }).click()
    await page.getByTestId('pickup-confirm').click()
    await page.getByTestId('approval-pin-error').waitFor()
    await shot('pickup-lost-ticket-wrong-pin')
    await page.getByTestId('pickup-manager-pin').fill(MANAGER.pin)
    await page.getByTestId('pickup-confirm').click()
    await page.getByTestId('pickup-done').waitFor()

    // Days later: a manager-approved partial refund from the order page.
    await page.getByTestId('pickup-open-order').click()
    await page.getByTestId('order-pickup').waitFor()
    expect(await page.getByTestId('order-pickup-net').textContent()).toBe('¥300.00')
    await page.getByTestId('refund-amount').fill('20')
    await page.getByTestId('refund-reason').fill('贴膜有气泡，退膜钱')
    await page.getByTestId('refund-manager-user').fill(MANAGER.username)
    await page.getByTestId('refund-manager-pin').fill(MANAGER.pin)
    await page.getByTestId('refund-submit').click()
    await expect.poll(() => page.getByTestId('order-pickup-net').textContent()).toBe('¥280.00')
    await page.getByTestId('order-pickup').scrollIntoViewIfNeeded()
    await shot('pickup-order-page-refund')
  })
})
