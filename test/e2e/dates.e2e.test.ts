import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { addDays, localDate } from '../../src/shared/domain/dates'
import { SCREENSHOT_DIR, startBrowserApp, type BrowserApp } from '../helpers/browser-app'
import { validImei } from '../helpers/core'
import { rpc, setUpStoreInBrowser } from '../helpers/e2e-counter'

// Every date field reads what the clerk typed, in any of the usual formats, at any typing speed,
// and saves exactly that day — or says why not and saves nothing.
let app: BrowserApp
let page: Page
const today = localDate(new Date(), 'Asia/Shanghai')
const promised = addDays(today, 10)
const [py, pm, pd] = promised.split('-').map(Number)

/** The same day as each accepted format writes it. */
const formats = (y: number, m: number, d: number) => {
  const mm = String(m).padStart(2, '0')
  const dd = String(d).padStart(2, '0')
  return [`${y}-${mm}-${dd}`, `${y}/${m}/${d}`, `${y}.${m}.${d}`, `${y}${mm}${dd}`, `${y}年${m}月${d}日`]
}
const INVOICE = '2026-06-20'
const invoiceFormats = formats(2026, 6, 20)
const promisedFormats = formats(py, pm, pd)

beforeAll(async () => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  app = await startBrowserApp({ locale: 'zh-CN' })
  page = app.page
  await setUpStoreInBrowser(page)
}, 60_000)
afterAll(async () => app?.close())

const shot = (name: string) => page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true })
const field = (id: string) => page.locator(`#${id}`)
let seq = 0

async function freshIntake(): Promise<void> {
  await page.getByTestId('nav-intake').click()
  await field('customer-mobile').waitFor()
  seq++
  await field('customer-mobile').fill(`1370000${String(seq).padStart(4, '0')}`)
  await field('customer-name').fill(`客户${seq}`)
  await field('device-brand').fill('华为')
  await field('device-model').fill('P60')
  await field('device-serial').fill(validImei(String(35693803564000 + seq)))
  await field('fault-description').fill('不开机')
}

/** Replaces a date field's text by typing it key by key (delay in ms between keys). */
async function typeDate(id: string, text: string, delay: number): Promise<void> {
  await field(id).focus()
  await page.keyboard.press('Control+a')
  await page.keyboard.press('Backspace')
  await page.keyboard.type(text, { delay })
}

async function orderCount(): Promise<number> {
  return (await rpc(page, 'orders.list', { query: '', limit: 200 })).length
}

describe('date fields keep what was typed', () => {
  for (const [speed, delay] of [
    ['human', 80],
    ['machine', 0]
  ] as const) {
    invoiceFormats.forEach((format, i) => {
      it(`saves ${format} (invoice) and ${promisedFormats[i]} (promised) typed at ${speed} speed`, async () => {
        await freshIntake()
        await typeDate('purchase-invoiceDate', format, delay)
        // While typing nothing is rewritten; the line under the field says what will be saved.
        expect(await field('purchase-invoiceDate').inputValue()).toBe(format)
        if (format !== INVOICE) await page.getByTestId('purchase-invoiceDate-preview').getByText(`将保存为 ${INVOICE}`).waitFor()
        await typeDate('service-promisedDate', promisedFormats[i], delay)
        expect(await field('service-promisedDate').inputValue()).toBe(promisedFormats[i])
        await page.keyboard.press('Tab')
        expect(await field('purchase-invoiceDate').inputValue()).toBe(INVOICE)
        expect(await field('service-promisedDate').inputValue()).toBe(promised)
        await expect.poll(() => page.getByTestId('warranty-panel').innerText()).toMatch(/在三包期内/)
        if (i === 1 && speed === 'human') await shot('dates-typed')
        await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('intake-clear')
        await page.keyboard.press('Control+Enter')
        await page.getByTestId('order-page').waitFor().catch(async (e) => {
          await shot(`dates-fail-${speed}-${i}`)
          throw e
        })
        const orderId = (await rpc(page, 'orders.list', { query: `1370000${String(seq).padStart(4, '0')}`, limit: 1 }))[0].id
        const order = await rpc(page, 'orders.get', { orderId })
        expect(order.purchase.invoiceDate).toBe(INVOICE)
        expect(order.service.promisedDate).toBe(promised)
      })
    })
  }

  it('names an impossible date, keeps it as typed and saves nothing', async () => {
    const before = await orderCount()
    await freshIntake()
    await typeDate('purchase-invoiceDate', '2026-02-30', 80)
    await page.keyboard.press('Escape') // Esc discards nothing
    expect(await field('purchase-invoiceDate').inputValue()).toBe('2026-02-30')
    await page.keyboard.press('Tab')
    await page.locator('#purchase-invoiceDate-error').getByText('2月没有30日').waitFor()
    expect(await field('purchase-invoiceDate').inputValue()).toBe('2026-02-30')
    const yesterday = addDays(today, -1)
    await typeDate('service-promisedDate', yesterday.replace(/-/g, '/'), 0)
    await page.keyboard.press('Tab')
    await page.locator('#service-promisedDate-error').getByText('日期不能早于今天').waitFor()
    await shot('dates-impossible')
    await page.keyboard.press('Control+Enter')
    await page.getByTestId('intake-error').waitFor()
    // The caret goes back to the first bad date, which still reads as typed.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('purchase-invoiceDate')
    expect(await page.getByTestId('order-page').count()).toBe(0)
    expect(await orderCount()).toBe(before)
    expect(await field('service-promisedDate').inputValue()).toBe(yesterday.replace(/-/g, '/'))
  })

  it('adds holidays typed in any format in Settings, and refuses a day that does not exist', async () => {
    await page.getByTestId('nav-settings').click()
    await page.getByTestId('settings-tab-calendar').click()
    await field('calendar-holidays').waitFor()
    await typeDate('calendar-holidays', '2026年10月1日', 80)
    await page.keyboard.press('Enter')
    await typeDate('calendar-holidays', '2026.10.2', 0)
    await page.keyboard.press('Enter')
    await typeDate('calendar-holidays', '2026/2/30', 80)
    await page.keyboard.press('Enter')
    await page.getByTestId('calendar-holidays-input-error').getByText('2月没有30日').waitFor()
    expect(await field('calendar-holidays').inputValue()).toBe('2026/2/30')
    // The calendar opens only on demand (Alt+↓); Esc closes it and keeps the text.
    await page.keyboard.press('Alt+ArrowDown')
    await page.getByTestId('calendar-holidays-calendar').waitFor()
    await shot('dates-calendar-popup')
    await page.keyboard.press('Escape')
    await page.getByTestId('calendar-holidays-calendar').waitFor({ state: 'hidden' })
    expect(await field('calendar-holidays').inputValue()).toBe('2026/2/30')
    await shot('dates-calendar')
    await page.getByTestId('settings-calendar-save').click()
    await expect.poll(async () => (await rpc(page, 'settings.get', {})).calendar.holidays).toEqual(['2026-10-01', '2026-10-02'])
    expect(app.pageErrors).toEqual([])
  })
})
