import type { CatalogueEntry, StoreSettings } from '@shared/contract/settings'
import { catalogueLabel, type Translate } from '@shared/i18n'

/** Built-in entries have no name and are shown translated by code; the store's own entries by their name. */
export function entryName(list: CatalogueEntry[], prefix: 'category' | 'fault', code: string, t: Translate): string {
  return catalogueLabel(list.find((e) => e.code === code)?.name, prefix, code, t)
}

export function categoryOptions(settings: StoreSettings, t: Translate) {
  return settings.deviceCategories.map((e) => ({ value: e.code, label: catalogueLabel(e.name, 'category', e.code, t) }))
}

export function faultOptions(settings: StoreSettings, t: Translate) {
  return settings.faultCodes.map((e) => ({ value: e.code, label: catalogueLabel(e.name, 'fault', e.code, t) }))
}

/** Components the store's 三包 policy covers for a category ('main' always offered). */
export function componentsFor(settings: StoreSettings, category: string): string[] {
  const list = settings.warrantyPolicy.rules.filter((r) => r.category === category).map((r) => r.component)
  return list.includes('main') ? list : ['main', ...list]
}
