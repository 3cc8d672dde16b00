/**
 * Follow-up calls and complaints in Chromium against the built app: an order picked up three working
 * days ago is on the call list; the manager records a dissatisfied call, which opens a complaint;
 * the complaint is on the complaints list, its detail shows the steps, and a response moves it on.
 * An overdue complaint shows red. Screenshots of each screen for a person to look at.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import type { Page } from 'playwright-core'
import { addDays, localDate, startOfLocalDay } from '../../src/shared/domain/dates'
import { addWorkingDays, workingDaysBetween } from '../../src/shared/domain/working-days'
import { SCREENSHOT_DIR, startBrowserApp, type BrowserApp } from '../helpers/browser-app'
import { rpc, setUpStoreInBrowser } from '../helpers/e2e-counter'
import { sampleIntake } from '../helpers/core'

let app: BrowserApp
let page: Page
const TZ = 'Asia/Shanghai'
const NO_HOLIDAYS = { holidays: [], makeupWorkdays: [] }
const today = () => localDate(new Date(), TZ)
const picked: { id: number; orderNo: string; pickupDate: string }[] = []

const shot = async (name: string) => {
  await page.waitForTimeout(400) // modals and drawers animate in
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true })
}

/** Direct SQL on the app's file, for what the real clock cannot do in a test: days passing. */
function sql(run: (db: Database.Database) => void): void {
  const db = new Database(join(app.dataDir, 'repair-counter.sqlite'))
  try {
    db.pragma('busy_timeout = 5000')
    run(db)
  } finally {
    db.close()
  }
}

/** Taken in, repaired (status steps as the bench writes them), handed back, then dated `workingDaysAgo` back. */
async function pickedUp(name: string, mobile: string, workingDaysAgo: number): Promise<{ id: number; orderNo: string; pickupDate: string }> {
  const service = { type: 'warranty', estimateFen: 0, depositFen: 0, depositMethod: null, promisedDate: addDays(today(), 3), technicianId: null }
  const { order } = await rpc(page, 'intake.create', sampleIntake({ service, customer: { name, mobile, landline: '', address: '' } }))
  sql((db) => {
    const steps = ['received', 'diagnosing', 'repairing', 'qualityCheck', 'ready']
    const at = new Date().toISOString()
    for (let i = 1; i < steps.length; i++) {
      db.prepare(`UPDATE work_order SET status = ? WHERE id = ? AND status = ?`).run(steps[i], order.id, steps[i - 1])
      db.prepare(`INSERT INTO order_event (orderId, at, userId, kind, fromStatus, toStatus, note, detail) VALUES (?, ?, 1, 'status', ?, ?, '', NULL)`).run(order.id, at, steps[i - 1], steps[i])
    }
  })
  await rpc(page, 'pickup.complete', { orderId: order.id, proof: { kind: 'code', value: order.claimCode }, tenders: [] })
  const day = addWorkingDays(today(), -workingDaysAgo, NO_HOLIDAYS)
  const returnedAt = new Date(Date.parse(startOfLocalDay(day, TZ)) + 10 * 3600_000).toISOString() // 10:00 that day
  sql((db) => db.prepare(`UPDATE work_order SET returnedAt = ? WHERE id = ?`).run(returnedAt, order.id))
  return { id: order.id, orderNo: order.orderNo, pickupDate: day }
}

beforeAll(async () => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  app = await startBrowserApp({ locale: 'zh-CN' })
  page = app.page
  await setUpStoreInBrowser(page)
  picked.push(await pickedUp('赵敏', '13700002222', 3))
  picked.push(await pickedUp('钱伟', '13700003333', 5))
  // An older phone complaint whose response was due two days ago: it shows red.
  const late = await rpc(page, 'complaints.create', { source: 'phone', category: 'timeliness', description: '说好两天修好，等了一周' })
  sql((db) => db.prepare(`UPDATE complaint SET responseDue = ?, dueDate = ? WHERE id = ?`).run(addDays(today(), -2), addDays(today(), -2), late.id))
  await page.reload()
  await page.getByTestId('current-user').waitFor()
}, 120_000)
afterAll(async () => {
  await app?.close()
})

