import 'reflect-metadata'
import { existsSync, mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { DataSource } from 'typeorm'
import { entities } from './entities'
import { createDatabaseFile, stampApplicationId } from './integrity'
import { migrations } from './migrations'

export interface DatabaseOptions {
  /** Path of the SQLite file. */
  path: string
  /**
   * Path of a better_sqlite3.node built for the running runtime. Electron passes its own build
   * (see scripts/start-electron.mjs); plain Node uses the one in node_modules.
   */
  nativeBinding?: string
}

export function createDataSource(opts: DatabaseOptions): DataSource {
  mkdirSync(dirname(opts.path), { recursive: true })
  return new DataSource({
    type: 'better-sqlite3',
    database: opts.path,
    nativeBinding: opts.nativeBinding,
    enableWAL: true,
    prepareDatabase: (db: { pragma(s: string): unknown }) => {
      db.pragma('foreign_keys = ON')
      db.pragma('busy_timeout = 5000')
      // FULL: a committed sale (whose ticket is already printed) must survive a power cut.
      db.pragma('synchronous = FULL')
    },
    entities,
    migrations,
    migrationsRun: false,
    synchronize: false,
    // Failures surface through the router's error mapping (and its log); no SQL echo on the console.
    logging: false
  })
}

/**
 * Opens the database for writing and brings its schema up to date with the checked-in migrations.
 * A missing file is created (stamped as this app's). An existing file must have passed
 * checkDatabaseFile first (createCore does that): this function does not look at it.
 */
export async function openDatabase(opts: DatabaseOptions): Promise<DataSource> {
  if (!existsSync(opts.path)) createDatabaseFile(opts.path, opts.nativeBinding)
  const ds = createDataSource(opts)
  await ds.initialize()
  await ds.runMigrations({ transaction: 'all' })
  await stampApplicationId(ds)
  return ds
}
