import type { BackupInfo } from '@shared/contract/system'

export type { BackupInfo }

/**
 * HOOK for the backups of the manager issue (issue 9): the newest verified backup of this data
 * folder, or null. The damaged-database screen names it.
 *
 * It must work while the database is damaged, so it may not read anything from the database:
 * the backup folder (a setting, possibly a USB drive) has to be mirrored into a small file in
 * `userDataDir` (e.g. `backups.json` with the folder and the verified backups) when backups are
 * taken. Until backups exist there is nothing to name.
 */
export function findNewestBackup(_userDataDir: string): BackupInfo | null {
  return null
}
