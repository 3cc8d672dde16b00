import Database from 'better-sqlite3'
import { z } from 'zod'
import type { RestoreResult } from '@shared/contract/backup'
import { approval } from '@shared/contract/fields'
import { zodErrors } from '@shared/contract/field-errors'
import type { Result } from '@shared/contract/result'
import { translate, type Params, type Translate } from '@shared/i18n'
import { verifyPin } from '../auth/pin'
import { dummyHash } from '../auth/recovery'
import { AppError } from '../core/errors'
import { migrations } from '../db/migrations'
import { newestVerified } from './manifest'
import { stageRestoreFile } from './service'

/** The damaged-database screen speaks both languages (the store's language is in the damaged file). */
const both: Translate = (key, params) => `${translate('zh-CN', key, params)} / ${translate('en', key, params)}`

const Input = z.object({ approval })

export interface DamagedRestoreOptions {
  userDataDir: string
  dbPath: string
  nativeBinding?: string
  clock?: () => Date
  /** Reopen the app (the new core puts the staged backup in place); absent: the user restarts. */
  onRestartRequested?: () => void
}

/**
 * `backups.restoreDamaged` while the database is damaged: puts the newest verified backup in place of
 * the damaged file on the next open. Nothing can be read from the damaged file, so the manager's PIN
 * is checked against the backup itself (a manager there); wrong PINs lock this screen for a minute,
 * doubling, per process. The damaged file is renamed aside at the reopen, never deleted or written.
 */
export function damagedRestore(opts: DamagedRestoreOptions): (raw: unknown) => Promise<Result<RestoreResult>> {
  let wrong = 0
  let lockedUntil = 0
  const now = () => (opts.clock ?? (() => new Date()))()
  const fail = (error: AppError): Result<RestoreResult> => ({
    ok: false,
    error: {
      code: error.code,
      message: both(error.messageKey, error.params),
      ...(error.fields ? { fields: Object.fromEntries(Object.entries(error.fields).map(([k, v]) => [k, fieldText(v)])) } : {})
    }
  })
  return async (raw) => {
    const parsed = Input.safeParse(raw ?? {})
    if (!parsed.success) return { ok: false, error: { code: 'VALIDATION', message: both('err.VALIDATION'), fields: zodErrors(parsed.error, both) } }
    const wait = Math.ceil((lockedUntil - now().getTime()) / 1000)
    if (wait > 0) return fail(new AppError('LOCKED', 'err.LOCKED', { seconds: wait }))
    const backup = newestVerified(opts.userDataDir)
    if (!backup) return fail(new AppError('NOT_FOUND', 'system.damaged.noBackup'))
    const { username, pin } = parsed.data.approval
    let hash: string | undefined
    try {
      const db = new Database(backup.path, { readonly: true, fileMustExist: true, nativeBinding: opts.nativeBinding })
      try {
        hash = (db.prepare(`SELECT pinHash FROM "user" WHERE username = ? AND role = 'manager' AND active = 1`).get(username) as { pinHash: string } | undefined)?.pinHash
      } finally {
        db.close()
      }
    } catch {
      return fail(new AppError('VALIDATION', 'backup.restore.damaged', {}, { file: 'backup.restore.damaged' }))
    }
    if (!verifyPin(pin, hash ?? dummyHash()) || !hash) {
      wrong++
      if (wrong % 5 === 0) {
        const seconds = Math.min(3600, 60 * 2 ** (wrong / 5 - 1))
        lockedUntil = now().getTime() + seconds * 1000
        return fail(new AppError('LOCKED', 'err.LOCKED', { seconds }))
      }
      return fail(new AppError('VALIDATION', 'err.VALIDATION', {}, { 'approval.pin': `auth.wrongPinLeft|left=${5 - (wrong % 5)}` }))
    }
    wrong = 0
    try {
      const staged = await stageRestoreFile({
        file: backup.path,
        dbPath: opts.dbPath,
        nativeBinding: opts.nativeBinding,
        now: now(),
        known: migrations.map((M) => new M().name),
        liveTables: [],
        audit: { approvedBy: username, restoredAt: now().toISOString(), replacedDamaged: true }
      })
      const restart = opts.onRestartRequested
      // After this answer is on its way: the transport reopens the app on the restored file.
      if (restart) setTimeout(restart, 0)
      return { ok: true, value: { ...staged, restart: restart ? 'automatic' : 'manual' } }
    } catch (error) {
      if (error instanceof AppError) return fail(error)
      throw error
    }
  }
}

function fieldText(message: string): string {
  const [key, ...rest] = message.split('|')
  const params: Params = Object.fromEntries(rest.map((p) => p.split('=') as [string, string]))
  return both(key, params)
}
