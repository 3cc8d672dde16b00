import type { EntityManager } from 'typeorm'
import type { StoreSettings } from '@shared/contract/settings'
import { Setting } from './setting.entity'
import { defaultSettings } from './defaults'

type Section = keyof StoreSettings

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Settings are read on almost every call (locale, time zone), so they are cached and rewritten whole per section. */
export class SettingsService {
  private cache: StoreSettings | null = null

  async cached(em: EntityManager): Promise<StoreSettings> {
    if (!this.cache) this.cache = await this.load(em)
    return this.cache
  }

  /** Always read inside the caller's transaction so a rolled-back update is never seen. */
  async load(em: EntityManager): Promise<StoreSettings> {
    const rows = await em.find(Setting)
    const merged = defaultSettings() as unknown as Record<string, unknown>
    for (const row of rows) {
      const stored: unknown = JSON.parse(row.value)
      const fallback = merged[row.key]
      // A section saved before a field was added gets that field's default (e.g. printer.reportsStatus).
      merged[row.key] = isRecord(fallback) && isRecord(stored) ? { ...fallback, ...stored } : stored
    }
    return merged as unknown as StoreSettings
  }

  async update(em: EntityManager, patch: Partial<StoreSettings>, afterCommit: (fn: () => void) => void): Promise<StoreSettings> {
    for (const [key, value] of Object.entries(patch) as [Section, unknown][]) {
      if (value === undefined) continue
      await em.upsert(Setting, { key, value: JSON.stringify(value) }, ['key'])
    }
    // Drop the cache once the change is durable (a rollback leaves the cached copy right).
    afterCommit(() => {
      this.cache = null
    })
    return this.load(em)
  }
}
