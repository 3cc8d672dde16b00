import Database from 'better-sqlite3'
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readSync, renameSync, rmSync, statSync } from 'node:fs'
import { dirname } from 'node:path'
import type { DatabaseProblem } from '@shared/contract/system'
import { walk } from './page-walk'

/** Stamped into every database this app creates (SQLite header offset 68): "RCTR". */
export const APPLICATION_ID = 0x52435452
/** The first migration: a database made before APPLICATION_ID existed is recognised by it. */
const FIRST_MIGRATION = 'Initial1795417200000'
const MAGIC = Buffer.from('SQLite format 3\0', 'latin1')
const HEADER_BYTES = 100

export type FileCheck = { ok: true; durationMs: number } | { ok: false; problem: DatabaseProblem; details: string[] }

/**
 * Everything the app checks before it opens a database for writing. Read-only throughout: a
 * refused file is left exactly as it was found (SQLite may add empty -wal/-shm files beside a
 * WAL database it reads, never changes the database file itself).
 *
 * First, at once: the header (0-byte, not SQLite, truncated) and whether it is this app's file
 * (application id, or its migrations table). Then the page walks, which cost about 1.5 ms per MB:
 * `quick_check` (a full `integrity_check` supplies the details when it finds anything) and
 * `foreign_key_check`, side by side in two worker threads so the event loop stays free (the
 * window and the bridge's pages load meanwhile); inline if a worker cannot start.
 */
export async function checkDatabaseFile(path: string, nativeBinding?: string): Promise<FileCheck> {
  const started = performance.now()
  try {
    const refused = checkHeader(path) ?? checkOwner(path, nativeBinding)
    if (refused) return refused
    const [quick, orphans] = await Promise.all([walk(path, nativeBinding, 'quick'), walk(path, nativeBinding, 'foreignKeys')])
    if (quick.join() !== 'ok') return { ok: false, problem: 'corrupt', details: quick }
    if (orphans.length) return { ok: false, problem: 'foreignKeys', details: orphans }
    return { ok: true, durationMs: performance.now() - started }
  } catch (error) {
    // SQLITE_CORRUPT / SQLITE_NOTADB while reading the schema itself, or a file we cannot read.
    return { ok: false, problem: 'corrupt', details: [String((error as Error).message ?? error)] }
  }
}

function checkOwner(path: string, nativeBinding?: string): FileCheck | null {
  const db = new Database(path, { readonly: true, fileMustExist: true, nativeBinding })
  try {
    return isThisAppsDatabase(db) ? null : { ok: false, problem: 'notThisApp', details: [] }
  } finally {
    db.close()
  }
}

function checkHeader(path: string): FileCheck | null {
  const size = statSync(path).size
  if (size === 0) return { ok: false, problem: 'empty', details: [] }
  const head = Buffer.alloc(HEADER_BYTES)
  const fd = openSync(path, 'r')
  try {
    readSync(fd, head, 0, HEADER_BYTES, 0)
  } finally {
    closeSync(fd)
  }
  if (!head.subarray(0, MAGIC.length).equals(MAGIC)) return { ok: false, problem: 'notSqlite', details: [] }
  const rawPageSize = head.readUInt16BE(16)
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize
  const pages = head.readUInt32BE(28)
  // The in-header size is only valid when "version-valid-for" matches the change counter.
  const sizeValid = head.readUInt32BE(92) === head.readUInt32BE(24)
  // With a non-empty write-ahead log (a crash mid-checkpoint) the file may lag its header until the
  // log is replayed; quick_check, which reads through the log, judges that case.
  const expected = sizeValid && !hasWriteAheadLog(path) ? pages * pageSize : 0
  if (size < HEADER_BYTES || size % pageSize !== 0 || size < expected) {
    return { ok: false, problem: 'truncated', details: [`file ${size} bytes, header says ${expected} (${pages} pages of ${pageSize})`] }
  }
  return null
}

function hasWriteAheadLog(path: string): boolean {
  try {
    return statSync(`${path}-wal`).size > 0
  } catch {
    return false
  }
}

/** Ours: stamped with our application id, or (made before the stamp) carrying our migrations table. */
function isThisAppsDatabase(db: Database.Database): boolean {
  if (db.pragma('application_id', { simple: true }) === APPLICATION_ID) return true
  const table = db.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migrations'`).get()
  if (!table) return false
  const first = db.prepare(`SELECT name FROM migrations ORDER BY id LIMIT 1`).get() as { name: string } | undefined
  return first?.name === FIRST_MIGRATION
}

/**
 * First run: creates the database file stamped as this app's, atomically (built beside it, then
 * renamed into place), so a crash never leaves an empty or unstamped file that the next start
 * would have to refuse.
 */
export function createDatabaseFile(path: string, nativeBinding?: string): void {
  mkdirSync(dirname(path), { recursive: true })
  // A write-ahead log left from a deleted database would be replayed into the new one: keep it aside, unread.
  if (existsSync(`${path}-wal`)) renameSync(`${path}-wal`, `${path}-wal.orphaned-${Date.now()}`)
  rmSync(`${path}-shm`, { force: true })
  const building = `${path}.creating`
  rmSync(building, { force: true })
  const db = new Database(building, { nativeBinding })
  db.pragma(`application_id = ${APPLICATION_ID}`)
  db.close()
  const fd = openSync(building, 'r+')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  renameSync(building, path)
}

/** A database from before the stamp passed every check: stamp it once (after the checks, never before). */
export async function stampApplicationId(db: { query(sql: string): Promise<unknown> }): Promise<void> {
  const [row] = (await db.query('PRAGMA application_id')) as { application_id: number }[]
  if (row?.application_id !== APPLICATION_ID) await db.query(`PRAGMA application_id = ${APPLICATION_ID}`)
}
