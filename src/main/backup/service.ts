import Database from 'better-sqlite3'
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync, readFileSync } from 'node:fs'
import { basename, dirname, isAbsolute, join } from 'node:path'
import type { DataSource } from 'typeorm'
import { FOUND_BACKUPS_MAX, type BackupEntry, type BackupList, type BackupReason, type FoundBackup, type RestoreResult } from '@shared/contract/backup'
import type { StoreSettings } from '@shared/contract/settings'
import { AppError } from '../core/errors'
import type { Mutex } from '../core/mutex'
import { checkDatabaseFile } from '../db/integrity'
import { openDatabase } from '../db/data-source'
import { walk } from '../db/page-walk'
import { connectionOf } from '../db/prepared'
import type { SettingsService } from '../settings/service'
import { readManifest, updateManifest } from './manifest'
import { rotate } from './rotation'
import { copyOnline, CopyRestarted } from './online-copy'

export interface BackupDeps {
  dataSource: DataSource
  mutex: Mutex
  settings: SettingsService
  userDataDir: string
  dbPath: string
  nativeBinding?: string
  clock: () => Date
  logError: (where: string, error: unknown) => void
  /**
   * Reopens the app on its database (the bridge and the Electron shell close the core and create a
   * new one, which puts a staged restore in place). Absent: the user restarts the app.
   */
  onRestartRequested?: () => void
  /** Back up after each day close (default true). */
  atDayClose?: boolean
}

/** A network share is never a backup folder: a backup must not depend on the network being up. */
const NETWORK_PATH = /^(\\\\|\/\/)|^[a-z][a-z0-9+.-]*:\/\//i

/**
 * Why a folder cannot take backups (an i18n key), or null: an absolute local path, not a network
 * share, where a file can be written. A missing folder is created only when its parent exists and
 * only when the manager sets it (`create`); at backup time a missing custom folder is an error, so
 * an unplugged USB drive never makes backups land silently on the system disk under the same path.
 */
export function folderProblem(folder: string, create = false): string | null {
  if (NETWORK_PATH.test(folder)) return 'backup.v.network'
  if (!isAbsolute(folder)) return 'backup.v.absolute'
  try {
    if (!existsSync(folder)) {
      if (!create || !existsSync(dirname(folder))) return 'backup.v.notWritable'
      mkdirSync(folder)
    }
    const probe = join(folder, `.repair-counter-write-test-${process.pid}`)
    writeFileSync(probe, 'ok')
    rmSync(probe, { force: true })
    return null
  } catch {
    return 'backup.v.notWritable'
  }
}

/** 'YYYY-MM-DD HH:mm:ss' in the store's zone, and the same as a file-name stamp 'YYYY-MM-DD_HHmmss'. */
export function localStamp(instant: Date, timeZone: string): { localTime: string; fileStamp: string } {
  const f = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit'
  })
  const p: Record<string, string> = {}
  for (const part of f.formatToParts(instant)) p[part.type] = part.value
  const date = `${p.year}-${p.month}-${p.day}`
  return { localTime: `${date} ${p.hour}:${p.minute}:${p.second}`, fileStamp: `${date}_${p.hour}${p.minute}${p.second}` }
}

interface Copy {
  tmp: string
  path: string
  takenAt: string
  localTime: string
  timeZone: string
  reason: BackupReason
}

/** Where a restore waits for the next open of the database (see applyStagedRestore). */
export const stagingPath = (dbPath: string): string => `${dbPath}.restore`
const markerPath = (dbPath: string): string => `${dbPath}.restore.json`

/**
 * Backups of the live database with SQLite's online backup API, verified, listed in the manifest
 * (`backups.json` in the user-data folder) and rotated; restore from one.
 *
 * A backup at the start of the day or after the day close copies while the counter keeps working
 * (copyOnline); Backup now copies inside the router's lock with no transaction open. Verifying the
 * copy (integrity_check in a worker thread) runs outside the lock when it can.
 */
export class BackupService {
  private tasks = new Set<Promise<unknown>>()
  private timer: NodeJS.Timeout | null = null
  private closed = false

  constructor(private deps: BackupDeps) {}

