import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { DataSource } from 'typeorm'
import type { DatabaseHealth, DatabaseProblem } from '@shared/contract/system'
import { findNewestBackup } from '../db/backups'
import { createDataSource, openDatabase } from '../db/data-source'
import { checkDatabaseFile, createDatabaseFile } from '../db/integrity'
import { handlers } from '../handlers'
import { PrintQueue, type PrintQueueOptions } from '../printing/queue'
import { resolveFontPath } from '../printing/pdf'
import { Router } from '../router'
import { SettingsService } from '../settings/service'
import { DamagedRouter, type CallRouter } from './damaged-router'
import { Mutex } from './mutex'
import { ApprovalTokens } from '../auth/approval-tokens'
import { Sessions } from './sessions'
import { SearchService } from '../search/search-service'
import { fileKeyProvider, type PasscodeKeyProvider } from '../intake/passcode'
import { applyStagedRestore, BackupService } from '../backup/service'
import { damagedRestore } from '../backup/damaged-restore'

export interface CoreOptions {
  /** Folder for the database (unless dbPath is given), saved PDFs and logs. */
  userDataDir: string
  dbPath?: string
  nativeBinding?: string
  /** Injected so tests can cross a month boundary; production uses the wall clock. */
  clock?: () => Date
  printQueue?: PrintQueueOptions
  logError?: (where: string, error: unknown) => void
  /** Seals device passcodes; Electron passes safeStorage's, else a key file in userDataDir. */
  passcodeKeys?: PasscodeKeyProvider
  /**
   * The first start of each business day backs the database up once the app is up (after delayMs,
   * default 3 s). false: never at start (the bench).
   */
  backupAtStart?: false | { delayMs: number }
  /** false: no backup after a day close (the bench, which times closes back to back and a backup on its own). */
  backupAtDayClose?: false
  /**
   * A restore was staged: close this core and create a new one (which puts it in place). The bridge
   * and the Electron shell pass it; without it the user is told to restart the app.
   */
  onRestartRequested?: () => void
}

export interface Core {
  /** The Router, or (database damaged) a DamagedRouter that answers DATABASE_DAMAGED to every channel. */
  router: CallRouter
  /** What the checks at start found. When damaged, dataSource was never initialized. */
  health: DatabaseHealth
  dataSource: DataSource
  printQueue: PrintQueue
  close(): Promise<void>
}

export const DB_FILE_NAME = 'repair-counter.sqlite'

/** The transport-free application: database, services and the router. Electron and the HTTP bridge both wrap this. */
export async function createCore(opts: CoreOptions): Promise<Core> {
  const logError = opts.logError ?? ((where, e) => console.error(`[${where}]`, e))
  const dbPath = opts.dbPath ?? join(opts.userDataDir, DB_FILE_NAME)
  // A restore the manager confirmed (backups.restore) goes in before the checks, which then judge it.
  const restored = applyStagedRestore(dbPath, opts.userDataDir, (opts.clock ?? (() => new Date()))())
  if (restored) logError('backup', `restored ${restored.from}; the replaced database is kept as ${restored.replacedPath}`)
  // First-run setup only where no database file exists; anything else must pass the checks before it is opened for writing.
  if (!existsSync(dbPath)) createDatabaseFile(dbPath, opts.nativeBinding)
  else {
    const check = await checkDatabaseFile(dbPath, opts.nativeBinding)
    if (!check.ok) return damagedCore(dbPath, opts, check)
  }
  const dataSource = await openDatabase({ path: dbPath, nativeBinding: opts.nativeBinding })
  const mutex = new Mutex()
  const settings = new SettingsService()
  const printQueue = new PrintQueue(dataSource, mutex, settings, { logError: (e) => logError('print', e), clock: opts.clock, ...opts.printQueue })
  const backups = new BackupService({
    dataSource,
    mutex,
    settings,
    userDataDir: opts.userDataDir,
    dbPath,
    nativeBinding: opts.nativeBinding,
    clock: opts.clock ?? (() => new Date()),
    logError,
    onRestartRequested: opts.onRestartRequested,
    atDayClose: opts.backupAtDayClose !== false
  })
  const router = new Router({
    dataSource,
    mutex,
    handlers,
    clock: opts.clock ?? (() => new Date()),
    logError,
    services: {
      settings,
      printQueue,
      sessions: new Sessions(),
      approvals: new ApprovalTokens(),
      search: new SearchService(dataSource),
      passcodeKeys: opts.passcodeKeys ?? fileKeyProvider(opts.userDataDir),
      backups,
      paths: { userData: opts.userDataDir, pdfDir: join(opts.userDataDir, 'pdf'), fontPath: resolveFontPath() }
    }
  })
  await printQueue.recover()
  printQueue.kick()
  // Only here, after the checks passed: a damaged database is never backed up over a good backup.
  if (opts.backupAtStart !== false) backups.scheduleAtStart(opts.backupAtStart?.delayMs ?? 3000)
  return {
    router,
    health: { state: 'ok' },
    dataSource,
    printQueue,
    async close() {
      printQueue.stop()
      await backups.close()
      await printQueue.idle()
      await mutex.run(() => dataSource.destroy())
    }
  }
}

/** Nothing is opened for writing: the transports get a router that explains, and close() has nothing to flush. */
function damagedCore(dbPath: string, opts: CoreOptions, check: { problem: DatabaseProblem; details: string[] }): Core {
  const health: DatabaseHealth = {
    state: 'damaged',
    problem: check.problem,
    details: check.details,
    dbPath,
    newestBackup: findNewestBackup(opts.userDataDir)
  }
  const dataSource = createDataSource({ path: dbPath, nativeBinding: opts.nativeBinding })
  return {
    router: new DamagedRouter(health, {
      'backups.restoreDamaged': damagedRestore({ ...opts, dbPath })
    }),
    health,
    dataSource,
    printQueue: new PrintQueue(dataSource, new Mutex(), new SettingsService()),
    async close() {}
  }
}
