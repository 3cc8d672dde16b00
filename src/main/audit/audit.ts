import type { EntityManager } from 'typeorm'
import { AuditLog } from './audit-log.entity'

export async function audit(
  em: EntityManager,
  entry: { at: Date; userId: number | null; action: string; entity: string; entityId?: number | null; detail?: Record<string, unknown> }
): Promise<void> {
  await em.save(
    em.create(AuditLog, {
    at: entry.at.toISOString(),
    userId: entry.userId,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    detail: entry.detail ?? null
    })
  )
}
