import { z } from 'zod'
import { channel, readOnly } from './channel'
import { approval } from './fields'

/** Why a backup was taken: the first start of a business day, the day close, or "Backup now". */
export const BACKUP_REASONS = ['start', 'dayClose', 'manual'] as const
export type BackupReason = (typeof BACKUP_REASONS)[number]

/** One backup file, as recorded in the manifest (`backups.json` in the user-data folder). */
export interface BackupEntry {
  /** Absolute path of the copy. */
  path: string
  /** UTC ISO instant the copy was taken. */
  takenAt: string
  /** 'YYYY-MM-DD HH:mm:ss' in the store's time zone (also in the file name). */
  localTime: string
  sizeBytes: number
  /** integrity_check said ok, the copy opened read-only and is this app's database. */
  verified: boolean
  /** Schema version: the name of the last migration the copy carries. */
  schema: string
  reason: BackupReason
}

export interface BackupFailure {
  at: string
  reason: BackupReason
  /** Untranslated, for the manager and support (SQLite's or the file system's words). */
  message: string
}

/**
 * A database file in the backup folder that the list does not know: another PC's backups on a USB
 * drive (after a reinstall), or files copied in by hand. Checked only when restored.
 */
export interface FoundBackup {
  path: string
  sizeBytes: number
  /** UTC ISO instant the file was last written. */
  modifiedAt: string
}

/** At most this many found files are listed, newest first. */
export const FOUND_BACKUPS_MAX = 50

export interface BackupList {
  /** The folder new backups go to (the setting, or the default). */
  folder: string
  defaultFolder: string
  backups: BackupEntry[]
  found: FoundBackup[]
  lastFailure: BackupFailure | null
  /** The last restore (the replaced database is kept aside at `replacedPath`). */
  lastRestore: { at: string; from: string; replacedPath: string | null } | null
}

export interface RestoreResult {
  /** The copy that will become the database, and what it carries. */
  from: string
  schema: string
  /** The copy was older than this app and has been brought up to date. */
  migrated: boolean
  /** 'automatic': the app reopens the database now; 'manual': close and start the app again to finish. */
  restart: 'automatic' | 'manual'
}

/**
 * A backup folder: empty = the default (`backups` in the user-data folder). Never a network path
 * (\\host\share, //host/share, smb://…): a backup must not depend on the network being up.
 */
export const backupFolder = z
  .string()
  .trim()
  .max(500, 'v.tooLong|max=500')
  .refine((s) => !/^(\\\\|\/\/)|^[a-z][a-z0-9+.-]*:\/\//i.test(s), 'backup.v.network')

export const BackupSettingsInput = z.object({ folder: backupFolder })
export type BackupSettings = z.output<typeof BackupSettingsInput>

export const backupContract = {
  'backups.list': readOnly(channel<BackupList>()(z.object({}).default({}), ['manager'])),
  /** Copies the database now (the connection is query-only while it copies) and verifies the copy. */
  'backups.now': readOnly(channel<BackupEntry>()(z.object({}).default({}), ['manager'])),
  /**
   * Replaces the database with a backup (manager's PIN): the file must be this app's database, not
   * newer than this app; an older one is migrated. The replaced database is kept aside, renamed.
   */
  'backups.restore': channel<RestoreResult>()(z.object({ file: z.string().trim().min(1, 'v.required').max(1000), approval }), ['manager']),
  /**
   * Only while the database is damaged (the damaged-database screen; a healthy app refuses it): the
   * newest verified backup goes in place of the damaged file, which is kept aside. The PIN is checked
   * against a manager in that backup, since nothing can be read from the damaged file.
   */
  'backups.restoreDamaged': channel<RestoreResult>()(z.object({ approval }), 'public')
}
