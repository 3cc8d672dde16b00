import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { localDate } from '../../src/shared/domain/dates'
import { decodeEscPos } from '../helpers/escpos-decode'
import { startPrinterEmulator, type PrinterEmulator } from '../helpers/printer-emulator'
import { SCREENSHOT_DIR, startBrowserApp, type BrowserApp } from '../helpers/browser-app'
import { rpc, setUpStoreInBrowser } from '../helpers/e2e-counter'
import { sampleIntake } from '../helpers/core'

// Correcting and voiding an order on its page, in Chromium, as the clerk and as the manager.
let app: BrowserApp
let printer: PrinterEmulator
let page: Page
let orderNo = ''
let orderId = 0

beforeAll(async () => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  printer = await startPrinterEmulator()
  app = await startBrowserApp({ locale: 'zh-CN' })
  page = app.page
  await setUpStoreInBrowser(page)
  await rpc(page, 'settings.update', {
    printer: { enabled: true, interface: printer.url, widthMm: 80, type: 'epson', characterSet: 'GB18030', printDeviceTag: false }
  })
  await rpc(page, 'users.create', { username: 'xiaoli', displayName: '李小丽', role: 'counter', pin: '1357' })
  const service = { type: 'paid', estimateFen: 30000, depositFen: 5000, depositMethod: 'cash', promisedDate: localDate(new Date(Date.now() + 3 * 86_400_000), 'Asia/Shanghai'), technicianId: null }
  const { order } = await rpc(page, 'intake.create', sampleIntake({ service, purchase: { invoiceDate: null, invoiceNo: '' } }))
  orderNo = order.orderNo
  orderId = order.id
  await printer.waitForJobs(1, 15_000)
}, 90_000)
afterAll(async () => {
  await app?.close()
  await printer?.close()
})

const shot = (p: Page, name: string) => p.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true })

/** Signs a tab in as `username` and opens the order from the orders list. */
async function openOrder(p: Page, username: string, pin: string): Promise<void> {
  await p.goto(app.url)
  await p.locator('#signin-pin').waitFor()
  await rpc(p, 'auth.signIn', { username, pin })
  await p.reload()
  await p.getByTestId('nav-orders').click()
  await p.getByTestId(`order-row-${orderNo}`).click()
  await p.getByTestId('order-page').waitFor()
}

describe('order page: correct and void', () => {
  it('a clerk corrects the name and the model; a ticket marked 更正 prints and the audit shows old and new', async () => {
    const clerkPage = await page.context().newPage()
    await openOrder(clerkPage, 'xiaoli', '1357')
    // A clerk may correct, but never void.
    await clerkPage.getByTestId('order-correct').waitFor()
    expect(await clerkPage.getByTestId('order-void').count()).toBe(0)
    expect((await rpc(clerkPage, 'orders.void', { orderId, reason: '试试' }).catch((e: Error) => e.message)) as string).toContain('FORBIDDEN')

    await clerkPage.getByTestId('order-correct').click()
    const name = clerkPage.locator('#correct-customer-name')
    await name.waitFor()
    await name.fill('张珊')
    await clerkPage.locator('#correct-device-model').fill('Mate 60 Pro')
    await shot(clerkPage, 'orders-01-correct-dialog')
    await clerkPage.getByTestId('correct-save').click()
    await clerkPage.getByTestId('order-corrected').waitFor()
    await clerkPage.getByTestId('order-details').getByText('张珊').waitFor()
    await shot(clerkPage, 'orders-02-corrected')

    const [, corrected] = await printer.waitForJobs(2, 15_000)
    const paper = decodeEscPos(corrected)
    expect(paper.text).toContain('更正 第1次打印')
    expect(paper.text).toContain('张珊')
    expect(paper.text).toContain('Mate 60 Pro')

    const audit = await rpc(page, 'audit.list', { action: 'order.correct' } as never)
    expect(JSON.stringify(audit)).toContain('张三')
    expect(JSON.stringify(audit)).toContain('张珊')
    await clerkPage.close()
  })

  it('the manager voids it with a reason: it keeps its number, shows as void, and the deposit is refunded', async () => {
    await page.getByTestId('nav-orders').click()
    await page.getByTestId(`order-row-${orderNo}`).click()
    await page.getByTestId('order-void').click()
    await page.getByTestId('void-reason').getByText('¥50.00').waitFor()
    await page.locator('#void-reason').fill('客户取消，录错了')
    await shot(page, 'orders-03-void-dialog')
    await page.locator('#void-reason-ok').click()
    await page.getByTestId('order-voided').getByText('客户取消，录错了').waitFor()
    expect(await page.getByTestId('order-status').textContent()).toBe('已作废')
    expect(await page.getByTestId('order-no').textContent()).toContain(orderNo)
    expect(await page.getByTestId('order-correct').count()).toBe(0)
    await shot(page, 'orders-04-voided')

    await page.getByTestId('order-back').click()
    await page.getByTestId(`order-row-${orderNo}`).getByText('已作废').waitFor()
    await shot(page, 'orders-05-list-void')
    expect(app.pageErrors.filter((e) => !/ResizeObserver/.test(e))).toEqual([])
  })

  it('the ticket prints the repair warranty and terms the manager sets, and a phone without IMEI shows "IMEI 待补"', async () => {
    await page.getByTestId('nav-settings').click()
    await page.getByTestId('settings-tab-ticket').click()
    await page.locator('#ticket-repairWarrantyMonths').fill('6')
    await page.locator('#ticket-terms').fill('一、凭本单取机\n二、逾期 90 天未取，按本店规定处理')
    await shot(page, 'orders-06-ticket-settings')
    await page.getByTestId('settings-ticket-save').click()
    await expect.poll(async () => (await rpc(page, 'settings.get', {})).ticket.repairWarrantyMonths).toBe(6)

    const device = { category: 'phone', brand: 'OPPO', model: 'Reno 9', serial: '', colour: '', imeiUnreadable: true, imeiUnreadableReason: '黑屏，卡托丢失', passcode: '1-5-9' }
    const service = { type: 'paid', estimateFen: 0, depositFen: 0, depositMethod: null, promisedDate: localDate(new Date(Date.now() + 3 * 86_400_000), 'Asia/Shanghai'), technicianId: null }
    const { order } = await rpc(page, 'intake.create', sampleIntake({ device, service, purchase: { invoiceDate: null, invoiceNo: '' } }))
    const paper = decodeEscPos((await printer.waitForJobs(3, 15_000))[2])
    expect(paper.text).toContain('IMEI 待补')
    expect(paper.text).toContain('本次维修享有 6 个月保修。')
    expect(paper.text).toContain('一、凭本单取机')
    expect(paper.text).not.toContain('1-5-9')

    await page.getByTestId('nav-orders').click()
    await page.getByTestId(`order-row-${order.orderNo}`).click()
    await page.getByTestId('order-imei-pending').waitFor()
    await page.getByTestId('order-reveal-passcode').click()
    await page.getByTestId('order-passcode').getByText('1-5-9').waitFor()
    await shot(page, 'orders-07-imei-pending-passcode')
  })
})
