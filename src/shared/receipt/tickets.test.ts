import { messageTables } from '@shared/i18n'
import type { ReceiptBlock, ReceiptDoc } from './layout'
import { buildClaimTicket, buildDeviceTag, buildTestPage, maskMobile } from './tickets'
import { sampleOrderView, sampleTicketContext } from '../../../test/helpers/order-fixture'

/** Everything a reader sees on the ticket, one string per block. */
function visible(doc: ReceiptDoc): string[] {
  return doc.blocks.flatMap((b: ReceiptBlock) => {
    if (b.kind === 'text') return [b.text]
    if (b.kind === 'pair') return [`${b.label}: ${b.value}`]
    if (b.kind === 'table') return [...(b.header ?? []), ...b.rows.flat()]
    if (b.kind === 'qr') return [b.caption ?? '']
    return []
  })
}
const pairValue = (doc: ReceiptDoc, label: string) =>
  doc.blocks.find((b): b is Extract<ReceiptBlock, { kind: 'pair' }> => b.kind === 'pair' && b.label === label)?.value

describe('claim ticket', () => {
  it('lists every condition item with what was found, so nothing is disputed at pickup', () => {
    const order = sampleOrderView({
      condition: { screenCracked: true, scratchesDents: false, waterDamage: true, sealsIntact: false, powersOn: true, other: '' }
    })
    const doc = buildClaimTicket(order, sampleTicketContext('zh-CN'))
    expect(pairValue(doc, '屏幕破裂')).toBe('是')
    expect(pairValue(doc, '划痕/磕碰')).toBe('否')
    expect(pairValue(doc, '进水标签变色')).toBe('是')
    expect(pairValue(doc, '封条/标签完好')).toBe('否')
    expect(pairValue(doc, '可开机')).toBe('是')
    expect(pairValue(doc, '其他外观情况')).toBe('无')

    const flipped = buildClaimTicket(
      sampleOrderView({ condition: { screenCracked: false, powersOn: false, other: '背壳有裂纹' } }),
      sampleTicketContext('zh-CN')
    )
    expect(pairValue(flipped, '屏幕破裂')).toBe('否')
    expect(pairValue(flipped, '可开机')).toBe('否')
    expect(pairValue(flipped, '其他外观情况')).toBe('背壳有裂纹')
  })

  it('lists every accessory received, including the free-text one, or says none', () => {
    const order = sampleOrderView({ accessories: { items: ['battery', 'charger', 'cable', 'memoryCard'], other: '手机壳' } })
    const text = visible(buildClaimTicket(order, sampleTicketContext('zh-CN'))).join('\n')
    for (const name of ['电池', '充电器', '数据线', '存储卡', '手机壳']) expect(text).toContain(name)
    expect(text).not.toContain('包装盒')

    const none = buildClaimTicket(sampleOrderView({ accessories: { items: [], other: '' } }), sampleTicketContext('zh-CN'))
    const i = none.blocks.findIndex((b) => b.kind === 'text' && b.text === '随机附件')
    expect(none.blocks[i + 1]).toMatchObject({ kind: 'text', text: '无' })
  })

  it('masks the mobile number everywhere', () => {
    expect(maskMobile('13812345678')).toBe('138****5678')
    for (const build of [buildClaimTicket, buildDeviceTag]) {
      const doc = build(sampleOrderView(), sampleTicketContext('zh-CN'))
      expect(JSON.stringify(doc)).not.toContain('13812345678')
      expect(visible(doc).join('\n')).toContain('138****5678')
    }
  })

  it('shows the override reason only when the clerk overrode the verdict', () => {
    const plain = visible(buildClaimTicket(sampleOrderView(), sampleTicketContext('zh-CN'))).join('\n')
    expect(plain).not.toContain('人工改判')

    const overridden = sampleOrderView({
      warranty: { finalInWarranty: true, override: { inWarranty: true, reason: '客户持有延保卡' } }
    })
    const doc = buildClaimTicket(overridden, sampleTicketContext('zh-CN'))
    expect(visible(doc)).toContain('人工改判：客户持有延保卡')
    expect(pairValue(doc, '判定')).toBe('在保')
    // The computed reason stays visible next to the override
    expect(visible(doc)).toContain('人为损坏，不属于三包范围')
  })

  it('prints the repair-time extension and the holiday move only when they apply', () => {
    const applies = visible(buildClaimTicket(sampleOrderView(), sampleTicketContext('zh-CN')))
    expect(applies).toContain('已顺延在修天数 3 天')
    expect(applies).toContain('截止日遇节假日顺延至 2024-12-02')
    const neither = visible(
      buildClaimTicket(sampleOrderView({ warranty: { daysInRepair: 0, movedForHoliday: false } }), sampleTicketContext('zh-CN'))
    ).join('\n')
    expect(neither).not.toMatch(/顺延/)
  })

  it('carries the pickup QR and the order barcode, and the terms', () => {
    const order = sampleOrderView()
    const doc = buildClaimTicket(order, sampleTicketContext('en'))
    expect(doc.blocks.filter((b) => b.kind === 'qr')).toEqual([
      expect.objectContaining({ data: `RO|${order.orderNo}|${order.claimCode}` })
    ])
    expect(doc.blocks.filter((b) => b.kind === 'barcode')).toEqual([{ kind: 'barcode', data: order.orderNo }])
    const text = visible(doc).join('\n')
    expect(text).toMatch(/voided at pickup/)
    expect(text).toMatch(/3-month warranty/)
    expect(text).toContain('¥380.00')
    expect(text).toContain('¥100.50 (WeChat Pay)')
    expect(doc.cut).toBe(true)
  })

  it('marks reprints, and only reprints', () => {
    const original = buildClaimTicket(sampleOrderView(), sampleTicketContext('zh-CN', 0))
    expect(original.reprintNo).toBe(0)
    expect(original.reprintLabel).toBe('')
    expect(JSON.stringify(original)).not.toContain('补打')

    expect(buildClaimTicket(sampleOrderView(), sampleTicketContext('zh-CN', 2)).reprintLabel).toBe('补打 第2次')
    expect(buildDeviceTag(sampleOrderView(), sampleTicketContext('en', 1)).reprintLabel).toBe('REPRINT 1')
  })

  it('has no untranslated message keys in either language', () => {
    const rawKey = /\b(receipt|printer|warranty|condition|accessory|service|payment|component|category|fault|word)\.[a-zA-Z.]+/
    for (const locale of ['zh-CN', 'en'] as const) {
      const ctx = sampleTicketContext(locale, 1)
      for (const doc of [buildClaimTicket(sampleOrderView(), ctx), buildDeviceTag(sampleOrderView(), ctx), buildTestPage(ctx)]) {
        for (const line of [doc.title, doc.reprintLabel, ...visible(doc)]) expect(line).not.toMatch(rawKey)
      }
    }
  })
})

