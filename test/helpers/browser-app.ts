import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'

const ROOT = resolve(__dirname, '../..')
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

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
  // RC_OUT_DIR: a build of one's own (electron-vite build --outDir X) so parallel work never shares out/
  const outDir = process.env.RC_OUT_DIR ?? 'out'
  const bridgeJs = resolve(ROOT, outDir, 'main/bridge.js')
  if (!existsSync(bridgeJs)) throw new Error(`${outDir}/main/bridge.js is missing: run \`npm run build\` first (npm test does)`)
  const dataDir = mkdtempSync(join(tmpdir(), 'rc-e2e-'))
  // NODE_PATH: a build outside the checkout still finds the checkout's node_modules
  const env = { ...process.env, NODE_PATH: join(ROOT, 'node_modules') }
  const child = spawn(process.execPath, [bridgeJs, '--data', dataDir, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'], env })
  const stopBridge = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM')
      await new Promise((r) => child.once('exit', r))
    }
    rmSync(dataDir, { recursive: true, force: true })
  }
  let url: string
  let browser: Browser
  try {
    url = await bridgeUrl(child)
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
      headless: true
    })
  } catch (error) {
    await stopBridge() // never leave a bridge process behind
    throw error
  }
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: opts.locale ?? 'zh-CN', acceptDownloads: true })
  const page = await context.newPage()
  page.setDefaultTimeout(10_000)
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

function bridgeUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    let out = ''
    let err = ''
    const timer = setTimeout(() => reject(new Error(`bridge did not start: ${out}${err}`)), 20_000)
    child.stderr?.on('data', (d) => (err += d))
    child.stdout?.on('data', (d) => {
      out += d
      const m = /BRIDGE_URL=(\S+)/.exec(out)
      if (m) {
        clearTimeout(timer)
        resolvePromise(m[1])
      }
    })
    child.once('exit', (code) => reject(new Error(`bridge exited (${code}): ${err}`)))
  })
}

export const SCREENSHOT_DIR = process.env.E2E_SCREENSHOTS ?? join(tmpdir(), 'rc-e2e-screens')
