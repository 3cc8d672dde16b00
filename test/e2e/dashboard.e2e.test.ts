/**
 * The manager's dashboard in Chromium against the built app: today's tiles, the four charts drawn
 * (a canvas each), the tables with this month's figures, a chosen range (and a refused one), an
 * xlsx export opened with exceljs; the counter has no dashboard. Screenshots for a person to look at.
 */
import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import type { Page } from 'playwright-core'
import Database from 'better-sqlite3'
import { DB_FILE_NAME } from '../../src/main/core/create-core'
import { addDays, localDate } from '../../src/shared/domain/dates'
import { SCREENSHOT_DIR, startBrowserApp, type BrowserApp } from '../helpers/browser-app'
import { rpc, setUpStoreInBrowser } from '../helpers/e2e-counter'
import { MANAGER, sampleIntake } from '../helpers/core'

let app: BrowserApp
let page: Page
const today = () => localDate(new Date(), 'Asia/Shanghai')

const shot = async (name: string) => {
  await page.waitForTimeout(600) // charts animate in
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true })
}
const signIn = (username: string, pin: string) => rpc(page, 'auth.signIn', { username, pin })

/** Taken in (paid, ¥50 cash deposit), repaired by tech1 with ¥120 labour, passed QC by the manager, picked up paying the rest. */
async function repairedAndCollected(labourFen: number, serviceType: 'paid' | 'warranty' = 'paid'): Promise<void> {
  const paid = serviceType === 'paid'
  const service = { type: serviceType, estimateFen: paid ? 30000 : 0, depositFen: paid ? 5000 : 0, depositMethod: paid ? 'cash' : null, promisedDate: today(), technicianId: null }
  const order = (await rpc(page, 'intake.create', sampleIntake({ service, purchase: paid ? { invoiceDate: '2024-01-05', invoiceNo: '' } : sampleIntake().purchase }))).order
  await signIn('tech1', '1357')
  for (const to of ['diagnosing', 'repairing'] as const) await rpc(page, 'repairs.step', { orderId: order.id, to, note: '' })
  await rpc(page, 'repairs.charges.add', { orderId: order.id, kind: 'labourTyped', description: '更换屏幕', minutes: 45, amountFen: labourFen })
  await rpc(page, 'repairs.step', { orderId: order.id, to: 'qualityCheck', note: '' })
  await signIn(MANAGER.username, MANAGER.pin)
  await rpc(page, 'repairs.qc', { orderId: order.id, passed: true, reason: '' })
  const quote = await rpc(page, 'pickup.quote', { orderId: order.id })
  const balance = quote.totals.balanceFen
  await rpc(page, 'pickup.complete', { orderId: order.id, proof: { kind: 'code', value: order.claimCode }, tenders: balance > 0 ? [{ method: 'wechat', amountFen: balance }] : [] })
}

let lateComplaintNo = ''

beforeAll(async () => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  app = await startBrowserApp({ locale: 'zh-CN' })
  page = app.page
  await setUpStoreInBrowser(page)
  await rpc(page, 'users.create', { username: 'tech1', displayName: '技术员小王', role: 'technician', pin: '1357' })
  await rpc(page, 'users.create', { username: 'clerk1', displayName: '前台小李', role: 'counter', pin: '1357' })
  await repairedAndCollected(12000)
  await repairedAndCollected(8000)
  await repairedAndCollected(6000, 'warranty')
  // One still in the shop, promised today.
  await rpc(page, 'intake.create', sampleIntake({ service: { ...sampleIntake().service, promisedDate: today() } }))
  // A complaint whose response was due two days ago (as if taken in last week), and one not yet due.
  const late = await rpc(page, 'complaints.create', { source: 'phone', category: 'timeliness', description: '说好两天修好，等了一周' })
  await rpc(page, 'complaints.create', { source: 'walkIn', category: 'fees', description: '收费没有事先说明' })
  const db = new Database(join(app.dataDir, DB_FILE_NAME))
  db.prepare(`UPDATE complaint SET responseDue = ?, dueDate = ? WHERE id = ?`).run(addDays(today(), -2), addDays(today(), -2), late.id)
  db.close()
  lateComplaintNo = late.complaintNo
  await page.reload()
  await page.getByTestId('current-user').waitFor()
}, 180_000)
afterAll(async () => {
  await app?.close()
})

