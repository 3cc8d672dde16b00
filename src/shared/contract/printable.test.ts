import { readFileSync, writeFileSync } from 'node:fs'
import * as fontkit from 'fontkit'
import iconv from 'iconv-lite'
import { PRINTABLE_RANGES } from './printable-chars'
import { isPrintableChar, unprintableMessage } from './printable'

/**
 * The table is derived, not hand-kept: characters the receipt font draws AND a GB18030 printer holds
 * in its 2-byte part (¥ is sent as ￥), minus controls, format characters, combining marks and
 * private use. `GEN=1` rewrites printable-chars.ts after a font change.
 */
function derivedRanges(): string {
  const collection = fontkit.openSync('resources/fonts/wqy-microhei.ttc')
  const inFont = new Set(collection.fonts[0].characterSet)
  const ok: number[] = []
  for (let cp = 0xa0; cp <= 0xffff; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue
    const ch = String.fromCodePoint(cp)
    const twoBytes = iconv.encode(ch, 'GB18030').length === 2 || cp === 0xa5
    if (twoBytes && inFont.has(cp) && !/\p{Cc}|\p{Cf}|\p{Co}|\p{Mn}|\p{Me}|\p{Zl}|\p{Zp}/u.test(ch)) ok.push(cp)
  }
  const ranges: string[] = []
  for (let i = 0; i < ok.length; ) {
    let j = i
    while (j + 1 < ok.length && ok[j + 1] === ok[j] + 1) j++
    ranges.push(i === j ? ok[i].toString(16) : `${ok[i].toString(16)}-${ok[j].toString(16)}`)
    i = j + 1
  }
  return ranges.join(' ')
}

describe('printable characters', () => {
  it('match the receipt font and the GB18030 printer (regenerate with GEN=1)', () => {
    const derived = derivedRanges()
    if (process.env.GEN) {
      const file = 'src/shared/contract/printable-chars.ts'
      const src = readFileSync(file, 'utf8')
      writeFileSync(file, src.replace(/PRINTABLE_RANGES = '[^']*'/, `PRINTABLE_RANGES = '${derived}'`))
    }
    expect(PRINTABLE_RANGES).toBe(derived)
  })

  it('accept what a Chinese counter types', () => {
    for (const s of ['张三', '欧阳·娜娜', '华为 Mate 60 Pro', '屏幕破裂，触摸失灵！（左上角）', '￥300', '¥300', 'ＡＢＣ１２３', '①②', '—', 'Müller é']) {
      expect(unprintableMessage(s), s).toBeNull()
    }
  })

  it('name what cannot be printed', () => {
    expect(unprintableMessage('好😀')).toBe('v.text.emoji|char=😀|code=U+1F600')
    expect(unprintableMessage('a\u200db')).toBe('v.text.emoji|char=|code=U+200D')
    expect(unprintableMessage('❤\ufe0f')).toMatch(/^v.text.emoji\|char=❤\|code=U\+2764/)
    expect(unprintableMessage('𠀀')).toBe('v.text.unprintable|char=𠀀|code=U+20000')
    expect(unprintableMessage('\ue000')).toBe('v.text.unprintable|char=|code=U+E000')
    expect(unprintableMessage('a\tb')).toBe('v.text.control|code=U+0009')
    expect(unprintableMessage('a\nb')).toBe('v.text.newline')
    expect(unprintableMessage('a\nb', true)).toBeNull()
    expect(isPrintableChar(0x4e00)).toBe(true)
    expect(isPrintableChar(0x3400)).toBe(false) // CJK Ext A: a 4-byte GB18030 code most printers lack
  })
})
