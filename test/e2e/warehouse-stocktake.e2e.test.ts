/**
 * The warehouse clerk in Chromium against the built app: records an old part whose label comes out
 * of the (emulated) receipt printer, decoded; then runs a small stocktake by scanning and typing,
 * sees the variance and has the manager approve it with their PIN on the same screen.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { launchChromium, SCREENSHOT_DIR } from '../helpers/browser-app'
import { setUpPrintingStore } from '../helpers/bridge-with-printer'
import { kill9, startBridgeProcess, until, type BridgeProcess } from '../helpers/bridge-process'
import { MANAGER, liveIntake } from '../helpers/core'
import { localDate, yearMonthCode } from '../../src/shared/domain/dates'
import { decodeEscPos } from '../helpers/escpos-decode'
import { startPrinterEmulator, type PrinterEmulator } from '../helpers/printer-emulator'

/** The first old part of this month (the app runs on the real clock). */
const OLD_PART = `OP${yearMonthCode(localDate(new Date(), 'Asia/Shanghai'))}-0001`
let dataDir: string
let printer: PrinterEmulator
let app: BridgeProcess
let browser: Browser
let page: Page
let order: { id: number; orderNo: string }
const parts: Record<string, number> = {}

const shot = (name: string) => page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true })

beforeAll(async () => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  dataDir = mkdtempSync(join(tmpdir(), 'rc-wh-st-e2e-'))
  printer = await startPrinterEmulator()
  app = await startBridgeProcess(dataDir)
  await setUpPrintingStore(app, printer, { widthMm: 58, receiptFooter: '' })
  await app.ok('users.create', { username: 'store1', displayName: '仓管小李', role: 'warehouse', pin: '1357' })
  const tech = await app.ok<{ id: number }>('users.create', { username: 'tech1', displayName: '技术员老张', role: 'technician', pin: '1357' })
  const intake = liveIntake()
  order = (await app.ok<{ order: { id: number; orderNo: string } }>('intake.create', { ...intake, service: { ...(intake.service as object), technicianId: tech.id } }))
    .order
  for (const p of [
    { sku: 'SCR-M60', name: 'Mate60 屏幕', unit: '个', bin: 'A-01', barcode: '6901234567892' },
    { sku: 'BAT-M60', name: 'Mate60 电池', unit: '个', bin: 'A-02' }
  ]) {
    parts[p.sku] = (await app.ok<{ part: { id: number } }>('warehouse.parts.create', p)).part.id
  }
  await app.ok('warehouse.receipts.create', {
    supplier: '华为备件',
    supplierDocNo: 'HW-001',
    lines: [
      { partId: parts['SCR-M60'], deliveredQty: 5, acceptedQty: 5, unitCostFen: 30_000 },
      { partId: parts['BAT-M60'], deliveredQty: 4, acceptedQty: 4, unitCostFen: 8_000 }
    ]
  })
  browser = await launchChromium()
  page = await (await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' })).newPage()
  page.setDefaultTimeout(15_000)
  await page.goto(app.url)
  await page.locator('#signin-user').click()
  await page.keyboard.type('store1')
  await page.keyboard.press('Enter')
  await page.locator('#signin-pin').fill('1357')
  await page.keyboard.press('Enter')
  await page.getByTestId('current-user').waitFor()
  await page.getByTestId('nav-warehouse').click()
}, 90_000)

afterAll(async () => {
  await browser?.close()
  if (app) await kill9(app)
  await printer?.close()
  rmSync(dataDir, { recursive: true, force: true })
})

