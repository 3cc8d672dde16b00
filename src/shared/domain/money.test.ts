import fc from 'fast-check'
import { formatMoney, formatYuan, parseYuan } from './money'

describe('money in fen', () => {
  it('parses what a clerk types and rejects the rest', () => {
    expect(parseYuan('12.5')).toBe(1250)
    expect(parseYuan('¥1,200.05')).toBe(120005)
    expect(parseYuan(' 0 ')).toBe(0)
    expect(parseYuan('-3')).toBe(-300)
    for (const bad of ['', 'abc', '1.234', '1e3', '12..5', '.5', '元', '12,5', '1,2', '12,50']) expect(parseYuan(bad)).toBeNull()
    expect(parseYuan('12。5')).toBe(1250)
  })

  it('accepts what a Chinese input method types', () => {
    expect(parseYuan('１２．５')).toBe(1250)
    expect(parseYuan('￥380')).toBe(38000)
    expect(parseYuan('100元')).toBe(10000)
    expect(parseYuan('－５')).toBe(-500)
  })

  it('formats for receipts', () => {
    expect(formatMoney(1250)).toBe('¥12.50')
    expect(formatYuan(5)).toBe('0.05')
    expect(formatYuan(-105)).toBe('-1.05')
  })

  it('round-trips every amount exactly (no floating-point drift)', () => {
    fc.assert(fc.property(fc.integer({ min: -1e12, max: 1e12 }), (fen) => parseYuan(formatYuan(fen)) === fen))
  })
})