  get atDayClose(): boolean {
    return this.deps.atDayClose !== false
  }

  get defaultFolder(): string {
    return join(this.deps.userDataDir, 'backups')
  }

  folderOf(settings: Pick<StoreSettings, 'backup'>): string {
    return settings.backup?.folder || this.defaultFolder
  }

  get canRestartLive(): boolean {
    return Boolean(this.deps.onRestartRequested)
  }

  list(settings: StoreSettings): BackupList {
    const m = readManifest(this.deps.userDataDir)
    const backups = m.backups
      .filter((b) => existsSync(b.path))
      .sort((a, b) => b.takenAt.localeCompare(a.takenAt))
    const folder = this.folderOf(settings)
    return { folder, defaultFolder: this.defaultFolder, backups, found: foundIn(folder, new Set(m.backups.map((b) => b.path))), lastFailure: m.lastFailure, lastRestore: m.lastRestore }
  }

  /** The folder setting changed: mirror it, so the damaged-database screen knows where backups go. */
  folderChanged(settings: StoreSettings): void {
    updateManifest(this.deps.userDataDir, (m) => void (m.folder = this.folderOf(settings)))
  }

  /**
   * A backup now, from outside the router (start of day, day close): copies while the counter keeps
   * working (see copyOnline), verifies the copy. Failures are recorded in the manifest and logged, and rejected.
   */
  run(reason: BackupReason): Promise<BackupEntry> {
    const task = this.copyLive(reason)
      .then((copy) => this.finish(copy))
      .catch((error) => {
        this.recordFailure(reason, error)
        throw error
      })
    this.track(task)
    return task
  }

