import Database from 'better-sqlite3'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'

/** How many lines of SQLite's findings are kept. */
const MAX_DETAILS = 20

export type Walk = 'quick' | 'foreignKeys' | 'integrity'

/**
 * One page walk on its own read-only connection. Runs inside a worker thread, as source text:
 * it may use nothing but its parameters. Answers SQLite's lines: quick ['ok'] / foreign keys [] when fine.
 */
function pageWalk(Db: typeof Database, path: string, nativeBinding: string | undefined, which: Walk, max: number): string[] {
  const db = new Db(path, { readonly: true, fileMustExist: true, nativeBinding })
  const lines: string[] = []
  // On some damage SQLite reports rows and then fails the statement: keep both.
  const collect = (sql: string, line: (row: unknown[]) => string) => {
    try {
      for (const row of db.prepare(sql).raw().iterate() as Iterable<unknown[]>) {
        lines.push(...line(row).split('\n').filter((l) => l && !l.startsWith('*** in database')))
        if (lines.length >= max) break
      }
    } catch (error) {
      lines.push(String((error as Error).message ?? error))
    }
  }
  try {
    // Reading through a memory map makes the walk about a third cheaper.
    db.pragma('mmap_size = 4294967296')
    if (which === 'foreignKeys') collect('PRAGMA foreign_key_check', (r) => `${r[0]} row ${r[1]} points to a missing ${r[2]}`)
    else if (which === 'integrity') collect(`PRAGMA integrity_check(${max})`, (r) => String(r[0]))
    else {
      collect('PRAGMA quick_check', (r) => String(r[0]))
      if (lines.join() !== 'ok') {
        const quick = lines.splice(0)
        collect(`PRAGMA integrity_check(${max})`, (r) => String(r[0]))
        if (lines.join() === 'ok') lines.splice(0, lines.length, ...quick)
      }
    }
  } finally {
    db.close()
  }
  return lines
}

const WORKER_SOURCE = `
const { parentPort, workerData: w } = require('node:worker_threads')
const pageWalk = ${pageWalk.toString()}
parentPort.postMessage(pageWalk(require(w.modulePath), w.path, w.nativeBinding, w.which, w.max))
`

/**
 * Runs one page walk in a worker thread (two walks then use two cores, and the event loop stays
 * free); the same walk inline if the worker cannot start or load the driver.
 */
export function walk(path: string, nativeBinding: string | undefined, which: Walk): Promise<string[]> {
  const inline = () => pageWalk(Database, path, nativeBinding, which, MAX_DETAILS)
  let modulePath: string
  try {
    modulePath = createRequire(typeof __filename === 'string' ? __filename : join(process.cwd(), 'index.js')).resolve('better-sqlite3')
  } catch {
    return Promise.resolve().then(inline)
  }
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { modulePath, path, nativeBinding, which, max: MAX_DETAILS } })
    let settled = false
    const settle = (answer: () => string[]) => {
      if (settled) return
      settled = true
      try {
        resolve(answer())
      } catch (error) {
        reject(error)
      }
    }
    worker.once('message', (lines: string[]) => {
      settle(() => lines)
      void worker.terminate()
    })
    worker.once('error', () => settle(inline))
    worker.once('exit', () => settle(inline))
  })
}
