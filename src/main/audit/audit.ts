import type { EntityManager } from 'typeorm'
import type { AuditAction, AuditChanges } from '@shared/contract/audit'
import type { HandlerContext } from '../core/context'
import { AuditLog } from './audit-log.entity'

export interface AuditEntry {
  at: Date
  userId: number | null
  action: AuditAction
  entity: string
  entityId?: number | null
  detail?: Record<string, unknown>
  /** Old and new value per changed key path, from changes(before, after). Never secrets. */
  changes?: AuditChanges
}

/** Appends one audit row in the caller's transaction (it commits or rolls back with the change). */
export async function audit(em: EntityManager, entry: AuditEntry): Promise<void> {
  const hasChanges = entry.changes && Object.keys(entry.changes).length > 0
  const detail = entry.detail || hasChanges ? { ...entry.detail, ...(hasChanges ? { changes: entry.changes } : {}) } : null
  await em.insert(AuditLog, {
    at: entry.at.toISOString(),
    userId: entry.userId,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    detail
  })
}

/** audit() from a handler: at the call's one clock reading, by the signed-in user (none before sign-in). */
export function auditCall(ctx: Pick<HandlerContext, 'em' | 'now' | 'user'>, entry: Omit<AuditEntry, 'at' | 'userId'>): Promise<void> {
  return audit(ctx.em, { at: ctx.now, userId: ctx.user?.id ?? null, ...entry })
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * What changed between two snapshots of a record, per dotted key path: {"store.name": {old, new}}.
 * Objects and arrays are compared entry by entry; anything else by value. Missing = null.
 */
export function changes(before: unknown, after: unknown, path = ''): AuditChanges {
  const out: AuditChanges = {}
  const bothObjects = isPlainObject(before) && isPlainObject(after)
  const bothArrays = Array.isArray(before) && Array.isArray(after)
  if (bothObjects || bothArrays) {
    const b = before as Record<string, unknown>
    const a = after as Record<string, unknown>
    const keys = new Set([...Object.keys(b), ...Object.keys(a)])
    for (const key of keys) Object.assign(out, changes(b[key], a[key], path ? `${path}.${key}` : key))
    return out
  }
  const old = before ?? null
  const now = after ?? null
  if (JSON.stringify(old) !== JSON.stringify(now)) out[path || '_'] = { old, new: now }
  return out
}

/** The named fields of a record, for changes(pick(before), pick(after)). */
export function pick<T extends object, K extends keyof T>(record: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((k) => [k, record[k]])) as Pick<T, K>
}
