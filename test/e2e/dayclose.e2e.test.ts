/**
 * The day close in Chromium against the built app: the banner at sign-in (a day left unclosed, the
 * opening float asked for), the float typed in the banner, the cash count with a shortage (refused
 * without a note, then closed with the manager's PIN), the frozen daily report on screen, its thermal
 * summary at the printer emulator, the A4 PDF's text (and a PNG of its first page) and the xlsx
 * opened with exceljs. Screenshots of each step.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import ExcelJS from 'exceljs'
import type { Page } from 'playwright-core'
import { SCREENSHOT_DIR } from '../helpers/browser-app'
import { until, type BridgeProcess } from '../helpers/bridge-process'
import { startBridgeWithPrinter, type BridgeWithPrinter } from '../helpers/bridge-with-printer'
import { MANAGER, sampleIntake } from '../helpers/core'
import { decodeEscPos, yen } from '../helpers/escpos-decode'
import { pdfText, pdfToPng } from '../helpers/pdf-text'
import type { PrinterEmulator } from '../helpers/printer-emulator'
import { addDays, localDate } from '../../src/shared/domain/dates'

let env: BridgeWithPrinter
let printer: PrinterEmulator
let app: BridgeProcess
let page: Page
let shot: BridgeWithPrinter['shot']

/** The bridge runs on the real clock. */
const today = localDate(new Date(), 'Asia/Shanghai')
const yesterday = addDays(today, -1)
const promisedDate = addDays(today, 7)

beforeAll(async () => {
  env = await startBridgeWithPrinter({
    name: 'dayclose',
    openDrawerOnCash: false,
    prepare: async (app, dataDir) => {
      // Today: a paid repair with a ¥100 cash deposit.
      const { order } = await app.ok<{ order: { id: number } }>(
        'intake.create',
        sampleIntake({
          purchase: { invoiceDate: '2024-01-05', invoiceNo: 'FP-0002' },
          service: { ...sampleIntake().service, type: 'paid', estimateFen: 30000, depositFen: 10000, depositMethod: 'cash', promisedDate }
        })
      )
      // Yesterday: activity on the timeline and no close (as if the shop forgot).
      const db = new Database(join(dataDir, 'repair-counter.sqlite'))
      try {
        db.pragma('busy_timeout = 5000')
        db.prepare(`INSERT INTO order_event (orderId, at, userId, kind, fromStatus, toStatus, note, detail) VALUES (?, ?, 1, 'assign', NULL, NULL, '', NULL)`).run(
          order.id,
          `${yesterday}T04:00:00.000Z`
        )
      } finally {
        db.close()
      }
    }
  })
  ;({ printer, app, page, shot } = env)
}, 60_000)
afterAll(() => env?.close())

