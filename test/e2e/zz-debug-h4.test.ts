import { startBrowserApp, type BrowserApp } from '../helpers/browser-app'
import { rpc, setUpStoreInBrowser } from '../helpers/e2e-counter'
let app: BrowserApp
afterAll(async () => app?.close())
it('debug', async () => {
  app = await startBrowserApp({ locale: 'zh-CN' })
  const page = app.page
  await setUpStoreInBrowser(page)
  await page.locator('#customer-mobile').waitFor()
  await page.locator('#purchase-invoiceDate').focus()
  await page.keyboard.press('Enter')
  const st = () => page.evaluate(() => `${document.activeElement?.id} expanded=${document.activeElement?.getAttribute('aria-expanded')}`)
  console.log('after enter', await st())
  await page.keyboard.type('3')
  console.log('after 3', await st(), await page.locator('.ant-select-selection-item').allInnerTexts())
  await page.waitForTimeout(300)
  console.log('after wait', await st())
  await page.keyboard.press('Tab')
  console.log('after tab', await st(), await page.locator('.ant-select-selection-item').allInnerTexts())
  await page.screenshot({ path: '/tmp/h4-debug.png' })
  void rpc
}, 60000)
