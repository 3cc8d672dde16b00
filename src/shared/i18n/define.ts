export const LOCALES = ['zh-CN', 'en'] as const
export type Locale = (typeof LOCALES)[number]

/** A domain's messages: zh-CN is the source of keys, en must have exactly the same keys. */
export function defineMessages<T extends Record<string, string>>(zh: T, en: { [K in keyof T]: string }) {
  return { 'zh-CN': zh, en } as { 'zh-CN': T; en: { [K in keyof T]: string } }
}

export function localeFrom(tag: string | undefined | null): Locale {
  return tag && tag.toLowerCase().startsWith('zh') ? 'zh-CN' : tag ? 'en' : 'zh-CN'
}
