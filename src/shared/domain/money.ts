/** Money is always an integer number of fen (1 yuan = 100 fen). Only this module converts. */
export type Fen = number

export const MAX_FEN = 100_000_000_00 // 100 million yuan: far beyond any repair, well inside 2^53

export function isFen(value: unknown): value is Fen {
  return typeof value === 'number' && Number.isSafeInteger(value)
}

/**
 * "12.5" -> 1250; returns null for anything that is not a plain non-exponent decimal with <= 2 places.
 * Chinese input methods type full-width digits and signs ("１２．５", "￥12", "12元"): they are accepted.
 */
export function parseYuan(text: string): Fen | null {
  const s = text
    .normalize('NFKC')
    .trim()
    .replace(/^[¥￥]\s*/, '')
    .replace(/\s*元$/, '')
    .replace(/。/g, '.') // Chinese punctuation mode types 。 for the decimal point
  // A comma only as a thousands separator: "12,5" is a typo for 12.5, never 125.
  if (s.includes(',') && !/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) return null
  const plain = s.replace(/,/g, '')
  const m = /^(-)?(\d+)(?:\.(\d{1,2}))?$/.exec(plain)
  if (!m) return null
  const fen = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'))
  if (!Number.isSafeInteger(fen)) return null
  return m[1] ? -fen : fen
}

/** 1250 -> "12.50" (no currency sign, no grouping: receipts and inputs both use it). */
export function formatYuan(fen: Fen): string {
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(fen)
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
}

/** 1250 -> "¥12.50" */
export function formatMoney(fen: Fen): string {
  return `¥${formatYuan(fen)}`
}
