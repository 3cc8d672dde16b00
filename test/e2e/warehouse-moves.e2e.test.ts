/**
 * Warehouse movements in Chromium against the built app, as the warehouse clerk: a delivery is
 * received with one line partly rejected (the reason is required), a requisition is issued by
 * scanning the parts' barcodes (a keyboard-wedge scanner types the code + Enter), and one unused
 * part comes back from the work order page.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { localDate } from '../../src/shared/domain/dates'
import { SCREENSHOT_DIR, startBrowserApp, type BrowserApp } from '../helpers/browser-app'
import { rpc, setUpStoreInBrowser } from '../helpers/e2e-counter'
import { sampleIntake } from '../helpers/core'

let app: BrowserApp
let page: Page
let orderId = 0
let screenId = 0
let batteryId = 0
const SCREEN = '6901234567890'
const BATTERY = '6901234567891'

const shot = async (name: string) => {
  await page.waitForTimeout(400) // modals and tables animate in
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true })
}
/** What a keyboard-wedge scanner does: the code typed fast, then Enter. */
const scan = async (code: string) => {
  await page.keyboard.type(code, { delay: 5 })
  await page.keyboard.press('Enter')
}

beforeAll(async () => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  app = await startBrowserApp({ locale: 'zh-CN' })
  page = app.page
  await setUpStoreInBrowser(page)
  await rpc(page, 'users.create', { username: 'store1', displayName: '仓管小李', role: 'warehouse', pin: '1357' })
  screenId = (await rpc(page, 'warehouse.parts.create', { sku: 'SCR-M60', name: 'Mate 60 屏幕总成', unit: '个', barcode: SCREEN, bin: 'A-01' })).part.id
  batteryId = (await rpc(page, 'warehouse.parts.create', { sku: 'BAT-M60', name: 'Mate 60 电池', unit: '个', barcode: BATTERY, bin: 'A-02' })).part.id
  const service = { type: 'paid', estimateFen: 30000, depositFen: 0, depositMethod: null, promisedDate: localDate(new Date(Date.now() + 3 * 86_400_000), 'Asia/Shanghai'), technicianId: null }
  orderId = (await rpc(page, 'intake.create', sampleIntake({ service, purchase: { invoiceDate: null, invoiceNo: '' } }))).order.id
  await rpc(page, 'auth.signIn', { username: 'store1', pin: '1357' })
  await page.reload()
  await page.getByTestId('current-user').waitFor()
  await page.getByTestId('nav-warehouse').click()
}, 90_000)
afterAll(async () => {
  await app?.close()
})

