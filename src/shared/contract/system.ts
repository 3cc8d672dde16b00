import { z } from 'zod'
import { channel } from './channel'

/** Why the database was refused at start (see src/main/db/integrity.ts). */
export const DATABASE_PROBLEMS = ['empty', 'notSqlite', 'truncated', 'notThisApp', 'corrupt', 'foreignKeys'] as const
export type DatabaseProblem = (typeof DATABASE_PROBLEMS)[number]

/** A backup the damaged-database screen can point to (backups arrive with the manager issue). */
export interface BackupInfo {
  path: string
  /** UTC ISO instant the backup was taken. */
  takenAt: string
  sizeBytes: number
  /** The last migration the backup carries (its schema version). */
  schema?: string
}

export type DatabaseHealth =
  | { state: 'ok' }
  | {
      state: 'damaged'
      problem: DatabaseProblem
      /** SQLite's own findings (first lines of integrity_check / foreign_key_check), untranslated. */
      details: string[]
      dbPath: string
      newestBackup: BackupInfo | null
    }

export const systemContract = {
  /**
   * Answers in every state, before sign-in too: whether the database passed its checks at start.
   * While it is damaged every other channel answers DATABASE_DAMAGED.
   */
  'system.health': channel<DatabaseHealth>()(z.object({}).default({}), 'public')
}
