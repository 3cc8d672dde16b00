/**
 * What the counter sees of printing, in Chromium against the built app: a ticket waiting for paper
 * (with the reason, printed by itself once paper is back), a ticket sent but not confirmed (the
 * indicator counts it; "It printed" settles it), and the printer settings.
 */
import type { Page } from 'playwright-core'
import type { PrintJobView } from '../../src/shared/contract/printing'
import { until, type BridgeProcess } from '../helpers/bridge-process'
import { startBridgeWithPrinter, type BridgeWithPrinter } from '../helpers/bridge-with-printer'
import { liveIntake, sampleIntake } from '../helpers/core'
import type { PrinterEmulator } from '../helpers/printer-emulator'

let env: BridgeWithPrinter
let printer: PrinterEmulator
let app: BridgeProcess
let page: Page
let shot: BridgeWithPrinter['shot']

let mobile = 13900004000
const intake = async () =>
  (await app.ok<{ order: { id: number; orderNo: string } }>('intake.create', liveIntake({ customer: { ...sampleIntake().customer, mobile: String(++mobile) } })))
    .order
const jobsOf = (orderId: number) => () => app.ok<PrintJobView[]>('printing.jobs', { orderId })

async function openOrder(orderNo: string) {
  await page.getByTestId('nav-orders').click()
  await page.getByTestId(`order-row-${orderNo}`).click()
  await page.getByTestId('print-jobs').waitFor()
}

beforeAll(async () => {
  env = await startBridgeWithPrinter({
    name: 'print'
  })
  ;({ printer, app, page, shot } = env)
}, 60_000)
afterAll(() => env?.close())

describe('printing at the counter', () => {
  it('a ticket waiting for paper says so, and prints by itself when paper is back', async () => {
    printer.setStatus({ paperOut: true })
    const order = await intake()
    await until('waiting for paper', jobsOf(order.id), (js) => js[0]?.lastError === 'printer.detail.paperOut')
    await openOrder(order.orderNo)
    await page.getByTestId('printer-pending').getByText('待打印 1').waitFor()
    await page.getByText('打印机缺纸').first().waitFor()
    await expect.poll(() => page.getByTestId('printer-status').getAttribute('data-state')).toBe('error')
    await shot('print-waiting-paper-out')
    printer.setStatus({ paperOut: false })
    await page.getByTestId('print-jobs').getByText('已打印').waitFor({ timeout: 20_000 })
    await page.getByTestId('printer-pending').waitFor({ state: 'detached', timeout: 20_000 })
    expect(printer.jobs.length).toBe(1)
  })

  it('a ticket sent but not confirmed is counted on the indicator and settled with one click', async () => {
    printer.setStatus({ muteOnJob: true })
    const order = await intake()
    const [job] = await until('unconfirmed', jobsOf(order.id), (js) => js[0]?.status === 'unconfirmed', 30_000)
    printer.setStatus({ muteOnJob: false })
    await openOrder(order.orderNo)
    await page.getByTestId('print-unconfirmed-notice').waitFor()
    await page.getByTestId('printer-unconfirmed').getByText('1 张待确认').waitFor()
    await expect.poll(() => page.getByTestId(`job-status-${job.id}`).getAttribute('data-status')).toBe('unconfirmed')
    await page.getByTestId(`job-reprint-${job.id}`).waitFor()
    await shot('print-unconfirmed')
    await page.getByTestId(`job-confirm-${job.id}`).click()
    await expect.poll(() => page.getByTestId(`job-status-${job.id}`).getAttribute('data-status')).toBe('done')
    await page.getByTestId('printer-unconfirmed').waitFor({ state: 'detached' })
    await page.getByTestId('print-unconfirmed-notice').waitFor({ state: 'detached' })
    await shot('print-unconfirmed-confirmed')
  })

  it('shows the printer settings: status reporting and the cash drawer', async () => {
    await page.getByTestId('nav-settings').click()
    await page.getByTestId('settings-tab-printer').click()
    await page.locator('#printer-reportsStatus').waitFor()
    expect(await page.locator('#printer-reportsStatus').getAttribute('aria-checked')).toBe('true')
    expect(await page.locator('#printer-openDrawerOnCash').getAttribute('aria-checked')).toBe('true')
    await shot('settings-printer')
  })
})
