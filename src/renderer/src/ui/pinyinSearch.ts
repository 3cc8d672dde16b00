import { pinyinMatches } from '@shared/domain/pinyin'

/**
 * antd Select/AutoComplete search that matches pinyin initials and full pinyin (`pm`, `pingmu` ->
 * 屏幕) besides the label text: `showSearch={pinyinSearch}`. Options need a string label (or a
 * `search` text when the label is rich).
 */
export const pinyinSearch = {
  filterOption: (input: string, option?: { label?: unknown; search?: string }) => {
    const text = option?.search ?? (typeof option?.label === 'string' ? option.label : '')
    return pinyinMatches(text, input)
  }
}
