import { join } from 'node:path'
import type { DataSource } from 'typeorm'
import { openDatabase } from '../db/data-source'
import { handlers } from '../handlers'
import { PrintQueue, type PrintQueueOptions } from '../printing/queue'
import { resolveFontPath } from '../printing/pdf'
import { Router } from '../router'
import { SettingsService } from '../settings/service'
import { Mutex } from './mutex'

export interface CoreOptions {
  /** Folder for the database (unless dbPath is given), saved PDFs and logs. */
  userDataDir: string
  dbPath?: string
  nativeBinding?: string
  /** Injected so tests can cross a month boundary; production uses the wall clock. */
  clock?: () => Date
  printQueue?: PrintQueueOptions
  logError?: (where: string, error: unknown) => void
}

export interface Core {
  router: Router
  dataSource: DataSource
  printQueue: PrintQueue
  close(): Promise<void>
}

export const DB_FILE_NAME = 'repair-counter.sqlite'

/** The transport-free application: database, services and the router. Electron and the HTTP bridge both wrap this. */
export async function createCore(opts: CoreOptions): Promise<Core> {
  const logError = opts.logError ?? ((where, e) => console.error(`[${where}]`, e))
  const dataSource = await openDatabase({ path: opts.dbPath ?? join(opts.userDataDir, DB_FILE_NAME), nativeBinding: opts.nativeBinding })
  const mutex = new Mutex()
  const settings = new SettingsService()
  const printQueue = new PrintQueue(dataSource, mutex, settings, { logError: (e) => logError('print', e), ...opts.printQueue })
  const router = new Router({
    dataSource,
    mutex,
    handlers,
    clock: opts.clock ?? (() => new Date()),
    logError,
    services: {
      settings,
      printQueue,
      paths: { userData: opts.userDataDir, pdfDir: join(opts.userDataDir, 'pdf'), fontPath: resolveFontPath() }
    }
  })
  await printQueue.recover()
  printQueue.kick()
  return {
    router,
    dataSource,
    printQueue,
    async close() {
      printQueue.stop()
      await printQueue.idle()
      await mutex.run(() => dataSource.destroy())
    }
  }
}
