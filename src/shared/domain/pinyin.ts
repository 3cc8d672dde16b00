import { match, pinyin } from 'pinyin-pro'

/**
 * The one rule for picking from a list by typing: the label contains the text, or the text is the
 * label's pinyin — initials (`pm`), full (`pingmu`) or mixed (`pingm`) — so a clerk never has to
 * switch input method to find 屏幕, 华为 or 王店长.
 */
export function pinyinMatches(label: string, query: string): boolean {
  const q = query.normalize('NFKC').trim().toLowerCase()
  if (!q) return true
  if (label.normalize('NFKC').toLowerCase().includes(q)) return true
  const letters = q.replace(/\s+/g, '')
  // Only letters can be pinyin; digits and Chinese were already compared as plain text.
  if (!/^[a-zü]+$/.test(letters)) return false
  return match(label, letters, { precision: 'start', insensitive: true }) !== null
}

/** Sort key that orders Chinese names by their pinyin (王 after 李), latin names as they are. */
export function pinyinKey(label: string): string {
  return pinyin(label, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join(' ').toLowerCase()
}

export function byPinyin<T>(items: readonly T[], label: (item: T) => string): T[] {
  return [...items].sort((a, b) => pinyinKey(label(a)).localeCompare(pinyinKey(label(b))))
}
