import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { SCREENSHOT_DIR, startBrowserApp, type BrowserApp } from '../helpers/browser-app'
import { rpc } from '../helpers/e2e-counter'
import { MANAGER } from '../helpers/core'

// The manager's audit screen and the recovery code, through the real UI in Chromium.
let app: BrowserApp
let page: Page

beforeAll(async () => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  app = await startBrowserApp({ locale: 'zh-CN' })
  page = app.page
}, 60_000)
afterAll(() => app?.close())

const shot = (name: string) => page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true })
const byId = (id: string) => page.locator(`#${id}`)

describe('audit log and recovery in a browser', () => {
  let recoveryCode = ''

  it('shows the recovery code once at setup', async () => {
    await byId('store-name').waitFor()
    await byId('store-name').fill('诚信手机维修中心')
    await byId('manager-username').fill(MANAGER.username)
    await byId('manager-displayName').fill(MANAGER.displayName)
    await byId('manager-pin').fill(MANAGER.pin)
    await byId('manager-pinConfirm').fill(MANAGER.pin)
    await page.getByTestId('setup-submit').click()
    await expect.poll(() => page.getByTestId('recovery-code').textContent()).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/)
    recoveryCode = (await page.getByTestId('recovery-code').textContent()) ?? ''
    await shot('audit-01-setup-recovery-code')
    await page.getByTestId('recovery-code-done').click()
    await page.getByTestId('current-user').getByText(MANAGER.displayName).waitFor()
  })

  it('lists changes with old and new values, filters and pages', async () => {
    await rpc(page, 'users.create', { username: 'xiaoli', displayName: '李小丽', role: 'counter', pin: '1357' })
    const users = await rpc(page, 'users.list', {})
    const li = users.find((u) => u.username === 'xiaoli')!
    await rpc(page, 'users.update', { id: li.id, displayName: '李丽', role: 'technician' })
    await rpc(page, 'users.update', { id: li.id, pin: '97531' })
    const settings = await rpc(page, 'settings.get', {})
    await rpc(page, 'settings.update', { store: { ...settings.store, phone: '0755-88888888', receiptFooter: '保修 90 天' } })
    // Someone at another window tries names and PINs (a separate browser tab = its own session).
    const other = await page.context().newPage()
    await other.goto(app.url)
    await other.locator('#signin-pin').waitFor()
    for (const username of ['mallory', 'xiaoli', 'xiaoli', 'xiaoli', 'xiaoli']) {
      await other.evaluate(
        async ([u]) =>
          fetch('/rpc/auth.signIn', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', 'x-bridge-token': sessionStorage.getItem('bridgeToken') ?? '', 'x-session': sessionStorage.getItem('bridgeSession') ?? '' },
            body: JSON.stringify({ username: u, pin: '0000' })
          }),
        [username]
      )
    }
    await other.close()
    for (let i = 0; i < 60; i++) await rpc(page, 'settings.update', { locale: i % 2 ? 'zh-CN' : 'en' })

    await page.getByTestId('nav-audit').click()
    const table = page.getByTestId('audit-table')
    await table.getByText('修改设置').first().waitFor()
    await expect.poll(() => page.getByTestId('audit-older').isEnabled()).toBe(true)
    await page.getByTestId('audit-older').click()
    await expect.poll(() => page.getByTestId('audit-page').textContent()).toBe('第 2 页')
    await table.getByText('未知用户名登录失败').waitFor()
    await table.getByText('输入的用户名：mallory').waitFor()
    await shot('audit-02-page-2')

    // Filter: one user's account changes.
    await page.getByTestId('audit-filter-action').click()
    await page.keyboard.type('修改用户')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.getByTestId('audit-page').textContent()).toBe('第 1 页')
    await table.getByText('PIN 已重置').waitFor()
    await page.keyboard.press('Escape')
    // The previous page stays on screen until the filtered one arrives: wait for the filter to show.
    await expect.poll(async () => (await table.textContent()) ?? '').not.toContain('修改设置')
    const text = (await table.textContent()) ?? ''
    expect(text).toContain('displayName')
    expect(text).toContain('李小丽')
    expect(text).toContain('李丽')
    expect(text).not.toContain('97531')
    expect(text).not.toContain('修改设置')
    await shot('audit-03-filtered-users-update')
  })

  it('shows a locked user in Settings → Users, and the manager unlocks her', async () => {
    // Four wrong PINs came from the other tab; a fifth from a third tab locks her.
    const third = await page.context().newPage()
    await third.goto(app.url)
    await third.locator('#signin-pin').waitFor()
    await third.evaluate(async () =>
      fetch('/rpc/auth.signIn', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'x-bridge-token': sessionStorage.getItem('bridgeToken') ?? '', 'x-session': sessionStorage.getItem('bridgeSession') ?? '' },
        body: JSON.stringify({ username: 'xiaoli', pin: '0000' })
      })
    )
    await third.close()
    await page.getByTestId('nav-settings').click()
    await page.getByTestId('settings-tab-users').click()
    await page.getByTestId('user-locked-xiaoli').waitFor()
    await shot('audit-06-users-locked')
    await page.getByTestId('user-unlock-xiaoli').click()
    await page.getByTestId('user-locked-xiaoli').waitFor({ state: 'detached' })
    const li = (await rpc(page, 'users.list', {})).find((u) => u.username === 'xiaoli')
    expect(li?.lockedUntil).toBeNull()
  })

  it('the manager gets back in with the recovery code after being locked out', async () => {
    await page.getByTestId('sign-out').click()
    await byId('signin-pin').waitFor()
    await byId('signin-user').click()
    await page.keyboard.type(MANAGER.displayName)
    await page.keyboard.press('Enter')
    for (let i = 0; i < 5; i++) {
      await byId('signin-pin').fill('0000')
      await page.keyboard.press('Enter')
      await expect.poll(() => byId('signin-pin').inputValue()).toBe('')
    }
    await page.getByTestId('signin-error').getByText(/秒后再试/).waitFor()
    await shot('audit-04a-manager-locked')
    await page.getByTestId('recover-open').click()
    await byId('recover-recoveryCode').fill(recoveryCode.toLowerCase())
    await byId('recover-pin').fill('8642')
    await byId('recover-pinConfirm').fill('8642')
    await shot('audit-04-recover-form')
    await page.getByTestId('recover-submit').click()
    await expect.poll(() => page.getByTestId('recovery-code').textContent()).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/)
    expect(await page.getByTestId('recovery-code').textContent()).not.toBe(recoveryCode)
    await shot('audit-05-new-recovery-code')
    await page.getByTestId('recovery-code-done').click()
    await page.getByTestId('current-user').getByText(MANAGER.displayName).waitFor()
    expect(app.pageErrors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([])
  })
})