describe('device tag', () => {
  it('shows only the condition findings and the short fault', () => {
    const order = sampleOrderView({
      condition: { screenCracked: false, scratchesDents: true, waterDamage: false, sealsIntact: false, powersOn: true, other: '' }
    })
    const doc = buildDeviceTag(order, sampleTicketContext('zh-CN'))
    expect(pairValue(doc, '外观')).toBe('划痕/磕碰、封条/标签已破坏')
    expect(pairValue(doc, '故障')).toBe('屏幕故障、触摸失灵')
    expect(doc.blocks.find((b) => b.kind === 'text' && b.large)).toMatchObject({ text: order.orderNo })
    expect(doc.blocks.filter((b) => b.kind === 'barcode')).toEqual([{ kind: 'barcode', data: order.orderNo }])
    expect(doc.blocks.length).toBeLessThan(20)
    expect(JSON.stringify(doc)).not.toContain(order.claimCode)
  })
})

it('printing messages have the same keys in both languages', () => {
  const tables = messageTables()
  const printing = (locale: 'zh-CN' | 'en') => Object.keys(tables[locale]).filter((k) => /^(receipt|printer|printing)\./.test(k)).sort()
  expect(printing('en')).toEqual(printing('zh-CN'))
  expect(printing('zh-CN')).toEqual(
    expect.arrayContaining(['printing.v.interface', 'printer.state.offline', 'printer.detail.coverOpen', 'printer.detail.paperOut'])
  )
})
