import { mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises'
import net from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { formatMoney } from '@shared/domain/money'
import { buildClaimTicket, buildDeviceTag, buildTestPage } from '@shared/receipt/tickets'
import { renderEscPos, type EscPosOptions } from './escpos'
import { checkPrinterDevice, PrinterError, queryPrinterStatus, sendToPrinter } from './transport'
import { decodeEscPos, decodePrinterBytes, printedWidth, yen } from '../../../test/helpers/escpos-decode'
import { startPrinterEmulator, type PrinterEmulator } from '../../../test/helpers/printer-emulator'
import { sampleOrderView, sampleTicketContext } from '../../../test/helpers/order-fixture'

const GB58: EscPosOptions = { widthMm: 58, type: 'epson', characterSet: 'GB18030' }
const GB80: EscPosOptions = { widthMm: 80, type: 'epson', characterSet: 'GB18030' }
const order = sampleOrderView()

let printer: PrinterEmulator
beforeEach(async () => {
  printer = await startPrinterEmulator()
})
afterEach(async () => {
  await printer.close()
})

/** Renders, sends over TCP to the emulator and decodes what it received. */
async function printAndDecode(reprintNo = 0, opts = GB58, locale: 'zh-CN' | 'en' = 'zh-CN') {
  const doc = buildClaimTicket(order, sampleTicketContext(locale, reprintNo))
  await sendToPrinter(printer.url, renderEscPos(doc, opts), { timeoutMs: 3000 })
  const [job] = await printer.waitForJobs(1, 3000)
  return { job, paper: decodeEscPos(job) }
}

describe('claim ticket on a thermal printer', () => {
  it('prints Chinese text, prices with the yuan sign, the pickup QR, the barcode and one cut', async () => {
    const { job, paper } = await printAndDecode()
    expect(paper.chineseMode).toBe(true)
    expect(paper.text).toContain('取机凭证')
    expect(paper.text).toMatch(/姓名 +张三/)
    expect(paper.text).toMatch(/屏幕破裂 +是/)
    expect(paper.lines.join('')).toContain(order.fault.description) // wrapped over lines, nothing lost
    expect(paper.text).toContain(yen(formatMoney(order.service.estimateFen)))
    expect(paper.text).toContain(yen(formatMoney(order.service.depositFen)) + '（微信）')
    expect(paper.text).not.toContain('\uFFFD')
    // No code-page switching (ESC t / ESC R) anywhere: "¥" must not change how Chinese decodes
    expect(job.includes(Buffer.from([0x1b, 0x74]))).toBe(false)
    expect(job.includes(Buffer.from([0x1b, 0x52]))).toBe(false)
    expect(paper.qr).toEqual([`RO|${order.orderNo}|${order.claimCode}`])
    expect(paper.barcodes).toEqual([order.orderNo])
    expect(paper.cuts).toBe(1)
    // Order number and claim code are printed large
    expect(paper.styled.find((l) => l.text === order.orderNo)?.large).toBe(true)
    expect(paper.styled.find((l) => l.text === order.claimCode)?.large).toBe(true)
  })

  it('never prints a line wider than the paper (CJK counts two columns), and pairs fill the line', async () => {
    for (const [opts, cols] of [
      [GB58, 32],
      [GB80, 48]
    ] as const) {
      for (const locale of ['zh-CN', 'en'] as const) {
        const ctx = sampleTicketContext(locale, 3)
        for (const doc of [buildClaimTicket(order, ctx), buildDeviceTag(order, ctx), buildTestPage(ctx)]) {
          const paper = decodeEscPos(renderEscPos(doc, opts))
          for (const line of paper.styled) {
            const width = printedWidth(line.text) * (line.large ? 2 : 1)
            expect(width, `${opts.widthMm} mm: "${line.text}"`).toBeLessThanOrEqual(cols)
          }
        }
      }
      const paper = decodeEscPos(renderEscPos(buildClaimTicket(order, sampleTicketContext('zh-CN')), opts))
      const mobile = paper.lines.find((l) => l.endsWith('138****5678'))
      expect(mobile && printedWidth(mobile)).toBe(cols)
      expect(paper.text).not.toContain('13812345678')
    }
  })

  it('prints the reprint banner at top and bottom of reprints only', async () => {
    const original = (await printAndDecode(0)).paper
    expect(original.text).not.toMatch(/补打/)

    printer.jobs.length = 0
    const reprint = (await printAndDecode(2)).paper
    const printed = reprint.styled.filter((l) => l.text.trim())
    for (const line of [printed[0], printed[printed.length - 1]]) {
      expect(line.text).toContain('补打 第2次')
      expect(line.large).toBe(true)
    }
    expect(reprint.qr).toEqual(original.qr)
  })

  it('prints the English ticket on 80 mm paper', async () => {
    const { paper } = await printAndDecode(0, GB80, 'en')
    expect(paper.text).toContain('CLAIM TICKET')
    expect(paper.text).toMatch(/Estimate +￥380\.00/)
    expect(paper.text).toMatch(/Name +张三/)
    expect(paper.text).toMatch(/voided at pickup/)
    expect(paper.lines.some((l) => printedWidth(l) > 32)).toBe(true) // really uses the 48 columns
  })

  it('prints the yuan sign with code page 437 when the printer has no Chinese font', () => {
    const doc = buildClaimTicket(order, sampleTicketContext('en'))
    const paper = decodeEscPos(renderEscPos(doc, { widthMm: 80, type: 'epson', characterSet: 'PC437_USA' }))
    expect(paper.chineseMode).toBe(false)
    expect(paper.text).toMatch(/Estimate +¥380\.00/)
    for (const l of paper.styled) expect(l.text.length * (l.large ? 2 : 1)).toBeLessThanOrEqual(48)
  })

  it('speaks Star Line Mode to Star printers, with the same content', () => {
    const doc = buildClaimTicket(order, sampleTicketContext('zh-CN', 1))
    const epson = decodeEscPos(renderEscPos(doc, GB58))
    const star = decodePrinterBytes(renderEscPos(doc, { ...GB58, type: 'star' }), { type: 'star' })
    expect(star.lines.filter((l) => l.trim())).toEqual(epson.lines.filter((l) => l.trim()))
    expect(star.qr).toEqual(epson.qr)
    expect(star.barcodes).toEqual([order.orderNo])
    expect(star.cuts).toBe(1)
  })

  it('never lets customer text carry printer commands', () => {
    const evil = sampleOrderView({ customer: { name: '张\x1bd\x05三\x1dV\x00' } })
    const paper = decodeEscPos(renderEscPos(buildClaimTicket(evil, sampleTicketContext('zh-CN')), GB58))
    expect(paper.text).toMatch(/姓名 +张d三V/)
    expect(paper.cuts).toBe(1)
  })
})

describe('transport', () => {
  it('rejects promptly with "refused, nothing printed" when the printer is off', async () => {
    const port = printer.port
    await printer.close()
    const started = Date.now()
    const err = await sendToPrinter(`tcp://127.0.0.1:${port}`, Buffer.from('x'), { timeoutMs: 5000 }).catch((e) => e)
    expect(err).toBeInstanceOf(PrinterError)
    expect(err).toMatchObject({ kind: 'refused', maybePrinted: false, detailKey: 'printer.detail.refused' })
    expect(Date.now() - started).toBeLessThan(1000)
    // ... and prints once it is back on the same port
    printer = await startPrinterEmulator({ port })
    await sendToPrinter(`tcp://127.0.0.1:${port}`, Buffer.from('back\n'))
    expect((await printer.waitForJobs(1)).map((j) => j.toString())).toEqual(['back\n'])
  })

  it('says "may have printed" when the connection breaks during the job', async () => {
    printer.setStatus({ dropConnections: true })
    const err = await sendToPrinter(printer.url, Buffer.alloc(2_000_000, 0x41), { timeoutMs: 5000 }).catch((e) => e)
    expect(err).toMatchObject({ kind: 'io', maybePrinted: true })
  })

  it('times out with "may have printed" when the printer stops taking data', async () => {
    const stuck = net.createServer((s) => s.pause())
    await new Promise<void>((r) => stuck.listen(0, '127.0.0.1', r))
    const port = (stuck.address() as net.AddressInfo).port
    try {
      const err = await sendToPrinter(`tcp://127.0.0.1:${port}`, Buffer.alloc(32_000_000), { timeoutMs: 400 }).catch((e) => e)
      expect(err).toMatchObject({ kind: 'timeout', maybePrinted: true, detailKey: 'printer.detail.timeout' })
    } finally {
      stuck.close()
    }
  })

  it('rejects an interface it cannot use, without sending anything', async () => {
    await expect(sendToPrinter('http://printer', Buffer.from('x'))).rejects.toMatchObject({ detailKey: 'printing.v.interface', maybePrinted: false })
    await expect(sendToPrinter('/dev/usb/lp9-missing', Buffer.from('x'))).rejects.toMatchObject({ kind: 'notPrinter', maybePrinted: false })
    await expect(sendToPrinter('/dev/usb/lp9', Buffer.from('x'))).rejects.toMatchObject({
      kind: 'io',
      maybePrinted: false,
      detailKey: 'printer.detail.noDevice'
    })
  })

  it.runIf(process.platform !== 'win32')('writes only to a character device: never a file, a directory, a socket or /dev/fd/N', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rc-dev-'))
    const file = join(dir, 'db.sqlite')
    await writeFile(file, 'SQLite format 3\0 precious')
    const fh = await open(file, 'r+')
    const sock = net.createServer()
    await new Promise<void>((r) => sock.listen(join(dir, 'printer.sock'), r))
    try {
      for (const path of [file, dir, join(dir, 'printer.sock'), `/dev/fd/${fh.fd}`, `/proc/self/fd/${fh.fd}`, '/dev/shm']) {
        await expect(checkPrinterDevice(path), path).rejects.toMatchObject({ maybePrinted: false })
      }
      await expect(checkPrinterDevice(`/dev/fd/${fh.fd}`)).rejects.toMatchObject({ kind: 'notPrinter', detailKey: 'printer.detail.notPrinter' })
      expect(await readFile(file, 'utf8')).toBe('SQLite format 3\0 precious')
      // A character device passes (the settings rule limits which ones may be named at all)
      expect(await checkPrinterDevice('/dev/null')).toBe('/dev/null')
    } finally {
      await fh.close()
      sock.close()
      await rm(dir, { recursive: true, force: true })
    }
    expect(await queryPrinterStatus('/dev/usb/lp9')).toEqual({ state: 'offline', detailKey: 'printer.detail.noDevice' })
  })
})

