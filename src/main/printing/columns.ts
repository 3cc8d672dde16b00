/**
 * Column arithmetic for thermal receipts. In Chinese mode (GB18030) every non-ASCII character is
 * sent as a 2-byte (or 4-byte) code and printed as a full-width glyph, i.e. two columns; with a
 * single-byte code page (PC437) every character is one column.
 */
import type { Align } from '@shared/receipt/layout'

export type ThermalCharset = 'GB18030' | 'PC437_USA'

export function charWidth(ch: string, charset: ThermalCharset): number {
  return charset === 'GB18030' && (ch.codePointAt(0) ?? 0) > 0x7f ? 2 : 1
}

export function textWidth(s: string, charset: ThermalCharset): number {
  let w = 0
  for (const ch of s) w += charWidth(ch, charset)
  return w
}

/** User text must never carry printer commands: drop control characters, tabs become spaces. */
export function sanitize(s: string): string {
  return s.replace(/\t/g, ' ').replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, '')
}

const isAsciiWordChar = (ch: string) => /[\x21-\x7e]/.test(ch)
const NO_LINE_START = /[，。、；：！？）》」』】”’…]/

/**
 * Wraps to `width` columns without splitting a character. Latin words move to the next line whole
 * when they fit on it; CJK text breaks anywhere. Explicit newlines are kept.
 */
export function wrap(s: string, width: number, charset: ThermalCharset): string[] {
  const out: string[] = []
  for (const paragraph of sanitize(s).split('\n')) {
    let line: string[] = []
    let w = 0
    for (const ch of paragraph) {
      const cw = charWidth(ch, charset)
      if (w + cw > width && line.length > 0) {
        let carry: string[] = []
        const last = line[line.length - 1]
        if (NO_LINE_START.test(ch) && line.length > 1 && !NO_LINE_START.test(last) && charWidth(last, charset) + cw <= width) {
          // Chinese punctuation never starts a line: take the character before it along
          carry = [line.pop() as string]
        } else if (ch !== ' ' && isAsciiWordChar(ch)) {
          // Move a trailing Latin word down if it starts after a space and is not the whole line
          const space = line.lastIndexOf(' ')
          const tail = line.slice(space + 1)
          if (space > 0 && tail.every(isAsciiWordChar) && textWidth(tail.join('') + ch, charset) <= width) {
            carry = tail
            line = line.slice(0, space)
          }
        }
        out.push(line.join('').trimEnd())
        line = carry
        w = textWidth(carry.join(''), charset)
        if (ch === ' ' && line.length === 0) continue // no leading space on a continuation line
      }
      line.push(ch)
      w += cw
    }
    out.push(line.join('').trimEnd())
  }
  return out
}

/** Pads (never truncates) to `width` columns. */
export function pad(s: string, width: number, align: Align | undefined, charset: ThermalCharset): string {
  const gap = Math.max(0, width - textWidth(s, charset))
  if (align === 'right') return ' '.repeat(gap) + s
  if (align === 'center') return ' '.repeat(Math.floor(gap / 2)) + s + ' '.repeat(gap - Math.floor(gap / 2))
  return s + ' '.repeat(gap)
}

/** Label left, value right; a long value wraps under itself (or under the label if that is wide). */
export function pairLines(label: string, value: string, cols: number, charset: ThermalCharset): string[] {
  label = sanitize(label).replace(/\n/g, ' ')
  value = sanitize(value).replace(/\n/g, ' ')
  const lw = textWidth(label, charset)
  const vw = textWidth(value, charset)
  if (lw + 1 + vw <= cols) return [label + ' '.repeat(cols - lw - vw) + value]
  if (lw + 1 <= Math.floor(cols / 2)) {
    const indent = ' '.repeat(lw + 1)
    return wrap(value, cols - lw - 1, charset).map((v, i) => (i === 0 ? label + ' ' : indent) + v)
  }
  return [...wrap(label, cols, charset), ...wrap(value, cols - 2, charset).map((v) => '  ' + v)]
}

/** Column widths by weight, one space between columns; every column can hold a CJK character. */
export function tableWidths(weights: number[], cols: number): number[] {
  const n = weights.length
  const avail = cols - (n - 1)
  const sum = weights.reduce((a, b) => a + Math.max(0, b), 0) || n
  const widths = weights.map((w) => Math.max(2, Math.floor((avail * Math.max(0, w || 0)) / sum)))
  let rest = avail - widths.reduce((a, b) => a + b, 0)
  for (let i = 0; rest > 0; i = (i + 1) % n, rest--) widths[i]++
  return widths
}

export function tableRowLines(
  cells: string[],
  widths: number[],
  aligns: (Align | undefined)[],
  charset: ThermalCharset
): string[] {
  const wrapped = widths.map((w, i) => wrap(cells[i] ?? '', w, charset))
  const height = Math.max(...wrapped.map((c) => c.length))
  const lines: string[] = []
  for (let r = 0; r < height; r++) {
    lines.push(widths.map((w, i) => pad(wrapped[i][r] ?? '', w, aligns[i], charset)).join(' ').trimEnd())
  }
  return lines
}
