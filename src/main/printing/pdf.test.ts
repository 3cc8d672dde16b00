import { execFileSync } from 'node:child_process'
import { copyFile, mkdir, mkdtemp, readFile, rm, symlink } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildClaimTicket, buildDeviceTag } from '@shared/receipt/tickets'
import { DEFAULT_FONT_FILE, renderPdf, resolveFontPath } from './pdf'
import { pdfFonts, pdfText, pdfToPng } from '../../../test/helpers/pdf-text'
import { sampleOrderView, sampleTicketContext } from '../../../test/helpers/order-fixture'

const order = sampleOrderView()
const fontPath = resolveFontPath()
let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ticket-pdf-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('claim ticket PDF', () => {
  it('shows the Chinese labels and values, order number and claim code, on one A4 page', async () => {
    const pdf = await renderPdf(buildClaimTicket(order, sampleTicketContext('zh-CN')), { fontPath })
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    const text = await pdfText(pdf)
    for (const s of ['取机凭证', '张三', '138****5678', '屏幕破裂', '华为', 'Mate 40 Pro', '充电器、卡托、手机壳', '¥380.00', '取机须知']) {
      expect(text).toContain(s)
    }
    expect(text).toContain(order.orderNo)
    expect(text).toContain(order.claimCode)
    expect(text).toMatch(/左上角有黑斑/)
    expect(text).not.toContain('13812345678')
    expect(text).not.toMatch(/补打/)
    expect(text.split('\f').filter((p) => p.trim()).length).toBe(1)
  })

  it('embeds the Chinese font as a subset, so the PDF opens anywhere and stays small', async () => {
    const pdf = await renderPdf(buildClaimTicket(order, sampleTicketContext('zh-CN')), { fontPath })
    const fonts = await pdfFonts(pdf)
    expect(fonts.some((f) => f.name.includes('WenQuanYiMicroHei') && f.embedded && f.subset)).toBe(true)
    expect(fonts.every((f) => f.embedded)).toBe(true)
    expect(pdf.length).toBeLessThan(200_000)
  })

  it('shows the reprint banner on reprints', async () => {
    const pdf = await renderPdf(buildClaimTicket(order, sampleTicketContext('zh-CN', 2)), { fontPath })
    const text = await pdfText(pdf)
    expect(text.match(/补打 第2次/g)?.length).toBeGreaterThanOrEqual(2)
  })

  it('renders the English ticket and the device tag', async () => {
    const en = await pdfText(await renderPdf(buildClaimTicket(order, sampleTicketContext('en')), { fontPath }))
    expect(en).toMatch(/CLAIM TICKET/)
    expect(en).toMatch(/Estimate\s+¥380\.00/)
    const tag = await pdfText(await renderPdf(buildDeviceTag(order, sampleTicketContext('zh-CN')), { fontPath }))
    expect(tag).toContain('修护卡')
    expect(tag).toContain(order.orderNo)
  })

  it('renders page 1 as a PNG', async () => {
    const pdf = await renderPdf(buildClaimTicket(order, sampleTicketContext('zh-CN', 1)), { fontPath })
    const png = await pdfToPng(pdf, join(dir, 'page1.png'))
    const bytes = await readFile(png)
    expect(bytes.subarray(1, 4).toString()).toBe('PNG')
    expect(bytes.length).toBeGreaterThan(20_000) // a page with content, not a blank one
    // TICKET_PNG=/tmp/ticket-page1.png npx vitest run src/main/printing/pdf.test.ts  -> keep it to look at
    if (process.env.TICKET_PNG) await copyFile(png, process.env.TICKET_PNG)
  })

  // zbarimg (apt: zbar-tools, installed by scripts/system-deps.sh) proves the printed QR scans
  it('has a QR code that scans to the pickup payload', async () => {
    const pdf = await renderPdf(buildClaimTicket(order, sampleTicketContext('zh-CN')), { fontPath })
    const png = await pdfToPng(pdf, join(dir, 'scan.png'), { dpi: 150 })
    const scanned = execFileSync('zbarimg', ['-q', '--raw', png], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim()
    expect(scanned).toBe(`RO|${order.orderNo}|${order.claimCode}`)
  })
})

describe('resolveFontPath', () => {
  it('finds the bundled font from the repo', () => {
    expect(fontPath.endsWith(join('resources', 'fonts', DEFAULT_FONT_FILE))).toBe(true)
  })

  it('prefers the packaged app resources folder', async () => {
    const resources = join(dir, 'packaged-resources')
    await mkdir(join(resources, 'fonts'), { recursive: true })
    await symlink(fontPath, join(resources, 'fonts', DEFAULT_FONT_FILE))
    const proc = process as { resourcesPath?: string }
    proc.resourcesPath = resources
    try {
      expect(resolveFontPath()).toBe(join(resources, 'fonts', DEFAULT_FONT_FILE))
    } finally {
      delete proc.resourcesPath
    }
  })
})