describe('warehouse: old parts and stocktake', () => {
  it('records an old part and its label prints with a CODE128 of its number', async () => {
    await page.getByTestId('wh-tab-oldParts').click()
    await page.locator('#orderNo').fill(order.orderNo)
    await page.locator('#orderNo').press('Enter')
    await page.getByTestId('old-part-order').waitFor()
    await page.locator('#partText').fill('屏幕总成')
    await page.locator('#faultCode').fill('LCD-07')
    await page.locator('#faultSymptom').fill('触摸失灵，左下角无反应')
    await shot('wh-old-part-form')
    await page.getByTestId('old-part-save').click()
    await page.getByTestId(`op-row-${OLD_PART}`).waitFor()
    const label = await until(
      'the label at the printer',
      async () => printer.jobs.map(decodeEscPos).find((r) => r.barcodes.includes(OLD_PART)),
      (r) => r !== undefined
    )
    expect(label?.chineseMode).toBe(true)
    for (const s of ['旧件标签', order.orderNo, '屏幕总成', '技术员老张', 'LCD-07', '触摸失灵，左下角无反应']) expect(label?.text).toContain(s)
    // Into a return batch by scanning the label
    await page.getByTestId('rtm-new').click()
    await page.locator('#maker').fill('华为售后备件中心')
    await page.locator('#rtm-create-ok').click()
    await page.getByTestId('rtm-detail').getByText('华为售后备件中心').waitFor()
    await page.locator('#rtm-scan').fill(OLD_PART)
    await page.locator('#rtm-scan').press('Enter')
    await page.getByTestId('rtm-parts').getByText(OLD_PART).waitFor()
    await shot('wh-old-parts')
    // The work order's page lists its old part, batched
    await page.keyboard.press('F2')
    await page.getByTestId('global-search-input').fill(order.orderNo)
    await page.getByTestId('global-search-input').press('Enter')
    await expect.poll(() => page.getByTestId('order-no').textContent()).toBe(order.orderNo)
    const oldParts = page.getByTestId('order-old-parts')
    await oldParts.getByText(OLD_PART).waitFor()
    expect(await oldParts.textContent()).toContain('屏幕总成')
    await shot('order-page-old-parts')
    await page.getByTestId('nav-warehouse').click()
  })

  it('runs a small stocktake by scanning and typing, and the manager approves the variance with their PIN', async () => {
    await page.getByTestId('wh-tab-stocktake').click()
    await page.getByTestId('st-start').click()
    await page.getByTestId('st-detail').waitFor()
    await expect.poll(() => page.getByTestId('st-counted').textContent()).toBe('0 / 2')
    // Three screens on the shelf (the book says five): three scans
    for (let i = 0; i < 3; i++) {
      await page.locator('#st-scan').fill('6901234567892')
      await page.locator('#st-scan').press('Enter')
      await expect.poll(() => page.getByTestId('st-last-scan').textContent()).toContain(`已盘 ${i + 1}`)
    }
    await expect.poll(() => page.locator('#st-count-SCR-M60-main').inputValue()).toBe('3')
    // Batteries typed: four, as on the book
    await page.locator('#st-count-BAT-M60-main').fill('4')
    await page.locator('#st-count-BAT-M60-main').press('Enter')
    await expect.poll(() => page.getByTestId('st-counted').textContent()).toBe('2 / 2')
    await expect.poll(() => page.getByTestId('st-diff-SCR-M60').textContent()).toBe('-2')
    expect(await page.getByTestId('st-diff-BAT-M60').count()).toBe(0)
    await page.getByTestId('st-totals').getByText('-¥600.00').first().waitFor()
    await shot('wh-stocktake-counting')

    await page.getByTestId('st-approve').click()
    await page.locator('#approval-username').fill(MANAGER.username)
    await page.locator('#approval-pin').fill('0000')
    await page.locator('#st-approve-ok').click()
    await page.locator('#approval-pin-error').waitFor()
    await shot('wh-stocktake-wrong-pin')
    expect((await app.ok<{ balances: { main: number } }>('warehouse.parts.get', { partId: parts['SCR-M60'] })).balances.main).toBe(5)
    await page.locator('#approval-pin').fill(MANAGER.pin)
    await page.locator('#st-approve-ok').click()
    await expect.poll(() => page.getByTestId('st-detail').getByTestId('st-status').getAttribute('data-status')).toBe('approved')
    await shot('wh-stocktake-approved')
    expect((await app.ok<{ balances: { main: number } }>('warehouse.parts.get', { partId: parts['SCR-M60'] })).balances.main).toBe(3)
    expect((await app.ok<{ balances: { main: number } }>('warehouse.parts.get', { partId: parts['BAT-M60'] })).balances.main).toBe(4)
  })
})
