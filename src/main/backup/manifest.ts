import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { BackupEntry, BackupList } from '@shared/contract/backup'

export const MANIFEST_FILE = 'backups.json'

/**
 * The small file in the user-data folder that mirrors the backups (the damaged-database screen
 * reads it, since it may not read the database): the folder, every verified backup, the last
 * failure and the last restore.
 */
export type Manifest = Omit<BackupList, 'defaultFolder' | 'found'> & { version: 1 }

export const manifestPath = (userDataDir: string): string => join(userDataDir, MANIFEST_FILE)

const empty = (): Manifest => ({ version: 1, folder: '', backups: [], lastFailure: null, lastRestore: null })

/** The manifest, or an empty one when it is missing or unreadable (never throws: it is only a mirror). */
export function readManifest(userDataDir: string): Manifest {
  const path = manifestPath(userDataDir)
  if (!existsSync(path)) return empty()
  try {
    const m = JSON.parse(readFileSync(path, 'utf8')) as Partial<Manifest>
    return { ...empty(), ...m, backups: Array.isArray(m.backups) ? m.backups.filter(isEntry) : [] }
  } catch {
    return empty()
  }
}

/** Written beside, then renamed over: a crash leaves the old manifest or the new one, never half of one. */
export function writeManifest(userDataDir: string, m: Manifest): void {
  const path = manifestPath(userDataDir)
  writeFileSync(`${path}.tmp`, JSON.stringify(m, null, 2))
  renameSync(`${path}.tmp`, path)
}

export function updateManifest(userDataDir: string, change: (m: Manifest) => void): Manifest {
  const m = readManifest(userDataDir)
  change(m)
  writeManifest(userDataDir, m)
  return m
}

function isEntry(e: unknown): e is BackupEntry {
  const b = e as BackupEntry
  return typeof b === 'object' && b !== null && typeof b.path === 'string' && typeof b.takenAt === 'string'
}

/** The newest verified backup whose file is still there (a USB drive may be unplugged), or null. */
export function newestVerified(userDataDir: string): BackupEntry | null {
  const found = readManifest(userDataDir)
    .backups.filter((b) => b.verified)
    .sort((a, b) => b.takenAt.localeCompare(a.takenAt))
  return found.find((b) => existsSync(b.path)) ?? null
}
