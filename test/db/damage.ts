import Database from 'better-sqlite3'
import { createHash, randomBytes } from 'node:crypto'
import { closeSync, copyFileSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sampleIntake, setUpStore, startTestCore, userWithRole } from '../helpers/core'

/**
 * A small real store (setup, a counter clerk, one paid order with a deposit) built through the
 * router, closed so everything is in the main file; returns a copy's path in its own temp folder.
 */
export async function buildStore(): Promise<string> {
  const tc = await startTestCore()
  const manager = await setUpStore(tc)
  const clerk = await userWithRole(tc, manager, 'counter')
  const service = { type: 'paid', estimateFen: 20000, depositFen: 5000, depositMethod: 'cash', promisedDate: '2026-11-30', technicianId: null } as const
  await clerk.ok('intake.create', sampleIntake({ purchase: { invoiceDate: '2024-01-02', invoiceNo: 'FP-1' }, service }))
  await tc.core.close()
  if (existsSync(`${tc.dbPath}-wal`)) throw new Error('not checkpointed on close: a copy would be incomplete')
  const store = join(mkdtempSync(join(tmpdir(), 'rc-store-')), 'store.sqlite')
  copyFileSync(tc.dbPath, store)
  rmSync(tc.dir, { recursive: true, force: true })
  return store
}

/** Ways a database file gets hurt, each applied to a closed (fully checkpointed) file. */
export const sha256 = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex')

/** The last b-tree page of a table (its root when the table fits in one page), found with dbstat. */
export function pageOf(path: string, table: string): { pageNo: number; pageSize: number } {
  const db = new Database(path, { readonly: true })
  try {
    const pageSize = db.pragma('page_size', { simple: true }) as number
    const { pageNo } = db.prepare(`SELECT max(pageno) AS pageNo FROM dbstat WHERE name = ? AND pagetype = 'leaf'`).get(table) as { pageNo: number }
    const { rootpage } = db.prepare(`SELECT rootpage FROM sqlite_schema WHERE name = ?`).get(table) as { rootpage: number }
    return { pageNo: pageNo ?? rootpage, pageSize }
  } finally {
    db.close()
  }
}

/** Overwrites one data page of `table` with zeros, in place, as a failing disk or a stray write would. */
export function zeroPageOf(path: string, table: string): number {
  const { pageNo, pageSize } = pageOf(path, table)
  const fd = openSync(path, 'r+')
  try {
    writeSync(fd, Buffer.alloc(pageSize), 0, pageSize, (pageNo - 1) * pageSize)
  } finally {
    closeSync(fd)
  }
  return pageNo
}

export function emptyFile(path: string): void {
  writeFileSync(path, Buffer.alloc(0))
}

export function randomFile(path: string): void {
  writeFileSync(path, randomBytes(16384))
}

/** Keeps the first half of the pages: a copy cut short. */
export function truncateFile(path: string): void {
  const bytes = readFileSync(path)
  const pageSize = bytes.readUInt16BE(16)
  writeFileSync(path, bytes.subarray(0, Math.floor(statSync(path).size / pageSize / 2) * pageSize))
}

/** A perfectly healthy SQLite database that some other program made. */
export function foreignDatabase(path: string): void {
  const db = new Database(path)
  db.exec(`CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('hello')`)
  db.close()
}

/** A payment pointing at an order that does not exist, written with foreign keys switched off. */
export function orphanPayment(path: string): void {
  const db = new Database(path)
  db.pragma('foreign_keys = OFF')
  db.prepare(`INSERT INTO payment (orderId, kind, method, amountFen, receivedAt, userId) VALUES (999999, 'deposit', 'cash', 100, '2026-11-23T02:00:00.000Z', 1)`).run()
  db.pragma('journal_mode = DELETE')
  db.close()
}
