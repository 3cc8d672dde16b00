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

/** antd fades a field's message in: the screenshot waits until it is shown, not mid-motion. */
const helpShown = () =>
  expect.poll(() => page.locator('[class*="show-help-appear"], [class*="show-help-enter"], [class*="show-help-item-appear"], [class*="show-help-item-enter"]').count()).toBe(0)

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
    // The refusal on screen is marked: the one after the next scan must be a new one (the alert goes
    // while the lookup runs), and the lookup sent must be the bare claim code, not old text + code.
    await refused.evaluate((el) => el.setAttribute('data-stale', 'first-scan'))
    const secondLookup = page.waitForResponse((r) => new URL(r.url()).pathname === '/rpc/pickup.find' && r.request().postDataJSON()?.query === order.claimCode)
    await page.keyboard.type(order.claimCode)
    await page.keyboard.press('Enter')
    const answer = (await (await secondLookup).json()) as { ok: boolean; error?: { message: string } }
    expect(answer.ok).toBe(false)
    expect(answer.error?.message).toContain('已作废')
    const refusedAgain = page.locator('[data-testid="pickup-find-error"]:not([data-stale])')
    await refusedAgain.waitFor()
    expect(await page.locator('[data-stale="first-scan"]').count()).toBe(0)
    expect(await refusedAgain.textContent()).toMatch(new RegExp(`取机凭证已作废：工单 ${order.orderNo} 已于 .* 由 张三 取走`))
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

  it('a discount is sent as typed or refused on its field: never rounded, never dropped', async () => {
    const { order } = await app.ok<{ order: { id: number; orderNo: string; claimCode: string } }>(
      'intake.create',
      sampleIntake({ customer: { ...sampleIntake().customer, mobile: '13900008888' }, purchase: { invoiceDate: '2024-01-05', invoiceNo: 'FP-0004' }, service: { ...sampleIntake().service, type: 'paid', estimateFen: 30000, promisedDate } })
    )
    repairedAndReady(order.id)
    const completes: unknown[] = []
    const onRequest = (r: { url: () => string; postDataJSON: () => unknown }) => {
      if (new URL(r.url()).pathname === '/rpc/pickup.complete') completes.push(r.postDataJSON())
    }
    page.on('request', onRequest)
    try {
      await page.getByTestId('nav-pickup').click()
      await page.getByTestId('pickup-scan').fill(order.claimCode)
      await page.getByTestId('pickup-scan').press('Enter')
      await page.getByTestId('pickup-settlement').waitFor()
      await page.getByTestId('pickup-proof-scanned').waitFor()
      await expect.poll(() => page.getByTestId('pickup-balance').textContent()).toBe('¥300.00')
      await page.getByTestId('pickup-discount-toggle').click()
      await page.getByTestId('pickup-discount-reason').fill('老客户')
      await page.getByTestId('pickup-manager-user').fill(MANAGER.username)
      await page.getByTestId('pickup-manager-pin').fill(MANAGER.pin)

      // Ticked, reason and PIN typed, no amount: refused on the amount, nothing sent.
      await page.getByTestId('pickup-confirm').click()
      expect(await page.getByTestId('discount-amountFen-error').textContent()).toBe('必填')
      expect(await page.locator('#discount-amountFen').evaluate((el) => el === document.activeElement)).toBe(true)

      // Percent text the screen cannot read: the reason on the field at once, and nothing sent.
      await page.getByTestId('pickup-discount-kind').getByText('折扣 %').click()
      await expect.poll(() => page.getByTestId('discount-amountFen-error').count()).toBe(0)
      for (const typed of ['1e1', '10%', 'abc']) {
        await page.getByTestId('pickup-discount-value').fill(typed)
        expect(await page.getByTestId('discount-percent-error').textContent()).toBe('请输入数字')
        await page.getByTestId('pickup-confirm').click()
        expect(await page.getByTestId('discount-percent-error').textContent()).toBe('请输入数字')
      }
      await helpShown()
      await shot('pickup-discount-unreadable')

      // Three decimals: sent exactly as typed (not 12.35), and main refuses it on the field.
      await page.getByTestId('pickup-discount-value').fill('12.345')
      await expect.poll(() => page.getByTestId('discount-percent-error').count()).toBe(0)
      await page.getByTestId('pickup-confirm').click()
      await expect.poll(() => page.getByTestId('discount-percent-error').textContent()).toBe('格式不正确')
      expect(await page.locator('[role="alert"]').filter({ hasText: '必填' }).count()).toBe(0) // only the discount is refused
      await helpShown()
      await shot('pickup-discount-refused-by-main')
      expect(completes).toHaveLength(1)
      expect(completes[0]).toMatchObject({ discount: { kind: 'percent', percent: 12.345, reason: '老客户' } })
      expect((await app.ok<{ order: { status: string } }>('pickup.quote', { orderId: order.id })).order.status).toBe('ready')

      // 12.5 %: ¥37.50 off ¥300, the ¥300 cash in hand gives ¥37.50 change.
      await page.getByTestId('pickup-discount-value').fill('12.5')
      await expect.poll(() => page.getByTestId('pickup-balance').textContent()).toBe('¥262.50')
      await page.getByTestId('pickup-confirm').click()
      await page.getByTestId('pickup-done').waitFor()
      expect(completes).toHaveLength(2)
      expect(completes[1]).toMatchObject({ discount: { kind: 'percent', percent: 12.5 } })
      expect(await page.getByTestId('pickup-done-change').textContent()).toBe('¥37.50')
    } finally {
      page.off('request', onRequest)
    }
  })
})
