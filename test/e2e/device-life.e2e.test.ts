/**
 * One device's whole life in Chromium against the built app, each step by the person who does it
 * in a shop: the counter takes it in with a cash deposit; a technician diagnoses it, prices the
 * labour from the list and the quote stops the work until the customer's yes is recorded; parts
 * are requested and the warehouse issues them by scanning; repair; a second technician passes the
 * quality check; the counter calls the customer; the customer comes back, the claim ticket is
 * scanned and paid split cash + WeChat with change. The printer emulator receives the final
 * receipt and a drawer kick, the receipt PDF's text is read, and the same ticket is then refused.
 */
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { SCREENSHOT_DIR } from '../helpers/browser-app'
import { until } from '../helpers/bridge-process'
import { startBridgeWithPrinter, type BridgeWithPrinter } from '../helpers/bridge-with-printer'
import { validImei } from '../helpers/core'
import { rpc } from '../helpers/e2e-counter'
import { decodeEscPos } from '../helpers/escpos-decode'
import { pdfText } from '../helpers/pdf-text'
import type { PrinterEmulator } from '../helpers/printer-emulator'

let env: BridgeWithPrinter
let printer: PrinterEmulator
let page: Page
let orderNo = ''
let claimCode = ''
let orderId = 0
const SCREEN_BARCODE = '6901234500017'
const PIN = '1357'

const shot = async (name: string) => {
  await page.waitForTimeout(300) // modals and tables animate in
  await page.screenshot({ path: join(SCREENSHOT_DIR, `life-${name}.png`), fullPage: true })
}
const byId = (id: string) => page.locator(`#${id}`)
const type = async (id: string, text: string) => {
  await byId(id).focus()
  await page.keyboard.type(text)
}
/** What a keyboard-wedge scanner does: the code typed fast, then Enter. */
const scan = async (code: string) => {
  await page.keyboard.type(code, { delay: 5 })
  await page.keyboard.press('Enter')
}
/** The next person at this PC signs in (the window's previous user signs out). */
const signInAs = async (username: string, pin = PIN) => {
  await page.getByTestId('sign-out').click()
  await page.locator('#signin-user').click()
  await page.keyboard.type(username)
  await page.keyboard.press('Enter')
  await page.locator('#signin-pin').fill(pin)
  await page.keyboard.press('Enter')
  await page.getByTestId('current-user').waitFor()
}
const openOrderFromBench = async () => {
  await page.getByTestId('nav-bench').click()
  await page.getByText('全店工单').click()
  await page.getByTestId(`bench-row-${orderNo}`).click()
  await page.getByTestId('order-repair').waitFor()
}
const statusIs = (label: string) =>
  page.waitForFunction((l) => document.querySelector('[data-testid="repair-status"]')?.textContent === l, label)

beforeAll(async () => {
  env = await startBridgeWithPrinter({
    name: 'life',
    signIn: { username: 'counter1', pin: PIN },
    prepare: async (app) => {
      await app.ok('users.create', { username: 'counter1', displayName: '前台小陈', role: 'counter', pin: PIN })
      await app.ok('users.create', { username: 'tech1', displayName: '张师傅', role: 'technician', pin: PIN })
      await app.ok('users.create', { username: 'tech2', displayName: '李师傅', role: 'technician', pin: PIN })
      await app.ok('users.create', { username: 'store1', displayName: '仓管小李', role: 'warehouse', pin: PIN })
      await app.ok('repairs.prices.save', { prices: [{ category: 'phone', faultCode: 'screen', description: '更换屏幕总成', amountFen: 15000, minutes: 40 }] })
      const part = await app.ok<{ part: { id: number } }>('warehouse.parts.create', {
        sku: 'SCR-M60',
        name: 'Mate 60 屏幕总成',
        unit: '个',
        barcode: SCREEN_BARCODE,
        bin: 'A-01',
        salePriceFen: 20000
      })
      await app.ok('warehouse.receipts.create', {
        supplier: '华强北配件行',
        supplierDocNo: 'HQ-1',
        lines: [{ partId: part.part.id, deliveredQty: 3, acceptedQty: 3, unitCostFen: 12000 }]
      })
    }
  })
  ;({ printer, page } = env)
}, 90_000)
afterAll(() => env?.close())

