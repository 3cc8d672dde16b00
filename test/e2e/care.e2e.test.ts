/**
 * Customer care in Chromium against the built app: the counter's "to notify" list and its notice
 * dialog (message from the template, copy button), the loaner pool and a loan made from the order
 * page (the claim ticket preview gains the loaner), the loans out, and a comeback's link on the
 * order page. Screenshots of each screen for a person to look at.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { localDate } from '../../src/shared/domain/dates'
import { SCREENSHOT_DIR, startBrowserApp, type BrowserApp } from '../helpers/browser-app'
import { rpc, setUpStoreInBrowser } from '../helpers/e2e-counter'
import { MANAGER, nextImei, sampleIntake } from '../helpers/core'

let app: BrowserApp
let page: Page
let ready = { id: 0, orderNo: '', claimCode: '' }
let second = { id: 0, orderNo: '' }
const serial = nextImei()

const shot = async (name: string) => {
  await page.waitForTimeout(400) // modals and tables animate in
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true })
}
const signIn = async (username: string, pin: string) => {
  await rpc(page, 'auth.signIn', { username, pin })
}

async function openOrder(orderNo: string): Promise<void> {
  await page.getByTestId('nav-orders').click()
  await page.getByTestId(`order-row-${orderNo}`).click()
  await page.getByTestId('order-page').waitFor()
}

/** Through the bench as helper R's channels make it: a technician repairs, the manager passes QC. */
async function toReady(orderId: number): Promise<void> {
  await rpc(page, 'repairs.assign', { orderId, technicianId: 2 })
  await signIn('tech1', '1357')
  for (const to of ['diagnosing', 'repairing', 'qualityCheck'] as const) await rpc(page, 'repairs.step', { orderId, to, note: '' })
  await signIn(MANAGER.username, MANAGER.pin)
  await rpc(page, 'repairs.qc', { orderId, passed: true, reason: '' })
}

beforeAll(async () => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  app = await startBrowserApp({ locale: 'zh-CN' })
  page = app.page
  await setUpStoreInBrowser(page)
  await rpc(page, 'users.create', { username: 'tech1', displayName: '技术员小王', role: 'technician', pin: '1357' })
  const service = { type: 'paid', estimateFen: 30000, depositFen: 0, depositMethod: null, promisedDate: localDate(new Date(Date.now() + 3 * 86_400_000), 'Asia/Shanghai'), technicianId: null }
  const device = { category: 'phone', brand: '华为', model: 'Mate 60', serial, colour: '黑色' }
  const first = (await rpc(page, 'intake.create', sampleIntake({ service, device, purchase: { invoiceDate: null, invoiceNo: '' } }))).order
  ready = { id: first.id, orderNo: first.orderNo, claimCode: first.claimCode }
  await toReady(ready.id)
  const other = (await rpc(page, 'intake.create', sampleIntake({ service, customer: { name: '李四', mobile: '13900001111', landline: '', address: '' }, purchase: { invoiceDate: null, invoiceNo: '' } }))).order
  second = { id: other.id, orderNo: other.orderNo }
  await rpc(page, 'loaners.create', { code: 'BY-01', device: '华为 畅享 20', serial: '860000000000001', condition: '九成新', depositFen: 50000 })
  await rpc(page, 'loaners.create', { code: 'BY-02', device: '小米 Redmi 12', serial: '', condition: '八成新，背面划痕', depositFen: 30000 })
  await page.reload()
  await page.getByTestId('current-user').waitFor()
}, 120_000)
afterAll(async () => {
  await app?.close()
})

