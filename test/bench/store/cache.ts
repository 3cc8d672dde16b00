// The generated store is cached under node_modules/.cache/rc-bench/, keyed by a version, the
// migrations (names and code), the generator's own source and the scale: a new or edited migration
// or a changed generator builds afresh.
import { createHash } from 'node:crypto'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { migrations } from '../../../src/main/db/migrations'
import { generateStore, type StoreFacts } from './generate'

const CACHE_DIR = resolve(__dirname, '../../../node_modules/.cache/rc-bench')

/** Bump to rebuild every cached store (2: the warehouse's parts, ledger and documents; 3: repair timelines and pickups; 4: follow-ups, complaints, closed days). */
const CACHE_VERSION = 4

function cacheKey(scale: number): string {
  const h = createHash('sha1')
  h.update(`v${CACHE_VERSION};`)
  // The migrations' own code too: a migration edited in place (same name) changes the schema.
  h.update(migrations.map((m) => `${m.name}:${String(m.prototype.up)}`).join(','))
  for (const f of ['generate.ts', 'data.ts', 'warehouse.ts', 'warehouse-data.ts', 'warehouse-docs.ts', 'repairs-data.ts', 'manager-data.ts']) h.update(readFileSync(join(__dirname, f)))
  h.update(String(scale))
  return h.digest('hex').slice(0, 12)
}

export interface CachedStore {
  facts: StoreFacts & { cached: boolean }
  /** A private copy for this run (intakes write to it); removed by cleanup(). */
  dir: string
  dbPath: string
  cleanup(): void
}

/** A fresh working copy of the five-year store at this scale, generating it first when not cached. */
export async function storeCopy(scale: number, log: (s: string) => void = () => undefined): Promise<CachedStore> {
  mkdirSync(CACHE_DIR, { recursive: true })
  const key = cacheKey(scale)
  const file = join(CACHE_DIR, `store-s${scale}-${key}.sqlite`)
  const factsFile = `${file}.json`
  let cached = true
  if (!existsSync(file) || !existsSync(factsFile)) {
    cached = false
    for (const old of readdirSync(CACHE_DIR)) if (old.startsWith(`store-s${scale}-`)) rmSync(join(CACHE_DIR, old), { force: true })
    const work = mkdtempSync(join(tmpdir(), 'rc-bench-gen-'))
    log(`generating the store at scale ${scale} (cache key ${key})`)
    const facts = await generateStore(work, join(work, 'store.sqlite'), scale, log)
    // Copied under a temporary name first: an interrupted run never leaves a half store behind.
    copyFileSync(join(work, 'store.sqlite'), `${file}.part`)
    renameSync(`${file}.part`, file)
    writeFileSync(factsFile, JSON.stringify(facts))
    rmSync(work, { recursive: true, force: true })
  }
  const facts = JSON.parse(readFileSync(factsFile, 'utf8')) as StoreFacts
  const dir = mkdtempSync(join(tmpdir(), 'rc-bench-run-'))
  const dbPath = join(dir, 'repair-counter.sqlite')
  copyFileSync(file, dbPath)
  return {
    facts: { ...facts, cached },
    dir,
    dbPath,
    cleanup: () => rmSync(dir, { recursive: true, force: true })
  }
}

export const fileSize = (path: string): number => statSync(path).size
