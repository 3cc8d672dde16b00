import Database from 'better-sqlite3'
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { SCREENSHOT_DIR, startBrowserApp, type BrowserApp } from '../helpers/browser-app'
import { rpc, setUpStoreInBrowser } from '../helpers/e2e-counter'
import { MANAGER, sampleIntake } from '../helpers/core'

// Settings → 备份 in Chromium on the built bridge: Backup now, a refused folder, the list, and a
// restore with the manager's PIN that reopens the app on the restored database in the same process.
let app: BrowserApp
let page: Page

beforeAll(async () => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  app = await startBrowserApp({ locale: 'zh-CN' })
  page = app.page
  await setUpStoreInBrowser(page)
  // Past the first-start-of-day backup's delay (3 s), so it cannot come after the test's own.
  await page.waitForTimeout(4000)
}, 60_000)
afterAll(() => app?.close())

/** An intake promised for a few days from the real today (the bridge runs on the wall clock). */
const intake = () => {
  const base = sampleIntake()
  return { ...base, service: { ...base.service, promisedDate: new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10) } }
}
// After antd's motion (tab ink bar, field messages) has settled.
const shot = async (name: string) => (await page.waitForTimeout(700), page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true }))
const orders = (dir: string) => {
  const db = new Database(join(dir, 'repair-counter.sqlite'), { readonly: true })
  try {
    return (db.prepare('SELECT count(*) AS n FROM work_order').get() as { n: number }).n
  } finally {
    db.close()
  }
}

describe('backups in a browser', () => {
  it('backs up now, refuses a network folder, lists the backup', async () => {
    await rpc(page, 'intake.create', intake())
    await page.getByTestId('nav-settings').click()
    await page.getByTestId('settings-tab-backup').click()
    const section = page.getByTestId('settings-backup')
    await section.waitFor()
    await page.getByTestId('backup-now').click()
    await page.getByText(/备份完成并已校验/).waitFor()
    const list = page.getByTestId('backup-list')
    await list.getByText('已通过').waitFor()
    await list.getByText('手动').waitFor()
    // The newest backup of the day is kept (rotation), so one row.
    expect(await list.locator('tbody tr.ant-table-row').count()).toBe(1)

    await page.locator('#backup-folder').fill('\\\\NAS\\备份')
    await page.getByTestId('settings-backup-save').click()
    await page.getByTestId('backup-folder-error').getByText(/不能是网络路径/).waitFor()
    await shot('backup-01-settings')
    await page.getByTestId('settings-backup-reset').click()

    // A USB drive from another PC: its files are listed apart, to be checked when restored.
    const usb = join(app.dataDir, 'usb')
    mkdirSync(usb)
    const listed = await rpc(page, 'backups.list', {})
    copyFileSync(listed.backups[0].path, join(usb, '旧电脑备份.sqlite'))
    await page.locator('#backup-folder').fill(usb)
    await page.getByTestId('settings-backup-save').click()
    const found = page.getByTestId('backup-found')
    await found.getByText('旧电脑备份.sqlite').waitFor()
    await shot('backup-01b-found')
    await page.locator('#backup-folder').fill('')
    await page.getByTestId('settings-backup-save').click()
    await found.waitFor({ state: 'detached' })
  })

  it('restores with the manager’s PIN: the app reopens on the backup, the replaced database is kept', async () => {
    await rpc(page, 'intake.create', intake())
    expect(orders(app.dataDir)).toBe(2)
    await page.getByTestId('backup-restore').first().click()
    const dialog = page.locator('.ant-modal')
    await dialog.getByText(/当前数据库将被替换/).waitFor()
    await page.locator('#approval-username').fill(MANAGER.username)
    await page.locator('#approval-pin').fill('0000')
    await page.locator('#backup-restore-confirm').click()
    await page.getByTestId('approval-pin-error').waitFor()
    await page.locator('#approval-pin').fill(MANAGER.pin)
    await shot('backup-02-restore-dialog')
    await page.locator('#backup-restore-confirm').click()
    await page.getByText(/已恢复，程序已重新打开数据库/).waitFor()
    // The page reloads on the reopened core: everyone signs in again.
    await page.locator('#signin-pin').waitFor({ timeout: 20_000 })
    expect(orders(app.dataDir)).toBe(1)
    expect(readdirSync(app.dataDir).filter((f) => f.startsWith('repair-counter.sqlite.replaced-'))).toHaveLength(1)
    await rpc(page, 'auth.signIn', { username: MANAGER.username, pin: MANAGER.pin })
    await page.reload()
    await page.getByTestId('nav-settings').click()
    await page.getByTestId('settings-tab-backup').click()
    await page.getByTestId('backup-last-restore').waitFor()
    await shot('backup-03-after-restore')
    expect(app.pageErrors).toEqual([])
  }, 60_000)
})