describe('manager dashboard', () => {
  it('shows today\'s tiles, four charts drawn on canvas and this month\'s tables', async () => {
    await page.getByTestId('nav-dashboard').click()
    await page.getByTestId('dashboard-screen').waitFor()
    await page.getByTestId('tile-inShop').waitFor()
    expect(await page.getByTestId('tile-inShop').textContent()).toContain('1')
    // Two paid pickups: ¥50 deposit + the rest each, i.e. their labour: ¥120 + ¥80 (the warranty one is free).
    expect(await page.getByTestId('tile-takings').textContent()).toContain('¥200.00')
    // The complaint past its response date is listed with its owner; the other is not.
    const overdue = page.getByTestId('dashboard-overdue-complaints')
    await overdue.waitFor()
    expect(await overdue.locator('tbody tr').count()).toBe(1)
    expect(await overdue.textContent()).toContain(lateComplaintNo)
    for (const chart of ['chart-revenue', 'chart-per-day', 'chart-turnaround', 'chart-technicians']) {
      await page.getByTestId(chart).locator('canvas').first().waitFor()
      const box = await page.getByTestId(chart).locator('canvas').first().boundingBox()
      expect(box!.width).toBeGreaterThan(200)
      expect(box!.height).toBeGreaterThan(200)
    }
    const types = page.getByTestId('report-table-serviceTypes')
    expect(await types.locator('tbody tr', { hasText: '付费维修' }).textContent()).toMatch(/付费维修\s*22200\.00/)
    expect(await page.getByTestId('report-revenue-total').textContent()).toBe('200.00')
    const techs = page.getByTestId('report-table-technicians')
    expect(await techs.locator('tbody tr', { hasText: '技术员小王' }).textContent()).toContain('技术员小王3135')
    expect(await page.getByTestId('report-rate-comeback').textContent()).toBe('0.0%')
    expect(await page.getByTestId('report-rate-satisfaction').textContent()).toBeTruthy()
    expect(app.pageErrors).toEqual([])
    await shot('dashboard-01-month')
  })

  it('exports a table and the whole report to xlsx; the file holds the figures', async () => {
    const download = page.waitForEvent('download')
    await page.getByTestId('report-export-technicians').click()
    const file = await download
    expect(file.suggestedFilename()).toMatch(/^report-technicians-\d{4}-\d{2}-01_\d{4}-\d{2}-\d{2}\.xlsx$/)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(readFileSync((await file.path())!) as unknown as ArrayBuffer)
    const ws = wb.worksheets[0]
    expect(ws.name).toBe('技师工作量')
    expect(ws.getRow(3).values).toEqual([undefined, '技术员小王', 3, 135, 260, 3, 0, 0])

    const all = page.waitForEvent('download')
    await page.getByTestId('report-export-all').click()
    const wbAll = new ExcelJS.Workbook()
    await wbAll.xlsx.load(readFileSync((await (await all).path())!) as unknown as ArrayBuffer)
    expect(wbAll.worksheets).toHaveLength(6)
    expect(wbAll.getWorksheet('按服务类型')!.getRow(4).values).toEqual([undefined, '付费维修', 2, 2, 200])
  })

  it('a chosen range: a preset, typed dates, and a reversed range refused with its message', async () => {
    await page.getByTestId('range-lastMonth').click()
    await page.getByTestId('report-period').filter({ hasText: '天' }).waitFor()
    await expect.poll(() => page.getByTestId('report-revenue-total').textContent()).toBe('0.00')
    await page.locator('#report-from').fill('2026-12-31')
    await page.locator('#report-to').fill('2026-12-01')
    await page.getByTestId('range-apply').click()
    expect(await page.getByTestId('range-error').textContent()).toBe('结束日期不能早于开始日期')
    await shot('dashboard-02-range-refused')
    await page.getByTestId('range-thisMonth').click()
    await expect.poll(() => page.getByTestId('report-revenue-total').textContent()).toBe('200.00')
  })

  it('the counter has no dashboard', async () => {
    await signIn('clerk1', '1357')
    await page.reload()
    await page.getByTestId('current-user').waitFor()
    expect(await page.getByTestId('nav-dashboard').count()).toBe(0)
    await signIn(MANAGER.username, MANAGER.pin)
  })
})
