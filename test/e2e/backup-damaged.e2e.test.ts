import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { launchChromium, SCREENSHOT_DIR } from '../helpers/browser-app'
import { spawnBridge, type SpawnedBridge } from '../helpers/bridge-process'
import { MANAGER, sampleIntake } from '../helpers/core'
import { createCore } from '../../src/main/core/create-core'
import { sha256, zeroPageOf } from '../db/damage'

// A store with a verified backup, then a zeroed page of work_order: the built bridge shows the
// damaged-database screen in Chromium, which offers the backup; the manager's PIN (from that backup)
// puts it in place in the same process, and the damaged file is kept aside byte for byte.
let dir: string
let dbPath: string
let bridge: SpawnedBridge
let browser: Browser

beforeAll(async () => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  dir = mkdtempSync(join(tmpdir(), 'rc-damaged-backup-'))
  dbPath = join(dir, 'repair-counter.sqlite')
  // The store in the data folder's own database file, as the bridge opens it, with one verified backup.
  const core = await createCore({ userDataDir: dir, dbPath, logError: () => undefined, backupAtStart: false })
  const ok = async (channel: string, input: unknown) => {
    const r = await core.router.call({ sessionKey: 'setup' }, channel, input)
    if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`)
  }
  await ok('setup.create', { store: { name: '诚信手机维修中心', address: '', phone: '0755-12345678', receiptFooter: '' }, timeZone: 'Asia/Shanghai', locale: 'zh-CN', manager: MANAGER })
  const base = sampleIntake()
  await ok('intake.create', { ...base, service: { ...base.service, promisedDate: new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10) } })
  await ok('backups.now', {})
  await core.close()
  zeroPageOf(dbPath, 'work_order')
}, 60_000)
afterAll(async () => {
  await browser?.close()
  await bridge?.stop()
  rmSync(dir, { recursive: true, force: true })
})

it('offers the newest good backup on the damaged-database screen and restores it with the manager’s PIN', async () => {
  const damagedSha = sha256(dbPath)
  bridge = spawnBridge(dir)
  const url = await bridge.url
  browser = await launchChromium()
  const page = await (await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' })).newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(String(e)))
  await page.goto(url)
  const screen = page.getByTestId('integrity-screen')
  await screen.waitFor()
  await expect.poll(() => screen.innerText()).toContain('最新的备份')
  expect(await screen.innerText()).toMatch(/repair-counter_\d{4}-\d\d-\d\d_\d{6}\.sqlite/)
  await page.locator('#restore-username').fill(MANAGER.username)
  await page.locator('#restore-pin').fill('0000')
  await page.getByTestId('integrity-restore-submit').click()
  await page.getByTestId('integrity-restore-error').getByText(/PIN 不正确/).waitFor()
  await page.locator('#restore-pin').fill(MANAGER.pin)
  await page.waitForTimeout(500)
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'backup-04-damaged-offers-backup.png'), fullPage: true })
  expect(sha256(dbPath)).toBe(damagedSha)
  await page.getByTestId('integrity-restore-submit').click()
  await page.getByTestId('integrity-restore-done').waitFor()
  // The page reloads on the reopened app: sign-in, no damaged screen.
  await page.locator('#signin-pin').waitFor({ timeout: 20_000 })
  const aside = readdirSync(dir).filter((f) => /^repair-counter\.sqlite\.replaced-\d{8}T\d{6}Z$/.test(f))
  expect(aside).toHaveLength(1)
  expect(sha256(join(dir, aside[0]))).toBe(damagedSha)
  await page.waitForTimeout(500)
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'backup-05-restored-sign-in.png'), fullPage: true })
  expect(errors).toEqual([])
}, 120_000)