describe('customer care screens', () => {
  it('notices: the ready order is on the list; a message from the template is shown with a copy button and logged', async () => {
    await page.getByTestId('nav-notices').click()
    await page.getByTestId(`notice-notify-${ready.orderNo}`).waitFor()
    await shot('care-01-notices-to-notify')
    await page.getByTestId(`notice-notify-${ready.orderNo}`).click()
    await page.getByTestId('notice-channel').getByText('短信/微信').click()
    await page.getByTestId('notice-copy').waitFor()
    await page.waitForFunction(() => (document.querySelector('[data-testid="notice-text"]') as HTMLTextAreaElement | null)?.value.includes('已修好'))
    const text = await page.getByTestId('notice-text').inputValue()
    expect(text).toContain(`单号 ${ready.orderNo}`)
    expect(text).toContain('诚信手机维修中心')
    await shot('care-02-notice-message')
    await page.getByTestId('notice-record').click()
    await page.getByTestId(`notice-notify-${ready.orderNo}`).waitFor({ state: 'detached' })
    expect((await rpc(page, 'notices.forOrder', { orderId: ready.id })).map((n) => n.outcome)).toEqual(['sent'])
    await page.getByTestId('notices-uncollected-tab').click()
    await shot('care-03-notices-uncollected')
    await page.getByTestId('notices-template-tab').click()
    await page.getByTestId('notices-template-zh-CN').waitFor()
    expect(await page.getByTestId('notices-template-zh-CN').inputValue()).toContain('{orderNo}')
    await shot('care-03b-notice-template')
  })

  it('order page: lends a loaner; the claim ticket shows it; the loaners screen lists it out', async () => {
    await page.getByTestId('nav-loaners').click()
    await page.getByTestId('loaners-pool-tab').click()
    await page.getByTestId('loaner-edit-BY-01').waitFor()
    await shot('care-04-loaner-pool')
    await page.getByTestId('loaner-add').click()
    await page.getByTestId('loaner-code').fill('BY-01')
    await page.getByTestId('loaner-device').fill('重复')
    await page.getByTestId('loaner-deposit').fill('100')
    await page.getByTestId('loaner-save').click()
    await page.getByTestId('code-error').waitFor()
    expect(await page.getByTestId('code-error').textContent()).toBe('这个编号已被另一台备用机使用')
    await shot('care-05-loaner-add-duplicate')
    await page.keyboard.press('Escape')

    await openOrder(second.orderNo)
    await page.getByTestId('order-loaner-lend').click()
    await page.getByTestId('lend-loaner').click()
    await page.getByText('BY-02 · 小米 Redmi 12').click()
    await page.getByTestId('lend-method').getByText('微信').click()
    await shot('care-06-lend-dialog')
    await page.getByTestId('lend-submit').click()
    await page.getByTestId('order-loaner-open').waitFor()
    expect(await page.getByTestId('order-loaner-open').textContent()).toContain('已借出 BY-02 小米 Redmi 12')
    const ticket = await rpc(page, 'printing.preview', { orderId: second.id, kind: 'claimTicket' })
    expect(JSON.stringify(ticket)).toContain('BY-02 小米 Redmi 12')
    await shot('care-07-order-loaner-lent')

    await page.getByTestId('nav-loaners').click()
    await page.getByTestId('loaners-out-tab').click()
    await page.getByTestId(`loaner-order-${second.orderNo}`).waitFor()
    await shot('care-08-loaners-out')

    await openOrder(second.orderNo)
    await page.getByTestId('order-loaner-return').click()
    await page.getByTestId('return-outcome').getByText('扣留押金').click()
    await page.getByTestId('return-submit').click()
    await page.getByTestId('reason-error').waitFor()
    await shot('care-09-return-kept-needs-reason')
    await page.getByTestId('return-outcome').getByText('退还押金').click()
    await page.getByTestId('return-condition').fill('完好')
    await page.getByTestId('return-submit').click()
    await page.getByTestId('order-loaner-none').waitFor()
  })

  it('order page: a device back after pickup shows the comeback and its earlier order', async () => {
    // Handed back through pickup (helper P's channel), then taken in again the same day.
    const quote = await rpc(page, 'pickup.quote', { orderId: ready.id })
    const owed = quote.totals.balanceFen
    await rpc(page, 'pickup.complete', { orderId: ready.id, proof: { kind: 'code', value: ready.claimCode }, tenders: owed > 0 ? [{ method: 'cash', amountFen: owed }] : [] } as never)
    const service = { type: 'paid', estimateFen: 10000, depositFen: 0, depositMethod: null, promisedDate: localDate(new Date(Date.now() + 3 * 86_400_000), 'Asia/Shanghai'), technicianId: null }
    const back = (
      await rpc(page, 'intake.create', sampleIntake({ service, device: { category: 'phone', brand: '华为', model: 'Mate 60', serial, colour: '黑色' }, purchase: { invoiceDate: null, invoiceNo: '' } }))
    ).order
    await page.reload()
    await page.getByTestId('current-user').waitFor()
    await openOrder(back.orderNo)
    await page.getByTestId('order-comeback').waitFor()
    expect(await page.getByTestId('order-comeback').textContent()).toContain(ready.orderNo)
    await shot('care-10-order-comeback')
    await page.getByTestId('order-comeback-unflag').click()
    await page.getByTestId('unflag-submit').click()
    await page.getByTestId('reason-error').waitFor()
    await page.getByTestId('unflag-reason').fill('进水，与上次维修无关')
    await page.getByTestId('unflag-submit').click()
    await page.getByTestId('order-comeback').getByText('已取消返修标记').waitFor()
    await page.getByTestId('order-comeback-open').click()
    await page.getByTestId('order-no').getByText(ready.orderNo).waitFor()
    expect(app.pageErrors).toEqual([])
  })
})
