/**
 * The warehouse clerk in Chromium against the built app: creates a part, finds it again by
 * scanning its barcode into the search box (a keyboard-wedge scanner types the code + Enter), sees
 * its stock card, imports a catalogue CSV (a bad file is refused with a row-by-row report, a
 * GB18030 file from Excel goes in), and opens the reorder and valuation reports.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { launchChromium, SCREENSHOT_DIR } from '../helpers/browser-app'
import { kill9, startBridgeProcess, type BridgeProcess } from '../helpers/bridge-process'
import { MANAGER } from '../helpers/core'

let dataDir: string
let app: BridgeProcess
let browser: Browser
let page: Page

// Modals and tables animate in: let them settle before the picture.
const shot = async (name: string) => {
  await page.waitForTimeout(400)
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true })
}

beforeAll(async () => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  dataDir = mkdtempSync(join(tmpdir(), 'rc-wh-parts-e2e-'))
  app = await startBridgeProcess(dataDir)
  await app.ok('setup.create', {
    store: { name: '诚信手机维修中心', address: '深圳市福田区华强北路1号', phone: '0755-12345678', receiptFooter: '' },
    timeZone: 'Asia/Shanghai',
    locale: 'zh-CN',
    manager: MANAGER
  })
  await app.ok('users.create', { username: 'store1', displayName: '仓管小李', role: 'warehouse', pin: '1357' })
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
  rmSync(dataDir, { recursive: true, force: true })
})

describe('warehouse: parts catalogue', () => {
  let partId = 0

  it('creates a part; a taken barcode is named on its field', async () => {
    await app.ok('warehouse.parts.create', { sku: 'BAT-M60', name: 'Mate60 电池', unit: '个', barcode: '6900000000017' })
    await page.getByTestId('part-new').click()
    await page.locator('#sku').fill('scr-m60-blk')
    await page.locator('#barcode').fill('6900000000017')
    await page.locator('#name').fill('屏幕总成')
    await page.locator('#spec').fill('原装 OLED 黑色')
    await page.locator('#models').fill('华为 Mate 60 / Mate 60 Pro')
    await page.locator('#bin').fill('A-01-03')
    await page.locator('#minStock').fill('3')
    await page.locator('#salePriceFen').fill('899')
    await page.getByTestId('part-save').click()
    await expect.poll(() => page.locator('#barcode-error').textContent()).toBe('已属于零件 BAT-M60 Mate60 电池')
    await shot('wh-parts-new-barcode-taken')
    await page.locator('#barcode').fill('6901234567892')
    await page.getByTestId('part-save').click()
    await expect.poll(() => page.getByTestId('part-title').textContent()).toBe('SCR-M60-BLK · 屏幕总成')
    partId = (await app.ok<{ part: { id: number } } | null>('warehouse.parts.byCode', { code: 'SCR-M60-BLK' }))!.part.id
  })

  it('finds the part by scanning its barcode into the focused search box, with its stock card', async () => {
    await app.ok('warehouse.receipts.create', {
      supplier: '华为备件',
      supplierDocNo: 'HW-001',
      lines: [{ partId, deliveredQty: 6, acceptedQty: 5, unitCostFen: 30_000, rejectReason: '屏幕划伤' }]
    })
    await page.getByTestId('part-back').click()
    // The search box has the caret: the scanner just types.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('part-search')
    await page.keyboard.type('屏幕')
    await page.getByTestId('part-row-SCR-M60-BLK').waitFor()
    await shot('wh-parts-search')
    await page.locator('#part-search').fill('')
    await page.keyboard.type('6901234567892', { delay: 5 })
    await page.keyboard.press('Enter')
    await expect.poll(() => page.getByTestId('part-title').textContent()).toBe('SCR-M60-BLK · 屏幕总成')
    await expect.poll(() => page.getByTestId('balance-main').textContent()).toContain('5')
    await page.getByTestId('stock-card').getByText('GR', { exact: false }).first().waitFor()
    expect(await page.getByTestId('stock-card').textContent()).toContain('+5')
    await shot('wh-parts-detail-stock-card')
  })

  it('refuses a CSV with bad rows (nothing imported) and imports a GB18030 file from Excel', async () => {
    await page.getByTestId('part-back').click()
    const dir = mkdtempSync(join(tmpdir(), 'rc-csv-'))
    const bad = join(dir, 'bad.csv')
    writeFileSync(bad, '\uFEFF编码,名称,单位,最低库存\nOK-1,好零件,个,1\n,无编码,个,1\nOK-2,价格,个,-2\n')
    await page.getByTestId('csv-file').setInputFiles(bad)
    await expect.poll(() => page.getByTestId('csv-result').textContent()).toContain('没有导入任何零件')
    const problems = await page.getByTestId('csv-problems').textContent()
    expect(problems).toContain('3编码必填')
    expect(problems).toContain('4最低库存')
    await shot('wh-parts-csv-rejected')
    await page.getByRole('button', { name: /OK|确\s*定/ }).click()
    expect(await app.ok('warehouse.parts.byCode', { code: 'OK-1' })).toBeNull()

    const gb = join(dir, 'parts-gb18030.csv')
    writeFileSync(gb, readFileSync(join(__dirname, '../warehouse/fixtures/parts-gb18030.csv')))
    await page.getByTestId('csv-file').setInputFiles(gb)
    await expect.poll(() => page.getByTestId('csv-result').textContent()).toBe('已导入 3 行：新建 3，更新 0，未变 0')
    await shot('wh-parts-csv-imported')
    await page.getByRole('button', { name: /OK|确\s*定/ }).click()
    await page.locator('#part-search').fill('尾插')
    await page.getByTestId('part-row-GB-FPC-01').waitFor()
    rmSync(dir, { recursive: true, force: true })
  })

  it('shows the reorder list and the stock value at a date', async () => {
    await page.getByTestId('wh-tab-reports').click()
    await page.getByTestId('reorder-row-GB-BAT-01').waitFor()
    expect(await page.getByTestId('reorder-table').textContent()).toContain('10 块')
    await page.getByTestId('valuation-show').click()
    await expect.poll(() => page.getByTestId('valuation-total').textContent()).toContain('¥1500.00')
    await shot('wh-reports')
  })
})
