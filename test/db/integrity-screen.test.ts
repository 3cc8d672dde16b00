import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { launchChromium, SCREENSHOT_DIR } from '../helpers/browser-app'
import { spawnBridge, type SpawnedBridge as BridgeProcess } from '../helpers/bridge-process'
import { buildStore, sha256, zeroPageOf } from './damage'

// The built start:browser app on a data folder whose database has a zeroed page of work_order:
// Chromium shows the explanation (both languages), the bridge answers DATABASE_DAMAGED, the file
// stays byte for byte as it was.
let dir: string
let dbPath: string
let bridge: BridgeProcess
let browser: Browser

beforeAll(async () => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  const store = await buildStore()
  dir = mkdtempSync(join(tmpdir(), 'rc-damaged-'))
  dbPath = join(dir, 'repair-counter.sqlite')
  copyFileSync(store, dbPath)
  rmSync(join(store, '..'), { recursive: true, force: true })
  zeroPageOf(dbPath, 'work_order')
}, 60_000)
afterAll(async () => {
  await browser?.close()
  await bridge?.stop()
  rmSync(dir, { recursive: true, force: true })
})

it('explains a damaged database in Chromium and never writes to it', async () => {
  const before = sha256(dbPath)
  bridge = spawnBridge(dir)
  const url = await bridge.url
  await expect.poll(() => bridge.stderr()).toMatch(/not opened for writing: corrupt/)

  browser = await launchChromium()
  const page = await (await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' })).newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(String(e)))
  await page.goto(url)
  const screen = page.getByTestId('integrity-screen')
  await screen.waitFor()
  await expect.poll(() => screen.innerText()).toContain('数据库已损坏或无法识别')
  const text = await screen.innerText()
  expect(text).toContain('The database is damaged or not recognised')
  expect(text).toContain('完整性检查发现损坏的页面')
  expect(text).toContain('没有找到备份')
  expect(text).toContain(dbPath)
  expect(text).toMatch(/page \d+/)
  // No way into the app: no sign-in, no setup form.
  expect(await page.locator('#store-name, input[type=password]').count()).toBe(0)
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'integrity-damaged.png'), fullPage: true })

  // The bridge itself answers every channel with the typed error.
  const token = new URL(url).searchParams.get('token')!
  const res = await fetch(new URL('/rpc/auth.signIn', url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'x-bridge-token': token, 'x-session': 'probe-session' },
    body: JSON.stringify({ username: 'boss', pin: '2468' })
  })
  expect((await res.json()).error.code).toBe('DATABASE_DAMAGED')
  expect(errors).toEqual([])

  await bridge.stop()
  expect(sha256(dbPath)).toBe(before)
}, 120_000) // a bridge and Chromium on a shared two-core machine