describe('day close', () => {
  it('the banner, the float, a cash shortage closed with a note, the Z report printed, as PDF and as xlsx', async () => {
    // At sign-in: yesterday is listed as not closed, and today's float is asked for.
    const unclosed = page.getByTestId('dayclose-unclosed')
    await unclosed.waitFor()
    expect(await unclosed.textContent()).toContain(yesterday)
    await page.getByTestId('dayclose-float-prompt').waitFor()
    await shot('dayclose-banner')
    await page.getByTestId('dayclose-float-amount').fill('500')
    await page.getByTestId('dayclose-float-save').click()
    await page.getByTestId('dayclose-float-prompt').waitFor({ state: 'detached' })

    await page.getByTestId('dayclose-unclosed-go').click()
    await page.getByTestId('dayclose-close-form').waitFor()
    // Float ¥500 + the ¥100 cash deposit.
    await expect.poll(() => page.getByTestId('dayclose-expected-cash').textContent()).toBe('¥600.00')
    await page.getByTestId('dayclose-count-10000').fill('5')
    await page.getByTestId('dayclose-count-5000').fill('1')
    await page.getByTestId('dayclose-count-1000').fill('4')
    await expect.poll(() => page.getByTestId('dayclose-diff-cash').textContent()).toBe('-¥10.00')
    // Closing today is final for today's money: the screen says so before the close.
    expect(await page.getByTestId('dayclose-today-final').textContent()).toContain('今天日结后，今天不能再登记收款')
    // The close waits for the manager's PIN, which is checked as soon as it is typed.
    expect(await page.getByTestId('dayclose-close').isDisabled()).toBe(true)
    await page.getByTestId('dayclose-manager-user').fill(MANAGER.username)
    await page.getByTestId('dayclose-manager-pin').fill('0000')
    await page.getByTestId('dayclose-manager-pin').press('Enter')
    await expect.poll(() => page.getByTestId('approval-pin-error').textContent()).toContain('PIN 不正确')
    expect(await page.getByTestId('dayclose-close').isDisabled()).toBe(true)
    await page.waitForTimeout(500) // antd's fade-in, for the screenshot only
    await shot('dayclose-pin-wrong')
    await page.getByTestId('dayclose-manager-pin').fill(MANAGER.pin)
    await page.getByTestId('dayclose-manager-check').click()
    await expect.poll(() => page.getByTestId('dayclose-manager-granted').textContent()).toContain(`已确认：${MANAGER.displayName}`)
    // A count or a terminal total that cannot be read is named on its field, and nothing is closed.
    await page.getByTestId('dayclose-count-500').fill('2张')
    await page.getByTestId('dayclose-counted-card').fill('12,5')
    await page.getByTestId('dayclose-close').click()
    await expect.poll(() => page.getByTestId('dayclose-count-500-error').textContent()).toBe('请输入整数')
    expect(await page.getByTestId('dayclose-counted-card-error').textContent()).toBe('金额格式不正确（最多两位小数）')
    await shot('dayclose-unreadable')
    expect(await page.getByTestId('dayclose-state').textContent()).not.toBe('已日结')
    await page.getByTestId('dayclose-count-500').fill('')
    await page.getByTestId('dayclose-counted-card').fill('')
    await page.getByTestId('dayclose-close').click()
    // Short with no note: refused, the field says why.
    await expect.poll(() => page.getByTestId('note-error').textContent()).toBe('有长款或短款，请填写说明')
    await page.waitForTimeout(500) // antd's fade-in, for the screenshot only
    await shot('dayclose-count-shortage')
    await page.getByTestId('dayclose-note').fill('找零多给了10元')
    // The refused close kept the approval: the same button closes now.
    await page.getByTestId('dayclose-close').click()

    await page.getByTestId('zreport').waitFor()
    expect(await page.getByTestId('dayclose-state').textContent()).toBe('已日结')
    expect(await page.getByTestId('dayclose-closed-info').textContent()).toContain('长短款 -¥10.00')
    const cashTable = await page.getByTestId('zreport-cash').textContent()
    expect(cashTable).toContain('600.00')
    expect(cashTable).toContain('590.00')
    expect(cashTable).toContain('-10.00')
    expect(cashTable).toContain('找零多给了10元')
    // The backup after the close, verified.
    await expect.poll(() => page.getByTestId('dayclose-backup').textContent(), { timeout: 20_000 }).toContain('已备份并校验')
    await shot('dayclose-zreport')

    // The thermal summary at the printer.
    const before = printer.jobs.length
    await page.getByTestId('zreport-print').click()
    await until('z report printed', async () => printer.jobs.length, (n) => n > before)
    const slip = decodeEscPos(printer.jobs[before]).text
    expect(slip).toContain(`日报表 ${today}`)
    expect(slip).toContain('诚信手机维修中心')
    expect(slip).toMatch(/长短款\s+-￥10\.00/)
    expect(slip).toContain('找零多给了10元')
    expect(slip).toContain(yen('¥600.00').slice(1))

    // The A4 PDF: its text, and its first page as a PNG for a person to look at.
    const pdfDownload = page.waitForEvent('download')
    await page.getByTestId('zreport-pdf').click()
    const pdfFile = await pdfDownload
    expect(pdfFile.suggestedFilename()).toBe(`z-report-${today}.pdf`)
    const pdf = readFileSync((await pdfFile.path())!)
    const text = await pdfText(pdf)
    expect(text).toContain(`日报表 ${today}`)
    expect(text).toMatch(/长短款\s+-10\.00/)
    expect(text).toContain('客户商品进出登记簿')
    expect(text).toContain('收款方式汇总')
    await pdfToPng(pdf, join(SCREENSHOT_DIR, 'dayclose-zreport-pdf.png'))

    // The xlsx: one sheet per section, the cash figures as numbers.
    const xlsxDownload = page.waitForEvent('download')
    await page.getByTestId('zreport-xlsx').click()
    const xlsxFile = await xlsxDownload
    expect(xlsxFile.suggestedFilename()).toBe(`z-report-${today}.xlsx`)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile((await xlsxFile.path())!)
    expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['概况', '收款方式汇总', '现金', '退款', '优惠', '配件', '技术员工作日报']))
    const cash = wb.getWorksheet('现金')!
    const rows = new Map<string, unknown>()
    cash.eachRow((row) => rows.set(String(row.getCell(1).value), row.getCell(2).value))
    expect(rows.get('备用金')).toBe(500)
    expect(rows.get('应有')).toBe(600)
    expect(rows.get('实点')).toBe(590)
    expect(rows.get('长短款')).toBe(-10)
    const money = wb.getWorksheet('收款方式汇总')!
    expect(money.getRow(3).values).toEqual([undefined, '现金', 100, 0, 500, 600, 590, -10])

    // Closing the same day again is refused (the form is gone; through the bridge).
    const { token } = await app.ok<{ token: string }>('auth.approve', { approval: { username: MANAGER.username, pin: MANAGER.pin }, purpose: 'dayclose.close' })
    const again = await app.call('dayclose.close', { day: today, counts: [6, 0, 0, 0, 0, 0, 0, 0], counted: { wechat: 0, alipay: 0, card: 0, other: 0 }, note: 'x', approval: { token } })
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  })
})
