import { defineMessages } from './define'

/** The text rules every field shares (src/shared/contract/printable.ts): what cannot be printed is named. */
export const textMessages = defineMessages(
  {
    'v.text.newline': '此处不能换行',
    'v.text.control': '含有不可见的控制字符（{code}），请删除',
    'v.text.emoji': '不能使用表情符号「{char}」（{code}）：小票打印机和字体无法打印，请删除或改用文字',
    'v.text.unprintable': '字符「{char}」（{code}）无法在小票上打印，请删除或改用常用字'
  },
  {
    'v.text.newline': 'Line breaks are not allowed here',
    'v.text.control': 'Contains an invisible control character ({code}); please remove it',
    'v.text.emoji': 'Emoji “{char}” ({code}) cannot be printed on the ticket; remove it or use words',
    'v.text.unprintable': 'The character “{char}” ({code}) cannot be printed on the ticket; remove it or use a common character'
  }
)
