import Database from 'better-sqlite3'
import { DataSource } from 'typeorm'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { MANAGER, sampleIntake, setUpStore, startTestCore, userWithRole, type Caller, type TestCore } from '../../../test/helpers/core'
import { createCore, type Core } from '../core/create-core'
import { findNewestBackup } from '../db/backups'
import { createDatabaseFile } from '../db/integrity'
import { migrations } from '../db/migrations'
import { readManifest } from './manifest'
import { BackupService } from './service'
import { Mutex } from '../core/mutex'
import { SettingsService } from '../settings/service'
import { sha256, zeroPageOf } from '../../../test/db/damage'
import { connectionOf } from '../db/prepared'
import { copyOnline, CopyRestarted } from './online-copy'

/** Every table's rows (sorted, as JSON), read from a closed or live database file. */
function dump(path: string): Record<string, string[]> {
  const db = new Database(path, { readonly: true, fileMustExist: true })
  try {
    const tables = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[]
    return Object.fromEntries(tables.map(({ name }) => [name, (db.prepare(`SELECT * FROM "${name}"`).all() as unknown[]).map((r) => JSON.stringify(r)).sort()]))
  } finally {
    db.close()
  }
}

/** A table of `mb` 1 MB random blobs, so a copy of the database takes many steps. */
function fill(db: Database.Database, mb: number): void {
  db.exec(`CREATE TABLE filler (x BLOB)`)
  db.prepare(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) INSERT INTO filler SELECT randomblob(1000000) FROM n`).run(mb)
}

const LAST_MIGRATION = new migrations[migrations.length - 1]().name
const approval = { username: MANAGER.username, pin: MANAGER.pin }

let tc: TestCore
let manager: Caller
let extraDirs: string[] = []
beforeEach(async () => {
  tc = await startTestCore({ backupAtStart: false })
  manager = await setUpStore(tc)
})
afterEach(async () => {
  if (reopened) {
    await reopened.close()
    rmSync(tc.dir, { recursive: true, force: true })
    reopened = null
  } else await tc.close()
  for (const d of extraDirs) rmSync(d, { recursive: true, force: true })
  extraDirs = []
})

/** Closes the test core and opens the same data folder again, as restarting the app does. */
let reopened: Core | null = null
async function restart(opts: { backupAtStart?: false | { delayMs: number } } = {}): Promise<Core> {
  await (reopened ?? tc.core).close()
  reopened = await createCore({ userDataDir: tc.dir, dbPath: tc.dbPath, clock: tc.clock.now, logError: () => undefined, backupAtStart: false, ...opts })
  return reopened
}

const call = (core: Core, channel: string, input: unknown, key = 'again') => core.router.call({ sessionKey: key }, channel, input)

describe('backups', () => {
  it('Backup now: a verified copy with the schema version, named by store time, listed in the manifest and found by findNewestBackup', async () => {
    const clerk = await userWithRole(tc, manager, 'counter')
    await clerk.ok('intake.create', sampleIntake())
    const entry = await manager.ok('backups.now', {})
    // 2026-11-23T02:00Z is 10:00 in Shanghai.
    expect(entry).toMatchObject({ verified: true, schema: LAST_MIGRATION, reason: 'manual', localTime: '2026-11-23 10:00:00' })
    expect(basename(entry.path)).toBe('repair-counter_2026-11-23_100000.sqlite')
    expect(entry.path.startsWith(join(tc.dir, 'backups'))).toBe(true)
    // A single self-contained file, nothing half-written beside it.
    expect(readdirSync(join(tc.dir, 'backups'))).toEqual([basename(entry.path)])
    expect(dump(entry.path)).toEqual(dump(tc.dbPath))
    const list = await manager.ok('backups.list', {})
    expect(list).toMatchObject({ folder: join(tc.dir, 'backups'), backups: [entry], lastFailure: null })
    expect(readManifest(tc.dir).backups).toEqual([entry])
    expect(findNewestBackup(tc.dir)).toEqual({ path: entry.path, takenAt: entry.takenAt, sizeBytes: entry.sizeBytes, schema: LAST_MIGRATION })
    // Two in the same second get two files; rotation keeps the newest of the day.
    const second = await manager.ok('backups.now', {})
    expect(basename(second.path)).toBe('repair-counter_2026-11-23_100000-2.sqlite')
    expect(existsSync(entry.path)).toBe(false)
    expect((await manager.ok('backups.list', {})).backups).toEqual([second])
    // The next day's backup is kept beside it.
    tc.clock.set('2026-11-24T02:00:00Z')
    const third = await manager.ok('backups.now', {})
    expect((await manager.ok('backups.list', {})).backups).toEqual([third, second])
    // A file that is gone (a USB drive unplugged) is not offered.
    rmSync(third.path)
    expect(findNewestBackup(tc.dir)?.path).toBe(second.path)
  })

  it('backup → restore round trip gives identical table contents; the replaced database is kept aside', async () => {
    const clerk = await userWithRole(tc, manager, 'counter')
    await clerk.ok('intake.create', sampleIntake())
    await manager.ok('settings.update', { ticket: { repairWarrantyMonths: 6, terms: '保修半年' } })
    const backup = await manager.ok('backups.now', {})
    const atBackup = dump(tc.dbPath)
    expect(dump(backup.path)).toEqual(atBackup)

    // Work after the backup, which the restore takes back.
    tc.clock.set('2026-11-23T05:00:00Z')
    const later = await clerk.ok('intake.create', sampleIntake({ customer: { name: '李四', mobile: '13900001111', landline: '', address: '' } }))
    const restored = await manager.ok('backups.restore', { file: backup.path, approval })
    expect(restored).toEqual({ from: backup.path, schema: LAST_MIGRATION, migrated: false, restart: 'manual' })
    // Nothing replaced until the app reopens: the live database still has the later order.
    expect(dump(tc.dbPath).work_order.some((r) => r.includes(later.order.orderNo))).toBe(true)

    const core = await restart()
    expect(core.health).toEqual({ state: 'ok' })
    const after = dump(tc.dbPath)
    // The restored database says where it came from: one audit row more, nothing else differs.
    const restoreRows = after.audit_log.filter((r) => r.includes('"backup.restore"'))
    expect(restoreRows).toHaveLength(1)
    expect(JSON.parse(restoreRows[0])).toMatchObject({ userId: null, entity: 'database' })
    expect(JSON.parse(JSON.parse(restoreRows[0]).detail)).toMatchObject({ from: backup.path, approvedBy: MANAGER.username })
    expect({ ...after, audit_log: after.audit_log.filter((r) => !restoreRows.includes(r)) }).toEqual(atBackup)
    // The replaced database is kept, renamed with a timestamp, and still has the later order.
    const aside = readdirSync(tc.dir).filter((f) => f.startsWith('db.sqlite.replaced-'))
    expect(aside).toEqual([expect.stringMatching(/^db\.sqlite\.replaced-20261123T050000Z$/)])
    expect(dump(join(tc.dir, aside[0])).work_order).toHaveLength(2)
    expect(readManifest(tc.dir).lastRestore).toMatchObject({ from: backup.path, replacedPath: join(tc.dir, aside[0]) })
    // Everyone signs in again, against the restored users.
    expect(await call(core, 'auth.signIn', { username: MANAGER.username, pin: MANAGER.pin })).toMatchObject({ ok: true })
    expect(await call(core, 'settings.get', {})).toMatchObject({ ok: true, value: { ticket: { repairWarrantyMonths: 6 } } })
  })

  it('refuses a database from a newer app, and another program’s file, and leaves everything as it was', async () => {
    const backup = await manager.ok('backups.now', {})
    const future = new Database(backup.path)
    future.prepare(`INSERT INTO migrations (timestamp, name) VALUES (1899999999999, 'FromTheFuture1899999999999')`).run()
    future.close()
    const before = dump(tc.dbPath)
    const r = await manager.call('backups.restore', { file: backup.path, approval })
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('FromTheFuture1899999999999'), fields: { file: expect.stringContaining('更新版本') } } })
    const dir = mkdtempSync(join(tmpdir(), 'rc-foreign-'))
    extraDirs.push(dir)
    const foreign = join(dir, 'notes.sqlite')
    const db = new Database(foreign)
    db.exec(`CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('hello')`)
    db.close()
    expect(await manager.call('backups.restore', { file: foreign, approval })).toMatchObject({ ok: false, error: { message: '该文件不是本程序的数据库，不能用来恢复' } })
    writeFileSync(join(dir, 'random.sqlite'), Buffer.alloc(8192, 7))
    expect(await manager.call('backups.restore', { file: join(dir, 'random.sqlite'), approval })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(await manager.call('backups.restore', { file: join(dir, 'missing.sqlite'), approval })).toMatchObject({ ok: false, error: { message: '找不到这个备份文件' } })
    // Nothing staged: reopening changes nothing.
    expect(readdirSync(tc.dir).filter((f) => f.includes('.restore'))).toEqual([])
    await restart()
    expect(dump(tc.dbPath)).toEqual(before)
  })

  it('lists database files found in the backup folder (a USB drive from another PC) and restores them after the same checks', async () => {
    const usb = mkdtempSync(join(tmpdir(), 'rc-usb-'))
    extraDirs.push(usb)
    const clerk = await userWithRole(tc, manager, 'counter')
    await clerk.ok('intake.create', sampleIntake())
    const made = await manager.ok('backups.now', {})
    // What the other PC left on the drive: its backup (renamed by hand) and a file of another program.
    copyFileSync(made.path, join(usb, 'old-pc.sqlite'))
    const foreign = new Database(join(usb, 'notes.sqlite'))
    foreign.exec(`CREATE TABLE notes (body TEXT)`)
    foreign.close()
    writeFileSync(join(usb, 'readme.txt'), 'not a database')
    await manager.ok('settings.update', { backup: { folder: usb } })
    const list = await manager.ok('backups.list', {})
    expect(list.found.map((f) => basename(f.path)).sort()).toEqual(['notes.sqlite', 'old-pc.sqlite'])
    expect(list.backups.map((b) => b.path)).toEqual([made.path])
    expect(await manager.call('backups.restore', { file: join(usb, 'notes.sqlite'), approval })).toMatchObject({ ok: false, error: { message: '该文件不是本程序的数据库，不能用来恢复' } })
    expect(await manager.ok('backups.restore', { file: join(usb, 'old-pc.sqlite'), approval })).toMatchObject({ from: join(usb, 'old-pc.sqlite'), migrated: false })
  })

  it('migrates an older database on restore', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rc-older-'))
    extraDirs.push(dir)
    const older = join(dir, 'older.sqlite')
    createDatabaseFile(older)
    const ds = new DataSource({ type: 'better-sqlite3', database: older, migrations: migrations.slice(0, 5), entities: [] })
    await ds.initialize()
    await ds.runMigrations({ transaction: 'all' })
    await ds.query(`INSERT INTO setting (key, value) VALUES ('ticket', ?)`, [JSON.stringify({ repairWarrantyMonths: 9, terms: '旧版本' })])
    await ds.destroy()

    const r = await manager.ok('backups.restore', { file: older, approval })
    expect(r).toMatchObject({ migrated: true, schema: LAST_MIGRATION })
    // The file the manager chose is only read, never migrated in place.
    expect(dump(older).migrations).toHaveLength(5)
    const core = await restart()
    expect(core.health).toEqual({ state: 'ok' })
    const after = dump(tc.dbPath)
    expect(after.migrations).toHaveLength(migrations.length)
    expect(after.setting).toEqual([JSON.stringify({ key: 'ticket', value: JSON.stringify({ repairWarrantyMonths: 9, terms: '旧版本' }) })])
  })

  it('only a manager may list, back up or restore; restore needs the manager’s PIN, and a wrong one counts', async () => {
    for (const role of ['counter', 'technician', 'warehouse'] as const) {
      const user = await userWithRole(tc, manager, role)
      for (const [channel, input] of [['backups.list', {}], ['backups.now', {}], ['backups.restore', { file: '/x.sqlite', approval }]] as const) {
        expect(await user.call(channel, input as never), `${role} ${channel}`).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
      }
    }
    expect(await tc.session().call('backups.list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    const backup = await manager.ok('backups.now', {})
    const wrong = await manager.call('backups.restore', { file: backup.path, approval: { ...approval, pin: '0000' } })
    expect(wrong).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { 'approval.pin': expect.stringMatching(/PIN/) } } })
    expect(readdirSync(tc.dir).filter((f) => f.includes('.restore'))).toEqual([])
    const audit = await manager.ok('audit.list' as never, {} as never)
    expect(JSON.stringify(audit)).toContain('auth.wrongPin')
  })

  it('a bad backup folder gets a translated error, in settings and when backing up', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rc-folder-'))
    extraDirs.push(dir)
    writeFileSync(join(dir, 'a-file'), 'x')
    const cases: [string, RegExp][] = [
      ['\\\\NAS\\backups', /网络路径/],
      ['//nas/backups', /网络路径/],
      ['smb://nas/backups', /网络路径/],
      ['backups', /完整的文件夹路径/],
      [join(dir, 'a-file', 'inside'), /无法在该文件夹中写入/]
    ]
    for (const [folder, message] of cases) {
      const r = await manager.call('settings.update', { backup: { folder } })
      expect(r, folder).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { 'backup.folder': expect.stringMatching(message) } } })
    }
    await manager.ok('settings.update', { locale: 'en' })
    expect(await manager.call('settings.update', { backup: { folder: '//nas/backups' } })).toMatchObject({
      ok: false,
      error: { fields: { 'backup.folder': expect.stringMatching(/network path/) } }
    })
    // A good folder is taken and mirrored into the manifest (the damaged-database screen reads it).
    // A folder that is not there, on a drive that is not there: refused, not created.
    expect(await manager.call('settings.update', { backup: { folder: join(dir, 'usb', '备份') } })).toMatchObject({
      ok: false,
      error: { fields: { 'backup.folder': expect.stringMatching(/Cannot write a file/) } }
    })
    expect(existsSync(join(dir, 'usb'))).toBe(false)
    mkdirSync(join(dir, 'usb'))
    const usb = join(dir, 'usb', '备份')
    expect((await manager.ok('settings.update', { backup: { folder: usb } })).backup).toEqual({ folder: usb })
    expect(readManifest(tc.dir).folder).toBe(usb)
    expect((await manager.ok('backups.now', {})).path.startsWith(usb)).toBe(true)
    // The drive goes away: Backup now says so, and the failure is shown in the list.
    rmSync(join(dir, 'usb'), { recursive: true })
    writeFileSync(join(dir, 'usb'), 'not a folder any more')
    const failed = await manager.call('backups.now', {})
    expect(failed).toMatchObject({ ok: false, error: { message: expect.stringMatching(/Cannot back up to .*Cannot write a file/) } })
    expect((await manager.ok('backups.list', {})).lastFailure).toMatchObject({ reason: 'manual' })
  })

  it('the first start of each business day backs up, once; the store’s time zone decides the day', async () => {
    await restart({ backupAtStart: { delayMs: 0 } })
    await expect.poll(() => readManifest(tc.dir).backups.length).toBe(1)
    expect(readManifest(tc.dir).backups[0]).toMatchObject({ reason: 'start', verified: true })
    // Started again the same store day (23:00 Shanghai is still the 23rd): no second backup.
    tc.clock.set('2026-11-23T15:00:00Z')
    await restart({ backupAtStart: { delayMs: 0 } })
    await new Promise((r) => setTimeout(r, 300))
    expect(readManifest(tc.dir).backups).toHaveLength(1)
    // 00:30 on the 24th in Shanghai (still the 23rd in UTC): a new day.
    tc.clock.set('2026-11-23T16:30:00Z')
    await restart({ backupAtStart: { delayMs: 0 } })
    await expect.poll(() => readManifest(tc.dir).backups.length).toBe(2)
    expect(readManifest(tc.dir).backups.map((b) => b.localTime)).toEqual(['2026-11-24 00:30:00', '2026-11-23 10:00:00'])
  })

  it('a corrupted database at start is neither overwritten nor backed up; the damaged-database screen names the newest good backup', async () => {
    const clerk = await userWithRole(tc, manager, 'counter')
    await clerk.ok('intake.create', sampleIntake())
    const backup = await manager.ok('backups.now', {})
    await tc.core.close()
    zeroPageOf(tc.dbPath, 'work_order')
    const before = sha256(tc.dbPath)
    // The next day: a healthy start would back up now.
    tc.clock.set('2026-11-24T02:00:00Z')
    reopened = await createCore({ userDataDir: tc.dir, dbPath: tc.dbPath, clock: tc.clock.now, logError: () => undefined, backupAtStart: { delayMs: 0 } })
    expect(reopened.health).toMatchObject({
      state: 'damaged',
      problem: 'corrupt',
      newestBackup: { path: backup.path, takenAt: backup.takenAt, sizeBytes: backup.sizeBytes, schema: LAST_MIGRATION }
    })
    expect(await call(reopened, 'system.health', {})).toMatchObject({ ok: true, value: { newestBackup: { path: backup.path } } })
    expect(await call(reopened, 'backups.now', {})).toMatchObject({ ok: false, error: { code: 'DATABASE_DAMAGED' } })
    expect(await call(reopened, 'backups.restore', { file: backup.path, approval })).toMatchObject({ ok: false, error: { code: 'DATABASE_DAMAGED' } })
    await new Promise((r) => setTimeout(r, 300))
    expect(sha256(tc.dbPath)).toBe(before)
    expect(readManifest(tc.dir).backups).toEqual([backup])
    expect(readdirSync(join(tc.dir, 'backups'))).toEqual([basename(backup.path)])
    await reopened.close()
    // Still refused, still untouched, on the next start too.
    reopened = await createCore({ userDataDir: tc.dir, dbPath: tc.dbPath, clock: tc.clock.now, logError: () => undefined, backupAtStart: { delayMs: 0 } })
    expect(reopened.health.state).toBe('damaged')
    expect(sha256(tc.dbPath)).toBe(before)
  })

  it('the damaged-database screen restores the newest good backup with a manager’s PIN from that backup; the damaged file is kept aside', async () => {
    const clerk = await userWithRole(tc, manager, 'counter')
    await clerk.ok('intake.create', sampleIntake())
    const backup = await manager.ok('backups.now', {})
    const atBackup = dump(backup.path)
    // A healthy app refuses the channel.
    expect(await manager.call('backups.restoreDamaged', { approval })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    await tc.core.close()
    zeroPageOf(tc.dbPath, 'work_order')
    const damagedSha = sha256(tc.dbPath)
    reopened = await createCore({ userDataDir: tc.dir, dbPath: tc.dbPath, clock: tc.clock.now, logError: () => undefined })
    expect(reopened.health.state).toBe('damaged')
    // A counter clerk in the backup is not a manager; a wrong PIN counts; both messages in both languages.
    const notManager = await call(reopened, 'backups.restoreDamaged', { approval: { username: 'counter1', pin: '1357' } })
    expect(notManager).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { 'approval.pin': expect.stringMatching(/PIN 不正确.* \/ Wrong PIN/) } } })
    for (let i = 0; i < 3; i++) await call(reopened, 'backups.restoreDamaged', { approval: { ...approval, pin: '0000' } })
    expect(await call(reopened, 'backups.restoreDamaged', { approval: { ...approval, pin: '0000' } })).toMatchObject({ ok: false, error: { code: 'LOCKED' } })
    expect(await call(reopened, 'backups.restoreDamaged', { approval })).toMatchObject({ ok: false, error: { code: 'LOCKED' } })
    expect(sha256(tc.dbPath)).toBe(damagedSha)
    tc.clock.set('2026-11-23T02:02:00Z')
    const r = await call(reopened, 'backups.restoreDamaged', { approval })
    expect(r).toEqual({ ok: true, value: { from: backup.path, schema: LAST_MIGRATION, migrated: false, restart: 'manual' } })
    // Until the app reopens, the damaged file stays exactly as it was.
    expect(sha256(tc.dbPath)).toBe(damagedSha)
    await reopened.close()
    reopened = await createCore({ userDataDir: tc.dir, dbPath: tc.dbPath, clock: tc.clock.now, logError: () => undefined })
    expect(reopened.health).toEqual({ state: 'ok' })
    const after = dump(tc.dbPath)
    expect({ ...after, audit_log: after.audit_log.filter((row) => !row.includes('"backup.restore"')) }).toEqual(atBackup)
    const aside = readdirSync(tc.dir).filter((f) => f.startsWith('db.sqlite.replaced-'))
    expect(aside).toHaveLength(1)
    expect(sha256(join(tc.dir, aside[0]))).toBe(damagedSha)
  })

  it('Backup now answers once copied when the check takes long, and the check finishes after the lock is free', async () => {
    const service = new BackupService({
      dataSource: tc.core.dataSource,
      mutex: new Mutex(),
      settings: new SettingsService(),
      userDataDir: tc.dir,
      dbPath: tc.dbPath,
      clock: tc.clock.now,
      logError: () => undefined
    })
    const pending = await service.runHeld('manual', 0)
    expect(pending).toMatchObject({ verified: false, schema: '', localTime: '2026-11-23 10:00:00' })
    expect(pending.sizeBytes).toBeGreaterThan(0)
    await service.close()
    expect(readManifest(tc.dir).backups).toEqual([{ ...pending, verified: true, schema: LAST_MIGRATION, sizeBytes: expect.any(Number) }])
    expect(existsSync(pending.path)).toBe(true)
  })

  it('a backup at the start of the day or after the close copies while the counter works; the copy holds what was saved meanwhile', async () => {
    const db = connectionOf(tc.core.dataSource)
    // ~32 MB, so the copy takes many steps (a five-year store is 2.4 GB: ~13 s of copying).
    fill(db, 32)
    const clerk = await userWithRole(tc, manager, 'counter')
    const { services } = (tc.core.router as unknown as { deps: { services: { backups: BackupService } } }).deps
    let copying = true
    const started = services.backups.run('dayClose')
    // The copy is under way when the first step has written the file.
    await expect.poll(() => readdirSync(join(tc.dir, 'backups')).some((f) => f.endsWith('.part')), { interval: 1 }).toBe(true)
    const answeredWhileCopying: boolean[] = []
    for (const mobile of ['13800000001', '13800000002']) {
      await clerk.ok('intake.create', sampleIntake({ customer: { ...sampleIntake().customer, mobile } }))
      answeredWhileCopying.push(readdirSync(join(tc.dir, 'backups')).some((f) => f.endsWith('.part')) && copying)
    }
    const entry = await started.finally(() => (copying = false))
    expect(answeredWhileCopying).toEqual([true, true])
    expect(entry).toMatchObject({ reason: 'dayClose', verified: true })
    // The two intakes answered during the copy are in it.
    const copy = dump(entry.path)
    expect(copy.work_order).toHaveLength(2)
    expect(copy.work_order).toEqual(dump(tc.dbPath).work_order)
  })

  it('a copy that rolled-back writes keep sending back to its first page gives up, and the backup is then copied under the lock', async () => {
    const db = connectionOf(tc.core.dataSource)
    fill(db, 16)
    const mutex = new Mutex()
    let stop = false
    // A refused call that had written: its rollback restarts a copy in progress. Calls take the lock.
    const refusedWrites = (async () => {
      while (!stop) {
        await mutex.run(async () => {
          try {
            db.transaction(() => {
              db.prepare(`INSERT INTO filler VALUES (randomblob(5000))`).run()
              throw new Error('refused')
            })()
          } catch {
            // refused, rolled back
          }
        })
        await new Promise((r) => setImmediate(r))
      }
    })()
    const part = join(tc.dir, 'direct.sqlite')
    await expect(copyOnline(db, part)).rejects.toBeInstanceOf(CopyRestarted)
    expect(existsSync(part)).toBe(false)
    const service = new BackupService({ dataSource: tc.core.dataSource, mutex, settings: new SettingsService(), userDataDir: tc.dir, dbPath: tc.dbPath, clock: tc.clock.now, logError: () => undefined })
    const entry = await service.run('start')
    stop = true
    await refusedWrites
    expect(entry).toMatchObject({ reason: 'start', verified: true })
    expect(dump(entry.path).filler).toHaveLength(16)
  })

  it('a store not yet set up is not backed up at start', async () => {
    const fresh = await startTestCore({ backupAtStart: { delayMs: 0 } })
    await new Promise((r) => setTimeout(r, 300))
    expect(existsSync(join(fresh.dir, 'backups'))).toBe(false)
    await fresh.close()
  })
})
