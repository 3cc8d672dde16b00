import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { SCREENSHOT_DIR, startBrowserApp, type BrowserApp } from '../helpers/browser-app'
import { rpc, setUpStoreInBrowser } from '../helpers/e2e-counter'
import { sampleIntake, validImei } from '../helpers/core'

// The global search box (F2 / Ctrl+K), keyboard only, in Chromium: every kind of input finds the order.
let app: BrowserApp
let page: Page
const imei = validImei('86012345678901')
const orders: Record<'a' | 'b' | 'c', { id: number; orderNo: string; claimCode: string }> = {} as never

beforeAll(async () => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  app = await startBrowserApp({ locale: 'zh-CN' })
  page = app.page
  await setUpStoreInBrowser(page)
  const promisedDate = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10)
  const service = { type: 'paid', estimateFen: 20000, depositFen: 0, depositMethod: null, promisedDate, technicianId: null }
  const purchase = { invoiceDate: null, invoiceNo: '' }
  const make = async (customer: object, device: object) =>
    (await rpc(page, 'intake.create', sampleIntake({ customer: { landline: '', address: '', ...customer }, device, service, purchase }))).order
  orders.a = await make({ name: '欧阳小明', mobile: '13812345678' }, { category: 'phone', brand: 'Apple', model: 'iPhone 15 Pro', serial: imei, colour: '' })
  orders.b = await make({ name: '王芳', mobile: '13900005678' }, { category: 'phone', brand: '华为', model: 'Mate 60', serial: validImei('86012345600001'), colour: '' })
  orders.c = await make({ name: '李小明', mobile: '13700001111' }, { category: 'appliance', brand: '美的', model: '微波炉 M1-L213B', serial: 'SN-MW2026XQ', colour: '' })
}, 90_000)
afterAll(() => app?.close())

const shot = (name: string) => page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) })

/** Opens the box with the shortcut from wherever focus is, types (or "scans": no delay) and presses Enter. */
async function searchFor(text: string, opts: { shortcut?: string; delay?: number } = {}): Promise<void> {
  await page.keyboard.press(opts.shortcut ?? 'F2')
  const input = page.getByTestId('global-search-input')
  await expect.poll(() => input.evaluate((el) => el === document.activeElement)).toBe(true)
  await page.keyboard.type(text, { delay: opts.delay ?? 20 })
}

async function expectOrderOpen(orderNo: string): Promise<void> {
  await expect.poll(() => page.getByTestId('order-no').textContent()).toBe(orderNo)
  await expect.poll(() => page.getByTestId('global-search-input').count()).toBe(0)
}

describe('global search in a browser', () => {
  const cases: [string, () => string, 'a' | 'b' | 'c', number][] = [
    ['the claim ticket scanned by a keyboard-wedge scanner', () => `RO|${orders.a.orderNo}|${orders.a.claimCode}`, 'a', 0],
    ['the order number', () => orders.b.orderNo, 'b', 20],
    ['the claim code, typed in lower case', () => orders.c.claimCode.toLowerCase(), 'c', 20],
    ['a full mobile with +86, spaces and full-width digits', () => '+86 １３８ １２３４ ５６７８', 'a', 20],
    ['the IMEI', () => imei, 'a', 0],
    ['the last 6 of the IMEI', () => imei.slice(-6), 'a', 20],
    ['an appliance serial', () => 'sn-mw2026xq', 'c', 20],
    ['the brand and model', () => 'iPhone 15', 'a', 20],
    ['a unique name', () => '王芳', 'b', 20]
  ]
  it.each(cases)('opens the order at once from %s', async (_kind, text, which, delay) => {
    await searchFor(text(), { delay, shortcut: which === 'b' ? 'Control+k' : 'F2' })
    await page.keyboard.press('Enter')
    await expectOrderOpen(orders[which].orderNo)
  })

  it('lists several matches (last 4 of a mobile) and opens the one chosen with the arrow keys', async () => {
    await searchFor('5678')
    const list = page.getByTestId('global-search-list')
    await expect.poll(() => list.locator('[role=option]').count()).toBe(2)
    await list.getByText('手机后4位').first().waitFor()
    await shot('search-01-last4-list')
    // Newest first: 王芳 (b) then 欧阳小明 (a); Down moves to a.
    await expect.poll(() => list.locator('[aria-selected=true]').getAttribute('data-testid')).toBe(`global-search-hit-${orders.b.orderNo}`)
    await page.keyboard.press('ArrowDown')
    await expect.poll(() => list.locator('[aria-selected=true]').getAttribute('data-testid')).toBe(`global-search-hit-${orders.a.orderNo}`)
    await page.keyboard.press('Enter')
    await expectOrderOpen(orders.a.orderNo)
  })

  it('lists customers sharing a name part, and says so when nothing matches', async () => {
    await searchFor('小明')
    const list = page.getByTestId('global-search-list')
    await expect.poll(() => list.locator('[role=option]').count()).toBe(2)
    await shot('search-02-name-list')
    await page.keyboard.press('Control+a')
    await page.keyboard.type('赵无此人')
    await page.getByTestId('global-search-none').waitFor()
    await page.keyboard.press('Escape')
    await expect.poll(() => page.getByTestId('global-search-input').count()).toBe(0)
  })

  it('pages the orders list', async () => {
    await page.getByTestId('nav-orders').click()
    await expect.poll(() => page.getByTestId('orders-count').textContent()).toBe('共 3 单')
    await page.getByTestId(`order-row-${orders.c.orderNo}`).waitFor()
    await shot('search-03-orders-list')
    expect(app.pageErrors).toEqual([])
  })
})
