import type { EntityManager } from 'typeorm'
import { DEVICE_SUGGESTIONS, type DeviceSuggestInput } from '@shared/contract/devices'

/** Spellings that differ only in case or full/half width are one brand/model ("ＡＰＰＬＥ" = "apple"). */
export function deviceKey(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase()
}

/** Everything from `key` up to the next key that does not start with it: an index range for a prefix. */
const prefixEnd = (key: string) => `${key}\uffff`

/**
 * Counts one intake's brand and model (one upsert each, inside the intake's transaction), so the
 * next clerk is offered them. Empty names are not recorded.
 */
export async function recordDevice(em: EntityManager, device: { category: string; brand: string; model: string }, now: Date): Promise<void> {
  const brand = device.brand.trim()
  const model = device.model.trim()
  if (!brand) return
  const at = now.toISOString()
  const brandKey = deviceKey(brand)
  await em.query(
    `INSERT INTO "device_brand" ("category", "brand", "brandKey", "uses", "lastUsedAt") VALUES (?, ?, ?, 1, ?)
     ON CONFLICT ("category", "brandKey") DO UPDATE SET "uses" = "uses" + 1, "lastUsedAt" = excluded."lastUsedAt"`,
    [device.category, brand, brandKey, at]
  )
  if (!model) return
  await em.query(
    `INSERT INTO "device_model" ("category", "brandKey", "model", "modelKey", "uses", "lastUsedAt") VALUES (?, ?, ?, ?, 1, ?)
     ON CONFLICT ("category", "brandKey", "modelKey") DO UPDATE SET "uses" = "uses" + 1, "lastUsedAt" = excluded."lastUsedAt"`,
    [device.category, brandKey, model, deviceKey(model), at]
  )
}

type Row = { name: string }
export interface Statement {
  sql: string
  params: unknown[]
}

/**
 * Names starting with what was typed (an index range on the key), then the most used ones (the
 * renderer matches those by pinyin too: `hw` -> 华为). Both bounded, both index-backed.
 */
export function suggestionStatements(input: Required<DeviceSuggestInput>): Statement[] {
  const prefix = deviceKey(input.prefix)
  const limit = DEVICE_SUGGESTIONS
  const [table, name, key, scope, params] = input.brand.trim()
    ? (['device_model', 'model', 'modelKey', `"category" = ? AND "brandKey" = ?`, [input.category, deviceKey(input.brand)]] as const)
    : (['device_brand', 'brand', 'brandKey', `"category" = ?`, [input.category]] as const)
  const popular = { sql: `SELECT "${name}" AS name FROM "${table}" WHERE ${scope} ORDER BY "uses" DESC LIMIT ?`, params: [...params, limit] }
  if (!prefix) return [popular]
  const starting = {
    sql: `SELECT "${name}" AS name FROM "${table}" WHERE ${scope} AND "${key}" >= ? AND "${key}" < ? ORDER BY "${key}" LIMIT ?`,
    params: [...params, prefix, prefixEnd(prefix), limit]
  }
  return [starting, popular]
}

/** At most DEVICE_SUGGESTIONS names, those starting with the typed text first. */
export async function suggestDevices(em: EntityManager, input: Required<DeviceSuggestInput>): Promise<string[]> {
  const names: string[] = []
  for (const st of suggestionStatements(input)) names.push(...((await em.query(st.sql, st.params)) as Row[]).map((r) => r.name))
  return [...new Set(names)].slice(0, DEVICE_SUGGESTIONS)
}
