import Database from 'better-sqlite3'
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCore, type Core } from '../../src/main/core/create-core'
import { APPLICATION_ID } from '../../src/main/db/integrity'
import { sampleIntake } from '../helpers/core'
import { buildStore, emptyFile, foreignDatabase, orphanPayment, randomFile, sha256, truncateFile, zeroPageOf } from './damage'

/**
 * The checks at start, on real files: a store with an order is built through the router, closed
 * (so everything is in the main file), copied, hurt in one way, and opened again as the app does.
 */
let store: string
const dirs: string[] = []

beforeAll(async () => {
  store = await buildStore()
})

afterAll(() => {
  for (const d of [...dirs, join(store, '..')]) rmSync(d, { recursive: true, force: true })
})

function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rc-integrity-'))
  dirs.push(dir)
  return dir
}

/** A copy of the good store in a new data folder, as the app would find it. */
function copyOfStore(): { dir: string; dbPath: string } {
  const dir = freshDir()
  const dbPath = join(dir, 'repair-counter.sqlite')
  copyFileSync(store, dbPath)
  return { dir, dbPath }
}

/** The folder's files, leaving out the (empty) WAL index files a read-only SQLite connection may add. */
const dataFiles = (dir: string) => readdirSync(dir).filter((f) => !/-(wal|shm)$/.test(f)).sort()
const open = (dir: string, dbPath: string): Promise<Core> => createCore({ userDataDir: dir, dbPath, logError: () => undefined })
const call = (core: Core, channel: string, input: unknown = {}) => core.router.call({ sessionKey: 'tab1' }, channel, input)

// Every kind of call a counter makes, public or not: all get the same typed answer.
const CALLS: [string, unknown][] = [
  ['session.get', {}],
  ['auth.users', {}],
  ['auth.signIn', { username: 'boss', pin: '2468' }],
  ['setup.create', { store: { name: '新店' }, manager: { username: 'thief', displayName: '冒名', pin: '1111' } }],
  ['intake.create', sampleIntake()],
  ['settings.get', {}],
  ['no.such.channel', {}]
]

describe('a damaged or unrecognised database file', () => {
  it.each([
    ['a zeroed page of work_order', (p: string) => zeroPageOf(p, 'work_order'), 'corrupt'],
    ['a zeroed page of customer', (p: string) => zeroPageOf(p, 'customer'), 'corrupt'],
    ['a zeroed page of setting', (p: string) => zeroPageOf(p, 'setting'), 'corrupt'],
    ['a 0-byte file', emptyFile, 'empty'],
    ['a random file', randomFile, 'notSqlite'],
    ['a truncated file', truncateFile, 'truncated'],
    ['another program’s SQLite database', (p: string) => (rmSync(p), foreignDatabase(p)), 'notThisApp'],
    ['a payment whose order is gone', orphanPayment, 'foreignKeys']
  ])('%s: is refused, never written, and every channel answers DATABASE_DAMAGED', async (_name, hurt, problem) => {
    const { dir, dbPath } = copyOfStore()
    hurt(dbPath)
    const before = sha256(dbPath)
    const filesBefore = dataFiles(dir)

    const core = await open(dir, dbPath)
    expect(core.health).toMatchObject({ state: 'damaged', problem, dbPath, newestBackup: null })
    if (problem === 'corrupt') expect((core.health as { details: string[] }).details.join('\n')).toMatch(/page|corrupt|malformed/i)
    expect(await call(core, 'system.health')).toEqual({ ok: true, value: core.health })
    for (const [channel, input] of CALLS) {
      const r = await call(core, channel, input)
      expect(r, channel).toEqual({ ok: false, error: { code: 'DATABASE_DAMAGED', message: expect.stringContaining('数据库') } })
      expect(r.ok || r.error.message).toMatch(/database/)
    }
    await core.close()

    expect(sha256(dbPath)).toBe(before)
    expect(dataFiles(dir)).toEqual(filesBefore)
  })

  it('reports what SQLite found for a zeroed page (full integrity_check)', async () => {
    const { dir, dbPath } = copyOfStore()
    const page = zeroPageOf(dbPath, 'work_order')
    const core = await open(dir, dbPath)
    expect(core.health.state === 'damaged' && core.health.details.join('\n')).toContain(`page ${page}`)
    await core.close()
  })
})

describe('a healthy database file', () => {
  it('opens, keeps its data, and says so', async () => {
    const { dir, dbPath } = copyOfStore()
    const core = await open(dir, dbPath)
    expect(core.health).toEqual({ state: 'ok' })
    expect(await call(core, 'system.health')).toEqual({ ok: true, value: { state: 'ok' } })
    expect(await call(core, 'session.get')).toMatchObject({ ok: true, value: { setupDone: true } })
    await core.close()
  })

  it('made before the application id existed is recognised by its migrations, then stamped', async () => {
    const { dir, dbPath } = copyOfStore()
    const legacy = new Database(dbPath)
    legacy.pragma('application_id = 0')
    legacy.close()
    const core = await open(dir, dbPath)
    expect(core.health.state).toBe('ok')
    await core.close()
    const db = new Database(dbPath, { readonly: true })
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID)
    db.close()
  })
})

describe('first run', () => {
  it('happens only where no database file exists: the file is created, stamped, and set up from scratch', async () => {
    const dir = freshDir()
    const dbPath = join(dir, 'repair-counter.sqlite')
    const core = await open(dir, dbPath)
    expect(core.health.state).toBe('ok')
    expect(await call(core, 'session.get')).toMatchObject({ ok: true, value: { setupDone: false } })
    await core.close()
    const db = new Database(dbPath, { readonly: true })
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID)
    db.close()
    expect(existsSync(`${dbPath}.creating`)).toBe(false)
  })

  it('keeps the write-ahead log of a deleted database aside (unread) and does not replay it', async () => {
    const { dir, dbPath } = copyOfStore()
    const old = new Database(dbPath)
    old.pragma('wal_autocheckpoint = 0')
    old.prepare(`INSERT INTO setting (key, value) VALUES ('leftover', '"from the old file"')`).run()
    copyFileSync(`${dbPath}-wal`, join(dir, 'kept-wal'))
    old.close()
    rmSync(dbPath)
    copyFileSync(join(dir, 'kept-wal'), `${dbPath}-wal`) // the main file is gone, its log is not
    const core = await open(dir, dbPath)
    expect(core.health.state).toBe('ok')
    expect(await call(core, 'session.get')).toMatchObject({ ok: true, value: { setupDone: false } })
    expect(await core.dataSource.query(`SELECT * FROM setting WHERE key = 'leftover'`)).toEqual([])
    await core.close()
    expect(readdirSync(dir).some((f) => f.includes('-wal.orphaned-'))).toBe(true)
  })

  it('finishes on a file this app created but had not migrated yet (a crash during the first start)', async () => {
    const dir = freshDir()
    const dbPath = join(dir, 'repair-counter.sqlite')
    const db = new Database(dbPath)
    db.pragma(`application_id = ${APPLICATION_ID}`)
    db.close()
    const core = await open(dir, dbPath)
    expect(core.health.state).toBe('ok')
    expect(await call(core, 'session.get')).toMatchObject({ ok: true, value: { setupDone: false } })
    await core.close()
  })
})