describe('warehouse movements', () => {
  it('receives a delivery with a rejected line: the reason is asked for, only the accepted quantity is stocked', async () => {
    await page.getByTestId('wh-tab-receipts').click()
    await page.locator('#supplier').fill('华强北配件行')
    await page.locator('#supplierDocNo').fill('HQ-20261123-7')
    await page.getByTestId('receipt-part').click()
    await scan(SCREEN)
    await page.locator('#lines-0-deliveredQty').waitFor()
    await scan(BATTERY)
    await page.locator('#lines-1-deliveredQty').waitFor()
    await page.locator('#lines-0-deliveredQty').fill('5')
    await page.locator('#lines-0-acceptedQty').fill('4')
    await page.locator('#lines-0-unitCostFen').fill('360')
    await page.locator('#lines-1-deliveredQty').fill('10')
    await page.locator('#lines-1-acceptedQty').fill('10')
    await page.locator('#lines-1-unitCostFen').fill('80')
    await page.getByTestId('receipt-save').click()
    // Rejected 1 without a reason: the form says so next to the field and sends nothing.
    await page.getByTestId('lines-0-rejectReason-error').waitFor()
    expect(await page.getByTestId('lines-0-rejectReason-error').textContent()).toBe('有不合格数量时请填写原因')
    expect(await page.getByTestId('receipt-rejected-SCR-M60').textContent()).toBe('1')
    await shot('wh-moves-01-receipt-reason-needed')
    await page.locator('#lines-0-rejectReason').fill('屏幕有划痕')
    await page.getByTestId('receipt-save').click()
    await page.getByTestId('receipt-saved').waitFor()
    expect(await page.getByTestId('receipt-saved').textContent()).toContain('拒收 1（屏幕有划痕）')
    await page.getByTestId('receipt-list').getByText('GR').first().waitFor()
    await shot('wh-moves-02-receipt-saved')
    expect((await rpc(page, 'warehouse.parts.get', { partId: screenId })).balances).toEqual({ main: 4, quarantine: 0 })
    expect((await rpc(page, 'warehouse.parts.get', { partId: batteryId })).balances).toEqual({ main: 10, quarantine: 0 })
  })

  it('issues a requisition by scanning the parts', async () => {
    const req = await rpc(page, 'warehouse.requisitions.create', { orderId, lines: [{ partId: screenId, qty: 1 }, { partId: batteryId, qty: 2 }], note: '换屏换电池' })
    await page.getByTestId('wh-tab-requisitions').click()
    await page.getByTestId(`req-row-${req.reqNo}`).click()
    const scanBox = page.getByTestId('req-scan')
    await scanBox.click()
    await scan(SCREEN)
    await scan(BATTERY)
    await scan(BATTERY)
    await page.waitForFunction(() => (document.querySelector('[data-testid="issue-now-BAT-M60"]') as HTMLInputElement | null)?.value === '2')
    expect(await page.getByTestId('issue-now-SCR-M60').inputValue()).toBe('1')
    // A third battery is not on the requisition: the scan is refused with a message.
    await scan(BATTERY)
    await page.getByText(`${BATTERY} 不在这张领料单上`).waitFor()
    await shot('wh-moves-03-issue-scanned')
    await page.getByTestId('req-issue').click()
    await page.waitForFunction(() => document.querySelector('[data-testid="issued-BAT-M60"]')?.textContent === '2')
    expect(await page.getByTestId('issued-SCR-M60').textContent()).toBe('1')
    await shot('wh-moves-04-issued')
    expect((await rpc(page, 'warehouse.parts.get', { partId: batteryId })).balances.main).toBe(8)
  })

  it('returns one unused part from the work order page', async () => {
    await page.getByTestId('wh-tab-requisitions').click()
    await page.getByText('全部').click()
    await page.getByTestId('req-list').getByText('RQ').first().click()
    await page.getByTestId('req-open-order').click()
    await page.getByTestId('order-parts').waitFor()
    await page.getByTestId('return-BAT-M60').click()
    await page.locator('#qty').fill('1')
    await shot('wh-moves-05-return-dialog')
    await page.locator('#return-ok').click()
    await page.waitForFunction(() => document.querySelector('[data-testid="out-BAT-M60"]')?.textContent === '1')
    await page.getByTestId('order-parts-moves').getByText('退料').waitFor()
    await shot('wh-moves-06-order-parts')
    const parts = await rpc(page, 'warehouse.orderParts', { orderId })
    expect(parts.requisitions[0].lineViews.map((l) => [l.part.sku, l.issuedQty, l.returnedQty])).toEqual([
      ['SCR-M60', 1, 0],
      ['BAT-M60', 2, 1]
    ])
    expect((await rpc(page, 'warehouse.parts.get', { partId: batteryId })).balances.main).toBe(9)
    expect(app.pageErrors.filter((e) => !/favicon/.test(e))).toEqual([])
  })

  it('an adjustment waits for the manager: a wrong PIN is refused, the right one posts it', async () => {
    await page.getByTestId('nav-warehouse').click()
    await page.getByTestId('wh-tab-adjustments').click()
    await page.getByTestId('adjust-part').click()
    await scan(BATTERY)
    await page.getByTestId('adjust-part-picked').waitFor()
    await page.getByTestId('adjust-qty').fill('-1')
    await page.getByTestId('adjust-reason').fill('跌落损坏')
    await page.getByTestId('adjust-save').click()
    await page.getByTestId('adjustment-list').getByText('跌落损坏').waitFor()
    expect((await rpc(page, 'warehouse.parts.get', { partId: batteryId })).balances.main).toBe(9)
    await page.getByTestId('adjustment-list').getByRole('button', { name: '批准' }).click()
    await page.locator('#approval-username').fill('boss')
    await page.locator('#approval-pin').fill('0000')
    await page.locator('#decide-ok').click()
    await page.getByTestId('approval-pin-error').waitFor()
    expect(await page.getByTestId('approval-pin-error').textContent()).toBe('PIN 不正确，还可尝试 4 次')
    await shot('wh-moves-07-approval-wrong-pin')
    await page.locator('#approval-pin').fill('2468')
    await page.locator('#decide-ok').click()
    await page.getByTestId('decide-dialog').waitFor({ state: 'detached' })
    await page.getByText('全部').last().click()
    await page.getByTestId('adjustment-list').getByText('已批准').waitFor()
    await shot('wh-moves-08-adjustments')
    expect((await rpc(page, 'warehouse.parts.get', { partId: batteryId })).balances.main).toBe(8)
  })
})
