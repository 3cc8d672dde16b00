import { commonMessages } from './common'
import { auditMessages } from './audit'
import { authMessages } from './auth'
import { dateMessages } from './dates'
import { intakeMessages } from './intake'
import { printingMessages } from './printing'
import { searchMessages } from './search'
import { settingsMessages } from './settings'
import { systemMessages } from './system'
import { textMessages } from './text'
import { orderMessages } from './orders'
import { uiMessages } from './ui'
import { inputMessages } from './input'
import { warehouseCatalogueMessages } from './warehouse-catalogue'
import { warehouseMovesMessages } from './warehouse-moves'
import { warehouseStocktakeMessages } from './warehouse-stocktake'
import { warehouseScreensMessages } from './warehouse-screens'
import { repairsMessages } from './repairs'
import { pickupMessages } from './pickup'
import { customersMessages } from './customers'
import { loanersMessages } from './loaners'
import { backupMessages } from './backup'
import { dayCloseMessages } from './dayclose'
import { reportsMessages } from './reports'
import { followUpMessages } from './followup'
import type { Locale } from './define'

export * from './define'

const catalogues = [commonMessages, auditMessages, authMessages, dateMessages, intakeMessages, printingMessages, settingsMessages, systemMessages, uiMessages, inputMessages, textMessages, searchMessages, orderMessages, warehouseCatalogueMessages, warehouseMovesMessages, warehouseStocktakeMessages, warehouseScreensMessages, repairsMessages, pickupMessages, customersMessages, loanersMessages, backupMessages, dayCloseMessages, reportsMessages, followUpMessages]

type Merge<T extends readonly { 'zh-CN': object }[]> = T extends readonly [infer H, ...infer R]
  ? (H extends { 'zh-CN': infer M } ? M : never) & (R extends readonly { 'zh-CN': object }[] ? Merge<R> : unknown)
  : unknown
type AllMessages = Merge<
  [typeof commonMessages, typeof auditMessages, typeof authMessages, typeof dateMessages, typeof intakeMessages, typeof printingMessages, typeof settingsMessages, typeof systemMessages, typeof uiMessages, typeof inputMessages, typeof textMessages, typeof searchMessages, typeof orderMessages, typeof warehouseCatalogueMessages, typeof warehouseMovesMessages, typeof warehouseStocktakeMessages, typeof warehouseScreensMessages, typeof repairsMessages, typeof pickupMessages, typeof customersMessages, typeof loanersMessages, typeof backupMessages, typeof dayCloseMessages, typeof reportsMessages, typeof followUpMessages]
>
export type MessageKey = keyof AllMessages & string

const tables: Record<Locale, Record<string, string>> = { 'zh-CN': {}, en: {} }
for (const c of catalogues) {
  Object.assign(tables['zh-CN'], c['zh-CN'])
  Object.assign(tables.en, c.en)
}

export type Params = Record<string, string | number>
export type Translate = (key: MessageKey | string, params?: Params) => string

/** Translates a key; unknown keys come back as-is so a missing string is visible, not blank. */
export function translate(locale: Locale, key: string, params?: Params): string {
  const template = tables[locale][key] ?? tables['zh-CN'][key] ?? key
  if (!params) return template
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m))
}

export function translator(locale: Locale): Translate {
  return (key, params) => translate(locale, key, params)
}

/**
 * A catalogue entry's label: the store's own name, else the built-in translation of its code, else
 * the code itself (never a raw "category.xyz" key on a ticket).
 */
export function catalogueLabel(name: string | undefined, prefix: 'category' | 'fault' | 'component', code: string, t: Translate): string {
  if (name) return name
  const key = `${prefix}.${code}`
  return hasMessage(key) ? t(key) : code
}

export function hasMessage(key: string): boolean {
  return key in tables['zh-CN']
}

/** For the completeness test: every key present in both languages. */
export function messageTables(): Readonly<Record<Locale, Readonly<Record<string, string>>>> {
  return tables
}