  /**
   * A backup by a caller that holds the lock with no transaction open (the read-only channel
   * backups.now). The copy needs the lock; verifying it does not: the answer waits for the check up to
   * `waitMs` (a small store's check takes milliseconds), then answers `verified: false` and the check
   * finishes after the lock is free (a large store's integrity_check takes seconds), updating the list.
   */
  async runHeld(reason: BackupReason, waitMs = 2000): Promise<BackupEntry> {
    let copy: Copy
    try {
      copy = await this.copyHeld(reason)
    } catch (error) {
      this.recordFailure(reason, error)
      throw error
    }
    const done = this.finish(copy).catch((error) => {
      this.recordFailure(reason, error)
      throw error
    })
    this.track(done)
    let timer: NodeJS.Timeout | undefined
    const later = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), waitMs)))
    try {
      const entry = await Promise.race([done, later])
      if (entry) return entry
    } finally {
      clearTimeout(timer)
    }
    const sizeBytes = [copy.tmp, copy.path].map((f) => (existsSync(f) ? statSync(f).size : 0)).find((n) => n > 0) ?? 0
    return { path: copy.path, takenAt: copy.takenAt, localTime: copy.localTime, sizeBytes, verified: false, schema: '', reason }
  }

  /**
   * The first start of each business day: once the app is up (after `delayMs`, so the window's first
   * calls go first), a backup unless one was taken today (store time zone) or the store is not set up.
   * Only a core whose database passed its checks calls this.
   */
  scheduleAtStart(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.timer = null
      if (this.closed) return
      this.track(this.atStart().catch((e) => this.deps.logError('backup', e)))
    }, delayMs)
    this.timer.unref?.()
  }

  async atStart(): Promise<BackupEntry | null> {
    const due = await this.deps.mutex.run(async () => {
      const [user] = (await this.deps.dataSource.query('SELECT 1 AS one FROM "user" LIMIT 1')) as unknown[]
      if (!user) return false
      const settings = await this.deps.settings.cached(this.deps.dataSource.manager)
      const today = localStamp(this.deps.clock(), settings.timeZone).localTime.slice(0, 10)
      return !readManifest(this.deps.userDataDir).backups.some((b) => b.verified && b.localTime.startsWith(today))
    })
    return due ? this.run('start') : null
  }

  /** Waits for running backups; no new start-of-day backup after this. */
  async close(): Promise<void> {
    this.closed = true
    if (this.timer) clearTimeout(this.timer)
    while (this.tasks.size) await Promise.allSettled([...this.tasks])
  }

  private track(task: Promise<unknown>): void {
    const t = task.catch(() => undefined).finally(() => this.tasks.delete(t))
    this.tasks.add(t)
  }

  /** Copies with the router's lock held by the caller: nothing else runs meanwhile. */
  private async copyHeld(reason: BackupReason): Promise<Copy> {
    const copy = await this.target(reason)
    await connectionOf(this.deps.dataSource).backup(copy.tmp)
    return copy
  }

  /**
   * Copies without holding the router's lock (its steps interleave with the counter's calls); when
   * rolled-back writes keep restarting it, copies again under the lock.
   */
  private async copyLive(reason: BackupReason): Promise<Copy> {
    const copy = await this.deps.mutex.run(() => this.target(reason))
    const db = connectionOf(this.deps.dataSource)
    try {
      await copyOnline(db, copy.tmp)
    } catch (error) {
      if (!(error instanceof CopyRestarted)) throw error
      await this.deps.mutex.run(() => db.backup(copy.tmp))
    }
    return copy
  }

  /** Where this backup goes (checked folder, a free name by store time); `tmp` until verified. */
  private async target(reason: BackupReason): Promise<Copy> {
    const settings = await this.deps.settings.cached(this.deps.dataSource.manager)
    const folder = this.folderOf(settings)
    // The default folder is ours to create; a folder the manager chose must be there (a USB drive).
    if (folder === this.defaultFolder) mkdirSync(folder, { recursive: true })
    const problem = folderProblem(folder)
    if (problem) throw new AppError('VALIDATION', 'backup.failed.folder', { folder, why: `@${problem}` }, { 'backup.folder': problem })
    const now = this.deps.clock()
    const { localTime, fileStamp } = localStamp(now, settings.timeZone)
    let path = join(folder, `repair-counter_${fileStamp}.sqlite`)
    for (let n = 2; existsSync(path); n++) path = join(folder, `repair-counter_${fileStamp}-${n}.sqlite`)
    const tmp = `${path}.part`
    rmSync(tmp, { force: true })
    return { tmp, path, takenAt: now.toISOString(), localTime, timeZone: settings.timeZone, reason }
  }

  /** Verifies the copy, puts it in place, lists it, rotates. A copy that fails verification is deleted. */
  private async finish(copy: Copy): Promise<BackupEntry> {
    let schema: string
    try {
      schema = await verifyCopy(copy.tmp, this.deps.nativeBinding)
      renameSync(copy.tmp, copy.path)
    } catch (error) {
      rmSync(copy.tmp, { force: true })
      throw error
    }
    const entry: BackupEntry = {
      path: copy.path,
      takenAt: copy.takenAt,
      localTime: copy.localTime,
      sizeBytes: statSync(copy.path).size,
      verified: true,
      schema,
      reason: copy.reason
    }
    updateManifest(this.deps.userDataDir, (m) => {
      m.folder = dirname(copy.path)
      m.lastFailure = null
      const { keep, remove } = rotate([...m.backups.filter((b) => b.path !== entry.path), entry], copy.timeZone)
      for (const old of remove) rmSync(old.path, { force: true })
      m.backups = keep
    })
    return entry
  }

  private recordFailure(reason: BackupReason, error: unknown): void {
    this.deps.logError('backup', error)
    try {
      const message = error instanceof AppError ? `${error.messageKey} ${JSON.stringify(error.params)}` : String((error as Error)?.message ?? error)
      updateManifest(this.deps.userDataDir, (m) => void (m.lastFailure = { at: this.deps.clock().toISOString(), reason, message }))
    } catch (e) {
      this.deps.logError('backup', e)
    }
  }

  /** Restore, step one (in the restore call, before anything is replaced): see stageRestoreFile. */
  async stageRestore(file: string, liveTables: string[], audit?: Record<string, unknown>): Promise<Omit<RestoreResult, 'restart'>> {
    const { dbPath, nativeBinding, clock } = this.deps
    return stageRestoreFile({ file, dbPath, nativeBinding, now: clock(), known: this.deps.dataSource.migrations.map((m) => m.name ?? m.constructor.name), liveTables, audit })
  }

  /** Restore, step two: after the restore call committed, the app reopens (the staged copy goes in on open). */
  requestRestart(): void {
    this.deps.onRestartRequested?.()
  }
}