describe('follow-up calls and complaints', () => {
  it('a dissatisfied call opens a complaint; the complaint is listed, shows its steps, and is answered', async () => {
    const [unhappy, other] = picked
    await page.getByTestId('nav-followups').click()
    await page.getByTestId(`followup-call-${unhappy.orderNo}`).waitFor()
    const rows = await page.getByTestId('followups-list').locator('tbody tr').allInnerTexts()
    // Counted as the list counts (on a weekend, "3 working days back" is only 2 ago).
    for (const p of picked) expect(rows.join('\n')).toContain(`${p.pickupDate} · ${workingDaysBetween(p.pickupDate, today(), NO_HOLIDAYS)} 个工作日前`)
    expect(await page.getByTestId('followups-rate').innerText()).toContain('目标 95.0%')
    // The manager sets the month's target where the rate is shown.
    // Cleared or typed with a fraction: said on the field, nothing saved (not the old value, not rounded).
    await page.locator('#followup-target').fill('')
    await page.getByTestId('followup-target-save').click()
    expect(await page.getByTestId('followup-target-error').textContent()).toBe('必填')
    await page.locator('#followup-target').fill('95.5')
    await page.getByTestId('followup-target-save').click()
    expect(await page.getByTestId('followup-target-error').textContent()).toBe('请输入整数')
    expect((await rpc(page, 'settings.get', {})).followUp.satisfactionTargetPercent).toBe(95)
    await page.locator('#followup-target').fill('90')
    await page.getByTestId('followup-target-save').click()
    await page.waitForFunction(() => document.querySelector('[data-testid="followups-rate"]')?.textContent?.includes('目标 90.0%'))
    expect((await rpc(page, 'settings.get', {})).followUp.satisfactionTargetPercent).toBe(90)
    await shot('followup-01-call-list')

    await page.getByTestId(`followup-call-${unhappy.orderNo}`).click()
    await page.getByTestId('followup-dialog').waitFor()
    await page.getByTestId('followup-rating-dissatisfied').click()
    await page.getByTestId('followup-aspect-fees-veryDissatisfied').click()
    await page.getByTestId('followup-aspect-attitude-satisfied').click()
    await page.getByTestId('followup-unhappy').waitFor()
    // Saved without a note: the reason is asked for on the field.
    await page.getByTestId('followup-save').click()
    await page.getByTestId('note-error').waitFor()
    await page.getByTestId('followup-note').fill('换屏后收费比报价高了 80 元，没人解释')
    expect(await page.getByTestId('followup-category').innerText()).toContain('收费')
    await shot('followup-02-dissatisfied-call')
    await page.getByTestId('followup-save').click()
    const opened = page.getByTestId('followup-complaint-opened')
    await opened.waitFor()
    const yymm = today().slice(2, 4) + today().slice(5, 7)
    expect(await opened.innerText()).toContain(`${yymm}-002`)
    await page.getByTestId(`followup-call-${unhappy.orderNo}`).waitFor({ state: 'detached' })
    await page.getByTestId(`followup-call-${other.orderNo}`).waitFor()
    await shot('followup-03-complaint-opened')

    await page.getByTestId('nav-complaints').click()
    await page.getByTestId(`complaint-open-${yymm}-002`).waitFor()
    expect(await page.getByTestId(`complaint-status-${yymm}-002`).innerText()).toBe('待回复')
    const lateTag = page.getByTestId(`complaint-overdue-${yymm}-001`)
    expect(await lateTag.innerText()).toContain('逾期')
    expect(await lateTag.evaluate((el) => getComputedStyle(el).color)).toMatch(/rgb\(2[0-9]{2}, [0-9]{1,2}, [0-9]{1,2}\)/)
    await shot('followup-04-complaints-list')
    await page.getByTestId('complaints-filter-overdue').click()
    await page.getByTestId(`complaint-open-${yymm}-002`).waitFor({ state: 'detached' })
    await page.getByTestId(`complaint-open-${yymm}-001`).waitFor()
    await page.getByTestId('complaints-filter-all').click()

    await page.getByTestId(`complaint-open-${yymm}-002`).click()
    await page.getByTestId('complaint-detail').waitFor()
    expect(await page.getByTestId('complaint-description-text').innerText()).toBe('换屏后收费比报价高了 80 元，没人解释')
    expect(await page.getByTestId('complaint-order').innerText()).toBe(unhappy.orderNo)
    expect(await page.getByTestId('complaint-owner').innerText()).toBe('王店长')
    expect(await page.getByTestId('complaint-response-due').innerText()).toBe(addWorkingDays(today(), 2, NO_HOLIDAYS))
    await shot('followup-05-complaint-detail')
    // Resolving before responding is not offered: the next step is the response.
    await page.getByTestId('complaint-response').fill('已致电客户道歉，解释多出的 80 元为屏幕排线费，愿意退还')
    await page.getByTestId('complaint-step').click()
    await page.waitForFunction(() => document.querySelector('[data-testid="complaint-status"]')?.textContent === '已回复')
    await page.getByTestId('complaint-resolution').waitFor()
    await page.getByTestId('complaint-correctiveAction').waitFor()
    expect(await page.getByTestId('complaint-response-text').innerText()).toContain('已致电客户道歉')
    await shot('followup-06-complaint-responded')
    const saved = await rpc(page, 'complaints.list', { status: 'responded' })
    expect(saved.map((c) => c.complaintNo)).toEqual([`${yymm}-002`])
    expect(app.pageErrors).toEqual([])
  })

  it('a phone complaint typed at the counter takes its order’s customer and is owned by whoever typed it', async () => {
    const [, other] = picked
    await page.keyboard.press('Escape')
    await page.getByTestId('complaint-detail').waitFor({ state: 'hidden' })
    await page.getByTestId('complaint-new').click()
    await page.getByTestId('complaint-create-dialog').waitFor()
    await page.getByTestId('complaint-orderNo').fill('2099-9999')
    await page.getByTestId('complaint-description').fill('取机时等了四十分钟')
    await page.getByTestId('complaint-create').click()
    await page.getByTestId('orderNo-error').waitFor()
    await page.getByTestId('complaint-orderNo').fill(other.orderNo)
    await page.getByTestId('orderNo-error').waitFor({ state: 'detached' })
    await shot('followup-07-new-complaint')
    await page.getByTestId('complaint-create').click()
    await page.getByTestId('complaint-detail').waitFor()
    await page.waitForFunction(() => document.querySelector('[data-testid="complaint-description-text"]')?.textContent === '取机时等了四十分钟')
    expect(await page.getByTestId('complaint-order').innerText()).toBe(other.orderNo)
    expect(await page.getByTestId('complaint-status').innerText()).toBe('待回复')
    await page.keyboard.press('Escape')
    await page.getByTestId('complaints-filter-overdue').click()
    await page.waitForTimeout(300)
    const rows = await page.getByTestId('complaints-list').locator('tbody tr').allInnerTexts()
    expect(rows).toHaveLength(1)
    expect(rows[0]).toContain('说好两天修好')
    await shot('followup-08-overdue-filter')
    expect(app.pageErrors).toEqual([])
  })
})