describe("one device's whole life", () => {
  it('the counter takes it in with a ¥50 cash deposit and prints the claim ticket', async () => {
    await page.getByTestId('nav-intake').click()
    await byId('customer-mobile').waitFor()
    await type('customer-mobile', '13812345678')
    await type('customer-name', '张三')
    await type('device-brand', '华为')
    await type('device-model', 'Mate 60')
    await type('device-serial', validImei())
    await type('fault-description', '屏幕碎裂，触摸失灵')
    await page.locator('#service-type input[value="paid"]').focus()
    await page.keyboard.press('Space')
    await type('service-estimateFen', '100')
    await type('service-depositFen', '50')
    await page.locator('#service-depositMethod input[value="cash"]').focus()
    await page.keyboard.press('Space')
    await shot('01-intake')
    await page.keyboard.press('Control+Enter')
    await page.getByTestId('order-page').waitFor()
    orderNo = (await page.getByTestId('order-no').innerText()).trim()
    claimCode = (await page.getByTestId('order-claim-code').innerText()).trim()
    orderId = (await rpc(page, 'orders.page', { query: orderNo, before: null, limit: 1 })).orders[0].id
    // The deposit's drawer kick and the claim ticket.
    const [kick, ticket] = (await printer.waitForJobs(2, 15_000)).map(decodeEscPos)
    expect(kick.drawerKicks).toHaveLength(1)
    expect(ticket.qr).toEqual([`RO|${orderNo}|${claimCode}`])
  })

  it('a technician diagnoses it; the labour is over the estimate, so work waits for the customer’s yes', async () => {
    await signInAs('tech1')
    await openOrderFromBench()
    await page.getByTestId('repair-step-diagnosing').click()
    await statusIs('检测中')
    await page.getByTestId('repair-fault-found').fill('屏幕总成损坏')
    await page.getByTestId('repair-work-done').fill('更换屏幕总成')
    await page.getByTestId('repair-card-save').click()
    await page.getByText('修护卡已保存').waitFor()
    await page.getByTestId('repair-charge-add').click()
    await page.getByTestId('repair-charge-dialog-priceId').click()
    await page.getByText('更换屏幕总成 · ¥150.00').click()
    await page.getByTestId('repair-charge-dialog-ok').click()
    await page.getByTestId('repair-over-estimate').waitFor()
    await page.getByTestId('repair-step-repairing').click()
    await statusIs('待客户确认报价')
    await shot('02-quote-needed')
    await page.getByTestId('repair-quote').click()
    await page.getByTestId('repair-quote-dialog-ok').waitFor()
    // The customer agrees to labour and the screen: the amount recorded covers both, or the work would
    // stop again when the part is issued (the quote rule applies while waiting for parts too).
    await page.locator('#amount').fill('350')
    await page.locator('#note').fill('电话联系客户，同意 ¥350（含屏幕）')
    await page.getByTestId('repair-quote-dialog-ok').click()
    await page.waitForFunction(() => !document.querySelector('[data-testid="repair-over-estimate"]'))
    await page.getByTestId('order-timeline').getByText('客户同意报价').waitFor()
  })

  it('the technician requests the screen; the warehouse issues it by scanning its barcode', async () => {
    await page.getByTestId('repair-step-waitingParts').click()
    await statusIs('待料')
    await page.getByTestId('order-parts-request').click()
    await page.getByTestId('order-parts-part').click()
    await scan(SCREEN_BARCODE)
    await page.getByTestId('order-parts-qty-SCR-M60').waitFor()
    await page.getByTestId('order-parts-submit').click()
    await page.getByTestId('order-parts').getByText('RQ').first().waitFor()
    await shot('03-parts-requested')

    await signInAs('store1')
    await page.getByTestId('nav-warehouse').click()
    await page.getByTestId('wh-tab-requisitions').click()
    await page.getByTestId('req-list').getByText('RQ').first().click()
    await page.getByTestId('req-scan').click()
    await scan(SCREEN_BARCODE)
    await page.waitForFunction(() => (document.querySelector('[data-testid="issue-now-SCR-M60"]') as HTMLInputElement | null)?.value === '1')
    await page.getByTestId('req-issue').click()
    await page.waitForFunction(() => document.querySelector('[data-testid="issued-SCR-M60"]')?.textContent === '1')
    await shot('04-part-issued')
  })

  it('repair, then quality check by another technician (the repairer may not)', async () => {
    await signInAs('tech1')
    await openOrderFromBench()
    // The issued part is on the card at its sale price: ¥150 labour + ¥200 screen.
    await expect.poll(() => page.getByTestId('repair-total').textContent()).toBe('¥350.00')
    await page.getByTestId('repair-step-repairing').click()
    await statusIs('维修中')
    await page.getByTestId('repair-step-qualityCheck').click()
    await statusIs('待质检')
    expect(await page.getByTestId('repair-qc-pass').count()).toBe(0)

    await signInAs('tech2')
    await openOrderFromBench()
    await page.getByTestId('repair-qc-pass').click()
    await statusIs('待取机')
    await shot('05-ready')
  })

  it('the counter calls the customer from the "to notify" list', async () => {
    await signInAs('counter1')
    await page.getByTestId('nav-notices').click()
    await page.getByTestId(`notice-notify-${orderNo}`).click()
    await page.getByTestId('notice-channel').getByText('电话').click()
    await page.getByTestId('notice-outcome').getByText('已接通').click()
    await shot('06-notice')
    await page.getByTestId('notice-record').click()
    await page.getByTestId(`notice-notify-${orderNo}`).waitFor({ state: 'detached' })
  })

  it('pickup: the claim ticket scanned, paid ¥150 cash + ¥180 WeChat, ¥30 change; receipt, drawer kick, PDF', async () => {
    const printedBefore = printer.jobs.length
    await page.getByTestId('nav-pickup').click()
    const scanField = page.getByTestId('pickup-scan')
    await expect.poll(() => scanField.evaluate((el) => el === document.activeElement)).toBe(true)
    await scan(`RO|${orderNo}|${claimCode}`)
    await page.getByTestId('pickup-settlement').waitFor()
    // ¥150 labour + ¥200 screen − ¥50 deposit = ¥300 to pay.
    await expect.poll(() => page.getByTestId('pickup-balance').textContent()).toBe('¥300.00')
    await page.getByTestId('pickup-tender-amount-0').fill('150')
    await page.getByTestId('pickup-tender-add').click()
    await page.getByTestId('pickup-tender-amount-1').fill('180')
    // Cash ¥150 for ¥120 owed after WeChat: ¥30 change.
    await expect.poll(() => page.getByTestId('pickup-change').textContent()).toBe('¥30.00')
    await shot('07-pickup-settlement')
    await page.getByTestId('pickup-confirm').click()
    await page.getByTestId('pickup-done').waitFor()
    await page.getByTestId('pickup-job-finalReceipt').and(page.locator('[data-status="done"]')).waitFor()
    await page.getByTestId('pickup-job-drawerKick').and(page.locator('[data-status="done"]')).waitFor()
    await shot('08-pickup-done')

    await until('receipt and kick printed', async () => printer.jobs.length, (n) => n >= printedBefore + 2)
    const [kick, receipt] = printer.jobs.slice(printedBefore).map(decodeEscPos)
    expect(kick.drawerKicks).toHaveLength(1)
    // The printer's ¥ is the full-width ￥ of GB18030.
    for (const text of ['取机结算单', orderNo, '更换屏幕总成', 'Mate 60 屏幕总成', '合计', '￥350.00', '-￥50.00', '实收（微信）', '￥180.00', '找零', '￥30.00', '保修 3 个月', '谢谢惠顾']) {
      expect(receipt.text).toContain(text)
    }

    const pdf = await rpc(page, 'pickup.receiptPdf', { orderId })
    const text = (await pdfText(Buffer.from(pdf.base64, 'base64'))).replace(/\s+/g, ' ')
    for (const t of [orderNo, '张三', '更换屏幕总成', '350.00', '微信', '150.00', '180.00', '30.00']) expect(text).toContain(t)

    const order = await rpc(page, 'orders.get', { orderId })
    expect(order.status).toBe('pickedUp')
  })

  it('the same claim ticket scanned again is refused with when and by whom', async () => {
    await page.getByTestId('pickup-next').click()
    await expect.poll(() => page.getByTestId('pickup-scan').evaluate((el) => el === document.activeElement)).toBe(true)
    await scan(`RO|${orderNo}|${claimCode}`)
    const refused = page.getByTestId('pickup-find-error')
    await refused.waitFor()
    expect(await refused.textContent()).toMatch(/已作废.*\d{4}-\d\d-\d\d \d\d:\d\d.*张三/)
    await shot('09-ticket-void')
    // The timeline tells the whole story, step by step.
    const timeline = await rpc(page, 'repairs.timeline', { orderId })
    expect(timeline.filter((e) => e.toStatus).map((e) => e.toStatus)).toEqual([
      'received',
      'diagnosing',
      'awaitingApproval',
      'waitingParts',
      'repairing',
      'qualityCheck',
      'ready',
      'pickedUp'
    ])
  })
})
