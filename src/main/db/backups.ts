import type { BackupInfo } from '@shared/contract/system'
import { newestVerified } from '../backup/manifest'

export type { BackupInfo }

/**
 * The newest verified backup of this data folder, or null. The damaged-database screen names it.
 *
 * It must work while the database is damaged, so it reads nothing from the database: the backup
 * domain (src/main/backup/) mirrors the folder and the verified backups into `backups.json` in
 * `userDataDir` whenever it takes, rotates or restores one.
 */
export function findNewestBackup(userDataDir: string): BackupInfo | null {
  const b = newestVerified(userDataDir)
  return b ? { path: b.path, takenAt: b.takenAt, sizeBytes: b.sizeBytes, schema: b.schema } : null
}
