import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { counterPage, launchChromium, SCREENSHOT_DIR } from './browser-app'
import { kill9, startBridgeProcess, type BridgeProcess } from './bridge-process'
import { MANAGER } from './core'
import { startPrinterEmulator, type PrinterEmulator } from './printer-emulator'

export interface BridgeWithPrinter {
  dataDir: string
  printer: PrinterEmulator
  app: BridgeProcess
  browser: Browser
  page: Page
  shot(name: string): Promise<Buffer>
  close(): Promise<void>
}

interface Options {
  /** Names the data folder (rc-<name>-e2e-…). */
  name: string
  /** Store data the test needs before the window opens (users, parts, rows written by SQL). */
  prepare?: (app: BridgeProcess, dataDir: string) => Promise<void>
  /** Who signs in at the window (default: the manager). */
  signIn?: { username: string; pin: string }
  /** Kick the cash drawer on a cash payment (default: yes). */
  openDrawerOnCash?: boolean
}

/** First-run setup through the bridge (manager MANAGER), the receipt printer pointed at the emulator (GB18030, 80 mm unless said). */
export async function setUpPrintingStore(
  app: BridgeProcess,
  printer: PrinterEmulator,
  opts: { openDrawerOnCash?: boolean; widthMm?: 58 | 80; receiptFooter?: string } = {}
): Promise<void> {
  await app.ok('setup.create', {
    store: { name: '诚信手机维修中心', address: '深圳市福田区华强北路1号', phone: '0755-12345678', receiptFooter: opts.receiptFooter ?? '谢谢惠顾' },
    timeZone: 'Asia/Shanghai',
    locale: 'zh-CN',
    manager: MANAGER
  })
  await app.ok('settings.update', {
    printer: { enabled: true, interface: printer.url, widthMm: opts.widthMm ?? 80, type: 'epson', characterSet: 'GB18030', printDeviceTag: false, openDrawerOnCash: opts.openDrawerOnCash ?? false }
  })
}

/**
 * The built bridge on a fresh store (set up with MANAGER), its receipt printer a loopback ESC/POS
 * emulator (GB18030, drawer kick on cash), and Chromium signed in at the counter.
 */
export async function startBridgeWithPrinter({ name, prepare, signIn = MANAGER, openDrawerOnCash = true }: Options): Promise<BridgeWithPrinter> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  const dataDir = mkdtempSync(join(tmpdir(), `rc-${name}-e2e-`))
  const printer = await startPrinterEmulator()
  let app: BridgeProcess | undefined
  let browser: Browser | undefined
  const close = async () => {
    await browser?.close()
    if (app) await kill9(app)
    await printer.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
  try {
    app = await startBridgeProcess(dataDir)
    await setUpPrintingStore(app, printer, { openDrawerOnCash })
    await prepare?.(app, dataDir)
    browser = await launchChromium()
    const page = await counterPage(browser)
    await page.goto(app.url)
    await page.locator('#signin-user').click()
    await page.keyboard.type(signIn.username)
    await page.keyboard.press('Enter')
    await page.locator('#signin-pin').fill(signIn.pin)
    await page.keyboard.press('Enter')
    await page.getByTestId('current-user').waitFor()
    const shot = (file: string) => page.screenshot({ path: join(SCREENSHOT_DIR, `${file}.png`), fullPage: true })
    return { dataDir, printer, app, browser, page, shot, close }
  } catch (error) {
    await close() // never leave a bridge process or a browser behind
    throw error
  }
}