describe('printer status over DLE EOT', () => {
  it.each([
    [{}, 'ready', 'printer.detail.ok'],
    [{ coverOpen: true }, 'error', 'printer.detail.coverOpen'],
    [{ paperOut: true }, 'error', 'printer.detail.paperOut'],
    [{ paperLow: true }, 'ready', 'printer.detail.paperLow'],
    [{ online: false }, 'offline', 'printer.detail.offline']
  ] as const)('%o -> %s / %s', async (status, state, detailKey) => {
    printer.setStatus(status)
    expect(await queryPrinterStatus(printer.url, { timeoutMs: 1000 })).toEqual({ state, detailKey })
    expect(printer.statusQueries).toBe(3)
    expect(printer.jobs).toEqual([]) // a status query is not a print job
  })

  it('never reports a printer that connects but does not answer as ready', async () => {
    printer.setStatus({ answersStatus: false })
    expect(await queryPrinterStatus(printer.url, { timeoutMs: 300 })).toEqual({ state: 'error', detailKey: 'printer.detail.noAnswer' })
    printer.setStatus({ answersStatus: true, hang: true })
    expect(await queryPrinterStatus(printer.url, { timeoutMs: 300 })).toEqual({ state: 'error', detailKey: 'printer.detail.noAnswer' })
  })

  it('reports offline when nothing listens', async () => {
    await printer.close()
    expect(await queryPrinterStatus(printer.url, { timeoutMs: 1000 })).toEqual({ state: 'offline', detailKey: 'printer.detail.refused' })
    printer = await startPrinterEmulator({ port: printer.port })
  })
})
