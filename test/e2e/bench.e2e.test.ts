/**
 * The technician bench in Chromium against the built app: the queue (mine / shop, overdue rows red),
 * then one order's repair card — diagnosis, a labour charge from the price list, the quote rule
 * stopping the work, the customer's yes, repair, and quality check refused to the repairer — and its
 * timeline. Screenshots of each step go to SCREENSHOT_DIR.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import Database from 'better-sqlite3'
import { DB_FILE_NAME } from '../../src/main/core/create-core'
import { addDays, localDate } from '../../src/shared/domain/dates'
import { SCREENSHOT_DIR, startBrowserApp, type BrowserApp } from '../helpers/browser-app'
import { rpc, setUpStoreInBrowser } from '../helpers/e2e-counter'
import { sampleIntake } from '../helpers/core'

let app: BrowserApp
let page: Page
let paidId = 0
let paidNo = ''
let lateNo = ''

const shot = async (name: string) => {
  await page.waitForTimeout(400) // modals and tables animate in
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true })
}
const signInAs = async (username: string) => {
  await rpc(page, 'auth.signIn', { username, pin: '1357' })
  await page.reload()
  await page.getByTestId('current-user').waitFor()
}

beforeAll(async () => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  app = await startBrowserApp({ locale: 'zh-CN' })
  page = app.page
  await setUpStoreInBrowser(page)
  const tech1 = await rpc(page, 'users.create', { username: 'tech1', displayName: '张师傅', role: 'technician', pin: '1357' })
  await rpc(page, 'users.create', { username: 'tech2', displayName: '李师傅', role: 'technician', pin: '1357' })
  await rpc(page, 'repairs.prices.save', { prices: [{ category: 'phone', faultCode: 'screen', description: '更换屏幕总成', amountFen: 15000, minutes: 40 }] })
  const today = localDate(new Date(), 'Asia/Shanghai')
  const intake = async (promisedDate: string, technicianId: number | null, paid: boolean) => {
    const service = { type: paid ? 'paid' : 'warranty', estimateFen: paid ? 10000 : 0, depositFen: 0, depositMethod: null, promisedDate, technicianId }
    const purchase = paid ? { invoiceDate: null, invoiceNo: '' } : { invoiceDate: addDays(today, -60), invoiceNo: 'FP-1' }
    return (await rpc(page, 'intake.create', sampleIntake({ service, purchase }))).order
  }
  const late = await intake(today, tech1.id, false)
  lateNo = late.orderNo
  // Intake refuses a promised date in the past: this device was promised yesterday (as if taken in earlier).
  const db = new Database(join(app.dataDir, DB_FILE_NAME))
  db.prepare(`UPDATE work_order SET promisedDate = ? WHERE id = ?`).run(addDays(today, -1), late.id)
  db.close()
  const paid = await intake(addDays(today, 3), tech1.id, true)
  paidId = paid.id
  paidNo = paid.orderNo
  await intake(addDays(today, 5), null, false)
  await signInAs('tech1')
}, 90_000)
afterAll(async () => {
  await app?.close()
})

describe('technician bench', () => {
  it('shows my queue and the shop queue, overdue first and red', async () => {
    await page.getByTestId('nav-bench').click()
    await page.getByTestId('bench-table').waitFor()
    await page.getByTestId(`bench-row-${lateNo}`).waitFor()
    const rows = page.locator('[data-testid^="bench-row-"]')
    expect(await rows.count()).toBe(2)
    expect(await rows.first().getAttribute('data-testid')).toBe(`bench-row-${lateNo}`)
    expect(await rows.first().getAttribute('data-overdue')).toBe('true')
    expect(await page.getByTestId(`bench-row-${paidNo}`).getAttribute('data-overdue')).toBe('false')
    await shot('bench-01-mine')
    await page.getByText('全店工单').click()
    await page.waitForFunction(() => document.querySelectorAll('[data-testid^="bench-row-"]').length === 3)
    expect(await page.getByTestId('bench-count').textContent()).toContain('共 3 单，其中超期 1 单')
    await shot('bench-02-shop')
  })

  it('diagnosis, labour from the price list, the quote stops the work until the customer says yes', async () => {
    await page.getByTestId(`bench-row-${paidNo}`).click()
    await page.getByTestId('order-repair').waitFor()
    await page.getByTestId('repair-step-diagnosing').click()
    await page.waitForFunction(() => document.querySelector('[data-testid="repair-status"]')?.textContent === '检测中')
    await page.getByTestId('repair-fault-found').fill('屏幕排线断裂，需要更换屏幕总成')
    await page.getByTestId('repair-work-done').fill('更换屏幕总成')
    await page.getByTestId('repair-card-save').click()
    await page.getByText('修护卡已保存').waitFor()
    await page.getByTestId('repair-charge-add').click()
    await page.getByTestId('repair-charge-dialog-priceId').click()
    await page.getByText('更换屏幕总成 · ¥150.00').click()
    await page.getByTestId('repair-charge-dialog-ok').click()
    await page.waitForFunction(() => document.querySelector('[data-testid="repair-total"]')?.textContent === '¥150.00')
    await page.getByTestId('repair-over-estimate').waitFor()
    await shot('bench-03-card-diagnosing')

    await page.getByTestId('repair-step-repairing').click()
    await page.getByText('工单已转为「待客户确认报价」').waitFor()
    await page.waitForFunction(() => document.querySelector('[data-testid="repair-status"]')?.textContent === '待客户确认报价')
    await shot('bench-04-quote-needed')

    await page.getByTestId('repair-quote').click()
    await page.getByTestId('repair-quote-dialog-ok').waitFor()
    await page.locator('#note').fill('客户电话同意')
    await shot('bench-05-quote-dialog')
    await page.getByTestId('repair-quote-dialog-ok').click()
    await page.waitForFunction(() => !document.querySelector('[data-testid="repair-over-estimate"]'))
    await page.getByTestId('repair-step-repairing').click()
    await page.waitForFunction(() => document.querySelector('[data-testid="repair-status"]')?.textContent === '维修中')
    await page.getByTestId('repair-step-qualityCheck').click()
    await page.waitForFunction(() => document.querySelector('[data-testid="repair-status"]')?.textContent === '待质检')
    // The repairer sees no QC buttons, only who may check it.
    expect(await page.getByTestId('repair-qc-pass').count()).toBe(0)
    await page.getByText('请店长或另一位技术员（不是维修人）质检').waitFor()
    await page.getByTestId('order-timeline').getByText('客户同意报价 ¥150.00').waitFor()
    await shot('bench-06-qc-waiting-timeline')
  })

  it('another technician fails the check with a reason; it goes back to repairing', async () => {
    await signInAs('tech2')
    await page.getByTestId('nav-bench').click()
    await page.getByText('全店工单').click()
    await page.getByTestId(`bench-row-${paidNo}`).click()
    await page.getByTestId('repair-qc-fail').click()
    await page.getByTestId('repair-qc-dialog-ok').click()
    await page.getByTestId('reason-error').waitFor()
    await page.locator('#reason').fill('听筒无声')
    await page.getByTestId('repair-qc-dialog-ok').click()
    await page.waitForFunction(() => document.querySelector('[data-testid="repair-status"]')?.textContent === '维修中')
    await page.getByTestId('order-timeline').getByText('听筒无声').waitFor()
    await shot('bench-07-qc-failed')
    expect((await rpc(page, 'repairs.card', { orderId: paidId })).status).toBe('repairing')
  })

  it('the manager edits the labour price list from the bench', async () => {
    await rpc(page, 'auth.signIn', { username: 'boss', pin: '2468' })
    await page.reload()
    await page.getByTestId('current-user').waitFor()
    await page.getByTestId('nav-bench').click()
    await page.getByTestId('bench-prices').click()
    await page.getByTestId('prices-amount-0').waitFor()
    await page.getByTestId('prices-add').click()
    await page.getByTestId('prices-save').click()
    // The new row has no fault code yet: main names the field, nothing is saved.
    await page.getByTestId('prices-fault-error-1').waitFor()
    await shot('bench-08-price-list')
    expect(await rpc(page, 'repairs.prices.list', {})).toHaveLength(1)
    expect(app.pageErrors).toEqual([])
  })
})
