import { IntakeInput, type OrderView } from '@shared/contract/intake'
import type { ReceiptBlock, ReceiptDoc } from './layout'
import { buildClaimTicket, buildDeviceTag } from './tickets'
import { renderEscPos } from '../../main/printing/escpos'
import { decodeEscPos, printedWidth } from '../../../test/helpers/escpos-decode'
import { sampleIntake, validImei } from '../../../test/helpers/core'
import { sampleOrderView, sampleTicketContext } from '../../../test/helpers/order-fixture'

const visible = (doc: ReceiptDoc) =>
  doc.blocks.flatMap((b: ReceiptBlock) => (b.kind === 'text' ? [b.text] : b.kind === 'pair' ? [`${b.label}: ${b.value}`] : []))

/** Text of exactly `n` characters cycling through `chars` (the widest mix the rules let through). */
const fill = (chars: string, n: number) => Array.from({ length: n }, (_, i) => Array.from(chars)[i % Array.from(chars).length]).join('')

describe('a worst-case ticket through ESC/POS', () => {
  // Every field at its limit: full-width CJK and punctuation, a long Latin word with no space, ¥.
  const wide = '屏幕破裂，（触摸）￥¥—ＷＷ'
  const input = sampleIntake({
    customer: { name: fill('欧阳娜娜·', 40), mobile: '13812345678', landline: '', address: fill(wide, 120) },
    device: { category: 'phone', brand: fill('W', 40), model: fill('ＷMate', 60), serial: validImei(), colour: fill('亮黑', 20) },
    fault: { description: `${fill(wide, 300)}\n${fill('Wm', 199)}`, codes: ['screen'] },
    condition: { screenCracked: true, scratchesDents: true, waterDamage: false, sealsIntact: true, powersOn: true, other: fill(wide, 200) },
    accessories: { items: ['charger', 'simTray', 'box'], other: fill(wide, 100) }
  })

  it('is accepted by the intake rules, and no printed line exceeds the paper width', () => {
    const parsed = IntakeInput.parse(input)
    const order = sampleOrderView({
      customer: { ...parsed.customer, id: 1 },
      device: { ...parsed.device, imeiPending: false, hasPasscode: true },
      fault: parsed.fault,
      condition: parsed.condition,
      accessories: parsed.accessories,
      correctedAt: '2026-11-23T03:00:00.000Z'
    } as never) as OrderView
    for (const [widthMm, cols] of [[58, 32], [80, 48]] as const) {
      for (const locale of ['zh-CN', 'en'] as const) {
        for (const doc of [buildClaimTicket(order, sampleTicketContext(locale, 2)), buildDeviceTag(order, sampleTicketContext(locale, 2))]) {
          const paper = decodeEscPos(renderEscPos(doc, { widthMm, type: 'epson', characterSet: 'GB18030' }))
          for (const line of paper.styled) {
            expect(printedWidth(line.text) * (line.large ? 2 : 1), `${widthMm} mm ${locale}: "${line.text}"`).toBeLessThanOrEqual(cols)
          }
          // Nothing was replaced on the way to the printer: what was typed comes out.
          expect(paper.text).not.toContain('?')
          expect(paper.text.replace(/\s/g, '')).toContain(parsed.customer.name)
        }
      }
    }
  })
})

describe('ticket text', () => {
  it('prints the repair warranty and the terms from the store settings', () => {
    const order = sampleOrderView()
    const builtIn = visible(buildClaimTicket(order, sampleTicketContext('zh-CN')))
    expect(builtIn).toContain('3. 本次维修享有 3 个月保修。')
    const own = visible(buildClaimTicket(order, { ...sampleTicketContext('zh-CN'), ticket: { repairWarrantyMonths: 6, terms: '一、凭单取机\n\n二、逾期90天未取按无主物处理' } }))
    expect(own).toEqual(expect.arrayContaining(['一、凭单取机', '二、逾期90天未取按无主物处理', '本次维修享有 6 个月保修。']))
    expect(own.join()).not.toContain('3 个月')
    expect(visible(buildClaimTicket(order, { ...sampleTicketContext('en'), ticket: { repairWarrantyMonths: 0, terms: '' } }))).toContain(
      'This repair carries no separate warranty.'
    )
  })

  it('has a signature line for condition and accessories', () => {
    const lines = visible(buildClaimTicket(sampleOrderView(), sampleTicketContext('zh-CN')))
    const at = lines.indexOf('客户确认：以上外观检查与随机附件无误')
    expect(at).toBeGreaterThan(lines.indexOf('随机附件'))
    expect(lines.slice(at + 1, at + 3)).toEqual([`客户签名: ${'_'.repeat(16)}`, `日期: ${'_'.repeat(12)}`])
  })

  it('shows "IMEI 待补" while the IMEI could not be read', () => {
    const pending = sampleOrderView({ device: { serial: '', imeiUnreadable: true, imeiUnreadableReason: '黑屏', imeiPending: true } })
    expect(visible(buildClaimTicket(pending, sampleTicketContext('zh-CN')))).toContain('IMEI/序列号: IMEI 待补')
    expect(visible(buildDeviceTag(pending, sampleTicketContext('en')))).toContain('IMEI/SN: IMEI pending')
  })

  it('puts the whole fault description and the promised date on the device tag', () => {
    const tag = visible(buildDeviceTag(sampleOrderView(), sampleTicketContext('zh-CN')))
    expect(tag).toContain('屏幕破裂，触摸失灵，左上角有黑斑，开机后偶尔自动重启')
    expect(tag).toContain('承诺取机: 2024-05-23')
  })

  it('marks a corrected order 更正, with its copy number', () => {
    const corrected = sampleOrderView({ correctedAt: '2024-05-20T03:00:00.000Z' } as never)
    const doc = buildClaimTicket(corrected, sampleTicketContext('zh-CN', 1))
    expect(doc.reprintLabel).toBe('更正 第1次打印')
    // Printed first as a PDF after the correction (no earlier copy): still marked, in the body
    expect(visible(buildClaimTicket(corrected, sampleTicketContext('zh-CN', 0)))).toContain('【更正】')
    expect(buildClaimTicket(sampleOrderView(), sampleTicketContext('zh-CN', 1)).reprintLabel).toBe('补打 第1次')
  })
})
