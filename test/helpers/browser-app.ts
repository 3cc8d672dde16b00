import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { spawnBridge } from './bridge-process'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Debian's Chromium, headless, with nothing that would reach beyond loopback. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    headless: true
  })
}

/** A counter-sized window; two cores are shared by Chromium, the bridge and a second test worker, so a step may wait its turn. */
export async function counterPage(browser: Browser, locale = 'zh-CN'): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1366, height: 900 }, locale, acceptDownloads: true })).newPage()
  page.setDefaultTimeout(20_000)
  return page
}

export interface BrowserApp {
  url: string
  dataDir: string
  browser: Browser
  page: Page
  /** Console errors and uncaught exceptions seen in the page. */
  pageErrors: string[]
  close(): Promise<void>
}

/**
 * The app exactly as `npm run start:browser` runs it: the built bridge (out/main/bridge.js) on a
 * fresh data folder, and Debian's Chromium driven by playwright-core. Nothing is seeded.
 */
export async function startBrowserApp(opts: { locale?: string } = {}): Promise<BrowserApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'rc-e2e-'))
  const bridge = spawnBridge(dataDir)
  const stopBridge = async () => {
    await bridge.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
  let url: string
  let browser: Browser
  try {
    url = await bridge.url
    browser = await launchChromium()
  } catch (error) {
    await stopBridge() // never leave a bridge process behind
    throw error
  }
  const page = await counterPage(browser, opts.locale)
  const pageErrors: string[] = []
  page.on('pageerror', (e) => pageErrors.push(String(e)))
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(m.text())
  })
  await page.goto(url)
  return {
    url,
    dataDir,
    browser,
    page,
    pageErrors,
    async close() {
      await browser.close()
      await stopBridge()
    }
  }
}

export const SCREENSHOT_DIR = process.env.E2E_SCREENSHOTS ?? join(tmpdir(), 'rc-e2e-screens')
