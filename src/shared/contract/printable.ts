/**
 * The one rule for what text may be typed into a field that can end up on paper: printable ASCII
 * plus the characters in PRINTABLE_RANGES. Anything else (emoji, characters outside the BMP,
 * control characters, variation selectors / ZWJ, private use, rare characters the printer lacks) is
 * refused with a message naming it, never dropped or replaced silently.
 */
import { PRINTABLE_RANGES } from './printable-chars'

const ranges: [number, number][] = PRINTABLE_RANGES.split(' ').map((r) => {
  const [a, b = a] = r.split('-')
  return [parseInt(a, 16), parseInt(b, 16)]
})

function inRanges(cp: number): boolean {
  let lo = 0
  let hi = ranges.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (cp < ranges[mid][0]) hi = mid - 1
    else if (cp > ranges[mid][1]) lo = mid + 1
    else return true
  }
  return false
}

export function isPrintableChar(cp: number): boolean {
  return (cp >= 0x20 && cp <= 0x7e) || inRanges(cp)
}

/** U+1F600 */
export const codePointLabel = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`

/**
 * The first character that cannot be printed, as an i18n message ("key|param=value"), or null.
 * Newlines pass only in multi-line fields (the fault description).
 */
export function unprintableMessage(s: string, multiline = false): string | null {
  for (const ch of s) {
    const cp = ch.codePointAt(0) as number
    if (isPrintableChar(cp)) continue
    if (cp === 0x0a) {
      if (multiline) continue
      return 'v.text.newline'
    }
    if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) return `v.text.control|code=${codePointLabel(cp)}`
    // Invisible characters (ZWJ, variation selectors, combining marks) are named by code point only.
    const visible = /[\p{L}\p{N}\p{P}\p{S}]/u.test(ch) ? ch : ''
    const key = /\p{Extended_Pictographic}|[\u200d\ufe0e\ufe0f]/u.test(ch) ? 'v.text.emoji' : 'v.text.unprintable'
    return `${key}|char=${visible}|code=${codePointLabel(cp)}`
  }
  return null
}
