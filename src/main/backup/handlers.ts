import type { backupContract } from '@shared/contract/backup'
import type { Handlers, HandlerContext } from '../core/context'
import { auditCall } from '../audit/audit'
import { AppError } from '../core/errors'
import { managerApproval } from '../auth/approval'
import { connectionOf } from '../db/prepared'
import type { BackupReason } from '@shared/contract/backup'

export const backupHandlers: Handlers<typeof backupContract> = {
  'backups.list': async (_input, ctx) => ctx.services.backups.list(await ctx.services.settings.cached(ctx.em)),

  // A read-only channel: inside the lock, no transaction open, the connection query-only while it copies.
  'backups.now': async (_input, ctx) => ctx.services.backups.runHeld('manual'),

  'backups.restore': async (input, ctx) => {
    const manager = await managerApproval(ctx, input.approval)
    const liveTables = (
      connectionOf(ctx.em).prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).all() as { name: string }[]
    ).map((r) => r.name)
    const staged = await ctx.services.backups.stageRestore(input.file, liveTables, { approvedBy: manager.username, restoredAt: ctx.now.toISOString() })
    // Recorded in the database being replaced (kept aside): who restored what, with whose approval.
    await auditCall(ctx, { action: 'backup.restore', entity: 'database', detail: { ...staged, approvedBy: manager.username } })
    const backups = ctx.services.backups
    ctx.afterCommit(() => backups.requestRestart())
    return { ...staged, restart: backups.canRestartLive ? 'automatic' : 'manual' }
  },

  // Served by the DamagedRouter (src/main/backup/damaged-restore.ts); a healthy database restores through backups.restore.
  'backups.restoreDamaged': async () => {
    throw new AppError('CONFLICT', 'backup.restore.onlyDamaged')
  }
}

/**
 * For the day close (and anything else that ends a day): a verified backup once this call's
 * transaction has committed. Never awaited inside the handler (the backup waits for the lock the
 * handler holds); a failure is logged and shown in Settings → Backups.
 */
export function backupNow(ctx: Pick<HandlerContext, 'afterCommit' | 'services'>, reason: BackupReason): void {
  const backups = ctx.services.backups
  if (reason === 'dayClose' && !backups.atDayClose) return
  ctx.afterCommit(() => void backups.run(reason).catch(() => undefined))
}