export interface StageOptions {
file: string
dbPath: string
nativeBinding?: string
now: Date
/** The migrations this app knows, by name. */
known: string[]
/** Tables the restored file must have (the live database's; none when the live one is damaged). */
liveTables: string[]
/** Detail of the audit row written into the restored database. */
audit?: Record<string, unknown>
}

/**
 * Restore, step one, before anything is replaced: copy the chosen file beside the database, check
 * that copy (header, this app's file, quick_check, foreign keys), refuse one made by a newer app (a
 * migration this app does not know), migrate an older one, check it has every table the live
 * database has, and leave a marker so the next open puts it in place. The chosen file is only read.
 */
export async function stageRestoreFile(o: StageOptions): Promise<Omit<RestoreResult, 'restart'>> {
  const { file, nativeBinding } = o
  if (!isAbsolute(file) || !existsSync(file) || !statSync(file).isFile()) throw refuse('backup.v.fileMissing')
  const staging = stagingPath(o.dbPath)
  for (const f of [staging, `${staging}-wal`, `${staging}-shm`, markerPath(o.dbPath)]) rmSync(f, { force: true })
  try {
    copyFileSync(file, staging)
  } catch (error) {
    // A full disk, a file that cannot be read (a USB drive pulled out): said, not an internal error.
    rmSync(staging, { force: true })
    throw refuse('backup.restore.copyFailed', { why: (error as NodeJS.ErrnoException).code ?? 'EIO' })
  }
  try {
    const check = await checkDatabaseFile(staging, nativeBinding)
    if (!check.ok) {
      const key = check.problem === 'notThisApp' || check.problem === 'notSqlite' || check.problem === 'empty' ? 'backup.restore.notThisApp' : 'backup.restore.damaged'
      throw refuse(key)
    }
    const applied = appliedMigrations(staging, nativeBinding)
    if (!applied) throw refuse('backup.restore.notThisApp')
    const known = new Set(o.known)
    const unknown = applied.find((name) => !known.has(name))
    if (unknown) throw refuse('backup.restore.newer', { migration: unknown })
    const migrated = applied.length < known.size
    if (migrated) {
      const ds = await openDatabase({ path: staging, nativeBinding })
      await ds.destroy()
    }
    const tables = new Set(tableNames(staging, nativeBinding))
    const missing = o.liveTables.filter((t) => !tables.has(t))
    if (missing.length) throw refuse('backup.restore.missingTables', { tables: missing.join(', ') })
    const schema = (appliedMigrations(staging, nativeBinding) ?? []).at(-1) ?? ''
    // The restored database's own audit log says where it came from (the user ids of this database
    // may mean other people there, so the approving manager is named, not referenced).
    if (o.audit) addAuditRow(staging, { ...o.audit, from: file, schema, migrated }, o.now, nativeBinding)
    writeFileSync(markerPath(o.dbPath), JSON.stringify({ from: file, schema, stagedAt: o.now.toISOString() }))
    return { from: file, schema, migrated }
  } catch (error) {
    for (const f of [staging, `${staging}-wal`, `${staging}-shm`]) rmSync(f, { force: true })
    throw error
  }
}

/** Database files in the folder the manifest does not list (newest first, at most FOUND_BACKUPS_MAX). */
function foundIn(folder: string, listed: ReadonlySet<string>): FoundBackup[] {
  let names: string[]
  try {
    names = readdirSync(folder)
  } catch {
    return [] // no folder (a USB drive not plugged in): the list says where backups go
  }
  const found: FoundBackup[] = []
  for (const name of names) {
    const path = join(folder, name)
    if (!/\.(sqlite|db)$/i.test(name) || listed.has(path)) continue
    try {
      const st = statSync(path)
      if (st.isFile()) found.push({ path, sizeBytes: st.size, modifiedAt: st.mtime.toISOString() })
    } catch {
      // gone since the folder was read
    }
  }
  return found.sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt)).slice(0, FOUND_BACKUPS_MAX)
}

