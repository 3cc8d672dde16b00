// Developer tool: what the checks at start cost on a big store. Run on demand:
//   RC_BIG_DB=path/to/store.sqlite GEN=1 npx vitest run test/db/open-timing.gen.ts
// (e.g. the bench's cached five-year store in node_modules/.cache/rc-bench/). Works on a copy.
import Database from 'better-sqlite3'
import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCore } from '../../src/main/core/create-core'
import { checkDatabaseFile } from '../../src/main/db/integrity'

const source = process.env.RC_BIG_DB
const runs = Number(process.env.RUNS ?? 10)
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * 0.95) - 1]
const ms = (n: number) => `${n.toFixed(0)} ms`

function time<T>(fn: () => T): [T, number] {
  const t = performance.now()
  const r = fn()
  return [r, performance.now() - t]
}
async function timeAsync<T>(fn: () => Promise<T>): Promise<number> {
  const t = performance.now()
  await fn()
  return performance.now() - t
}

it.skipIf(!source)('measures quick_check, foreign_key_check and the whole open on a big store', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rc-open-timing-'))
  const dbPath = join(dir, 'repair-counter.sqlite')
  copyFileSync(source!, dbPath)
  const mb = statSync(dbPath).size / 1e6
  const lines: string[] = [`store: ${mb.toFixed(0)} MB`]
  const t0 = performance.now()
  const first = await createCore({ userDataDir: dir, dbPath, logError: () => undefined })
  lines.push(`first open (checks + pending migrations + print-queue recovery): ${ms(performance.now() - t0)}, health ${first.health.state}`)
  await first.close()

  for (const [label, pragma, mmap] of [
    ['quick_check', 'quick_check', 0],
    ['quick_check, mmap', 'quick_check', 4294967296],
    ['foreign_key_check', 'foreign_key_check', 4294967296],
    ['integrity_check (full)', 'integrity_check', 4294967296]
  ] as const) {
    const db = new Database(dbPath, { readonly: true })
    db.pragma(`mmap_size = ${mmap}`)
    lines.push(`${label}: ${ms(time(() => db.pragma(pragma))[1])}`)
    db.close()
  }

  const checks: number[] = []
  const opens: number[] = []
  for (let i = 0; i < runs; i++) {
    checks.push(await timeAsync(() => checkDatabaseFile(dbPath)))
    const t = performance.now()
    const core = await createCore({ userDataDir: dir, dbPath, logError: () => undefined })
    opens.push(performance.now() - t)
    await core.close()
  }
  lines.push(`checkDatabaseFile x${runs}: p50 ${ms(p95(checks.slice().sort((a, b) => a - b).slice(0, Math.ceil(runs / 2))))}, p95 ${ms(p95(checks))}`)
  lines.push(`createCore (open + checks, no pending migration) x${runs}: p95 ${ms(p95(opens))}, per MB ${(p95(opens) / mb).toFixed(2)} ms`)
  console.log(lines.join('\n'))
  rmSync(dir, { recursive: true, force: true })
}, 600_000)
