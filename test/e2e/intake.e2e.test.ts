import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { localDate, yearMonthCode } from '../../src/shared/domain/dates'
import { decodeEscPos } from '../helpers/escpos-decode'
import { startPrinterEmulator, type PrinterEmulator } from '../helpers/printer-emulator'
import { SCREENSHOT_DIR, startBrowserApp, type BrowserApp } from '../helpers/browser-app'
import { validImei } from '../helpers/core'

// One store, set up and used through the real UI in Chromium, in the order a shop would.
let app: BrowserApp
let printer: PrinterEmulator
let page: Page

beforeAll(async () => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  printer = await startPrinterEmulator()
  app = await startBrowserApp({ locale: 'zh-CN' })
  page = app.page
}, 60_000)
afterAll(async () => {
  await app?.close()
  await printer?.close()
})

const shot = (name: string) => page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true })
const byId = (id: string) => page.locator(`#${id}`)
const type = async (id: string, text: string) => {
  await byId(id).focus()
  await page.keyboard.type(text)
}

describe('the counter in a browser', () => {
  it('first-run setup creates the store and signs the manager in', async () => {
    await byId('store-name').waitFor()
    await type('store-name', '诚信手机维修中心')
    await type('store-address', '深圳市福田区华强北路1号')
    await type('store-phone', '0755-12345678')
    await type('store-receiptFooter', '谢谢惠顾')
    await type('manager-username', 'boss')
    await type('manager-displayName', '王店长')
    await type('manager-pin', '2468')
    await type('manager-pinConfirm', '2468')
    await shot('setup')
    await page.getByTestId('setup-submit').click()
    // The manager recovery code is shown once, before the app opens.
    await expect.poll(() => page.getByTestId('recovery-code').textContent()).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/)
    await shot('setup-recovery-code')
    await page.getByTestId('recovery-code-done').click()
    await page.getByTestId('current-user').getByText('王店长').waitFor()
  })

  it('signs out and back in with user and PIN', async () => {
    await page.getByTestId('sign-out').click()
    await byId('signin-pin').waitFor()
    await type('signin-pin', '1111')
    await page.keyboard.press('Enter')
    await page.getByTestId('signin-error').or(page.locator('#signin-pin-error')).first().waitFor()
    await byId('signin-pin').fill('')
    await type('signin-pin', '2468')
    await page.keyboard.press('Enter')
    await page.getByTestId('current-user').getByText('王店长').waitFor()
  })

  it('points the store at the receipt printer', async () => {
    await page.getByTestId('nav-settings').click()
    await page.getByTestId('settings-tab-printer').click()
    await byId('printer-interface').waitFor()
    await byId('printer-enabled').click()
    await byId('printer-interface').fill('')
    await type('printer-interface', printer.url)
    await page.getByTestId('settings-printer-save').click()
    await page.getByTestId('printer-status').getByText(/就绪/).waitFor({ timeout: 15_000 })
  })

  it('takes a device in by keyboard and prints the claim ticket', async () => {
    await page.getByTestId('nav-intake').click()
    await byId('customer-mobile').waitFor()
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('customer-mobile')
    await page.keyboard.type('13812345678')
    // The clerk tabs through the customer fields in reading order.
    const tabTo = async (id: string) => {
      await page.keyboard.press('Tab')
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(id)
    }
    await tabTo('customer-name')
    await page.keyboard.type('张三')
    // Rarely used fields are folded away; Alt+M unfolds them all, and Tab then visits them too.
    await page.keyboard.press('Alt+m')
    await tabTo('customer-landline')
    await tabTo('customer-address')
    await page.keyboard.type('深圳市南山区科技园')
    await tabTo('device-category') // phone is preselected
    await tabTo('device-brand')
    await page.keyboard.type('华为')
    await tabTo('device-model')
    await page.keyboard.type('Mate 60 Pro')
    await tabTo('device-colour')
    await page.keyboard.type('雅丹黑')
    await tabTo('device-serial')
    await page.keyboard.type(validImei())
    await tabTo('device-passcode')
    await tabTo('device-imeiUnreadable')
    await tabTo('purchase-invoiceDate') // no invoice with this customer
    await tabTo('purchase-invoiceNo')
    await tabTo('fault-codes')
    await page.keyboard.type('不开机')
    await page.keyboard.press('Enter')
    await tabTo('fault-description')
    await page.keyboard.type('屏幕闪烁，偶尔黑屏')
    // Each check list is one Tab stop: arrows move, Space ticks.
    await tabTo('condition-screenCracked')
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('Space') // scratches/dents found
    await tabTo('accessories-battery')
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('Space') // charger received
    await tabTo('condition-other')
    await tabTo('accessories-other')
    await tabTo('warranty-component')
    await tabTo('warranty-override')
    // No invoice date: the verdict says warranty cannot be confirmed, so the form offers a paid repair.
    await page.getByTestId('warranty-reason').getByText(/无发票/).waitFor()
    await tabTo('service-type-paid')
    await tabTo('service-estimateFen')
    await page.keyboard.type('380')
    await tabTo('service-depositFen')
    await page.keyboard.type('100')
    await tabTo('service-depositMethod-cash')
    await page.keyboard.press('ArrowRight') // 微信
    await expect.poll(() => page.locator('#service-depositMethod input[value="wechat"]').isChecked()).toBe(true)
    await shot('intake-filled')
    await page.keyboard.press('Control+Enter')

    await page.getByTestId('order-page').waitFor()
    const orderNo = (await page.getByTestId('order-no').innerText()).trim()
    const claimCode = (await page.getByTestId('order-claim-code').innerText()).trim()
    expect(orderNo).toBe(`${yearMonthCode(localDate(new Date(), 'Asia/Shanghai'))}-0001`)
    expect(claimCode).toMatch(/^[A-Z0-9]{6}$/)

    const preview = page.locator('.receipt-paper').first()
    await preview.getByText('张三').first().waitFor()
    await expect.poll(() => preview.innerText()).toContain(orderNo)
    await shot('order-preview')

    const [ticketBytes] = await printer.waitForJobs(1, 15_000)
    const ticket = decodeEscPos(ticketBytes)
    expect(ticket.text).toContain('张三')
    expect(ticket.text).toContain('屏幕闪烁')
    expect(ticket.text).toContain('不开机') // the fault code picked from the catalogue
    expect(ticket.qr).toEqual([`RO|${orderNo}|${claimCode}`])
    expect(ticket.cuts).toBe(1)
    await page.getByTestId('print-jobs').getByText(/已打印/).first().waitFor({ timeout: 15_000 })
  })

  it('shows field errors for bad input and saves nothing', async () => {
    await page.getByTestId('nav-intake').click()
    await byId('customer-mobile').waitFor()
    await type('customer-name', '李四')
    await type('device-brand', 'Apple')
    await type('device-model', 'iPhone 15')
    await type('device-serial', '490154203237517') // last digit wrong
    await type('fault-description', '无法充电')
    await page.locator('#service-type input[value="paid"]').focus()
    await page.keyboard.press('Space')
    await type('service-estimateFen', '200')
    await type('service-depositFen', '-5')
    await page.keyboard.press('Control+Enter')
    await page.locator('#customer-mobile-error').getByText('必填').waitFor()
    await page.locator('#device-serial-error').getByText(/IMEI/).waitFor()
    await page.locator('#service-depositFen-error').getByText(/负数/).waitFor()
    await shot('intake-errors')

    await byId('service-depositFen').fill('')
    await type('service-depositFen', '300')
    await type('customer-mobile', '13900001111')
    await byId('device-serial').fill('')
    await type('device-serial', validImei('35693803564380'))
    // An invoice date typed the way people write it is understood (and gives an in-warranty verdict).
    await type('purchase-invoiceDate', '2026/6/1')
    await page.keyboard.press('Tab')
    await page.getByTestId('warranty-reason').getByText(/在三包期内/).waitFor()
    await expect.poll(() => byId('purchase-invoiceDate').inputValue()).toBe('2026-06-01')
    await page.keyboard.press('Control+Enter')
    await page.locator('#service-depositFen-error').getByText(/超过/).waitFor()
    expect(await page.getByTestId('order-page').count()).toBe(0)

    await page.getByTestId('nav-orders').click()
    await page.getByTestId('orders-table').waitFor()
    await expect.poll(() => page.getByTestId('orders-table').locator('tbody tr.ant-table-row').count()).toBe(1)
    expect(printer.jobs.length).toBe(2) // the first order's ticket and tag, nothing more
    expect(app.pageErrors).toEqual([])
  })

  it('switches this window to English while tickets stay in the store’s language', async () => {
    await page.getByTestId('language-switch').getByText('English').click()
    await expect.poll(() => page.getByTestId('nav-intake').innerText()).toBe('Intake')
    await page.getByTestId('orders-table').locator('tbody tr.ant-table-row').first().click()
    await page.getByTestId('order-page').waitFor()
    await page.locator('.receipt-paper').first().getByText('取机凭证').waitFor()
    await shot('order-en')
    expect(app.pageErrors).toEqual([])
  })
})