/** A restore refused: the message says why, and so does the file field. */
function refuse(key: string, params: Record<string, string> = {}): AppError {
  const field = [key, ...Object.entries(params).map(([k, v]) => `${k}=${v}`)].join('|')
  return new AppError('VALIDATION', key, params, { file: field })
}

/** integrity_check, read-only open, this app's file; answers the schema version (last migration). */
export async function verifyCopy(path: string, nativeBinding?: string): Promise<string> {
  // A self-contained single file: no -wal/-shm beside it on a USB drive.
  const rw = new Database(path, { fileMustExist: true, nativeBinding })
  try {
    rw.pragma('journal_mode = DELETE')
  } finally {
    rw.close()
  }
  const lines = await walk(path, nativeBinding, 'integrity')
  if (lines.join() !== 'ok') throw new AppError('CONFLICT', 'backup.failed.verify', { detail: lines.slice(0, 3).join('; ') })
  const applied = appliedMigrations(path, nativeBinding)
  if (!applied?.length) throw new AppError('CONFLICT', 'backup.failed.verify', { detail: 'no migrations table' })
  return applied.at(-1)!
}

/** The migrations a database file carries, oldest first; null without a migrations table. */
export function appliedMigrations(path: string, nativeBinding?: string): string[] | null {
  const db = new Database(path, { readonly: true, fileMustExist: true, nativeBinding })
  try {
    const table = db.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migrations'`).get()
    if (!table) return null
    return (db.prepare('SELECT name FROM migrations ORDER BY id').all() as { name: string }[]).map((r) => r.name)
  } finally {
    db.close()
  }
}

function addAuditRow(path: string, detail: Record<string, unknown>, at: Date, nativeBinding?: string): void {
  const db = new Database(path, { fileMustExist: true, nativeBinding })
  try {
    db.prepare(`INSERT INTO audit_log (at, userId, action, entity, entityId, detail) VALUES (?, NULL, 'backup.restore', 'database', NULL, ?)`).run(
      at.toISOString(),
      JSON.stringify(detail)
    )
  } finally {
    db.close()
  }
}

function tableNames(path: string, nativeBinding?: string): string[] {
  const db = new Database(path, { readonly: true, fileMustExist: true, nativeBinding })
  try {
    return (db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).all() as { name: string }[]).map((r) => r.name)
  } finally {
    db.close()
  }
}

/**
 * At open, before the checks: a restore staged by backups.restore goes in. The database it replaces
 * (with its -wal, if a crash left one) is renamed aside with a timestamp, never deleted; the staged
 * copy is renamed into place; the manifest records it. Answers the aside path, or null if nothing
 * was staged.
 */
export function applyStagedRestore(dbPath: string, userDataDir: string, now = new Date()): { replacedPath: string | null; from: string } | null {
  const marker = markerPath(dbPath)
  const staging = stagingPath(dbPath)
  if (!existsSync(marker)) return null
  if (!existsSync(staging)) {
    rmSync(marker, { force: true })
    return null
  }
  let from = staging
  try {
    from = (JSON.parse(readFileSync(marker, 'utf8')) as { from: string }).from
  } catch {
    // an unreadable marker still names a checked copy: the staging file itself
  }
  let replacedPath: string | null = null
  if (existsSync(dbPath)) {
    const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')
    replacedPath = `${dbPath}.replaced-${stamp}`
    for (let n = 2; existsSync(replacedPath); n++) replacedPath = `${dbPath}.replaced-${stamp}-${n}`
    renameSync(dbPath, replacedPath)
    // A log with content belongs to the replaced database (a crash before its checkpoint): it goes aside with it.
    if (existsSync(`${dbPath}-wal`) && statSync(`${dbPath}-wal`).size > 0) renameSync(`${dbPath}-wal`, `${replacedPath}-wal`)
    rmSync(`${dbPath}-wal`, { force: true })
    rmSync(`${dbPath}-shm`, { force: true })
  }
  renameSync(staging, dbPath)
  rmSync(marker, { force: true })
  try {
    updateManifest(userDataDir, (m) => void (m.lastRestore = { at: now.toISOString(), from: basename(from) === basename(staging) ? staging : from, replacedPath }))
  } catch {
    // the manifest is only a mirror
  }
  return { replacedPath, from }
}
