import { mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createDataSource, openDatabase } from '../../src/main/db/data-source'
import { migrations } from '../../src/main/db/migrations'

const freshPath = () => join(mkdtempSync(join(tmpdir(), 'rc-schema-')), 'db.sqlite')

describe('migrations', () => {
  it('produce exactly the schema the entities describe', async () => {
    const ds = await openDatabase({ path: freshPath() })
    const pending = await ds.driver.createSchemaBuilder().log()
    expect(pending.upQueries.map((q) => q.query)).toEqual([])
    await ds.destroy()
  })

  it('are listed in timestamp order, one file each, and all of them run', async () => {
    const files = readdirSync(join(__dirname, '../../src/main/db/migrations')).filter((f) => /^\d{13}-\w+\.ts$/.test(f))
    const stamps = migrations.map((m) => Number(/(\d{13})$/.exec(m.name)?.[1]))
    expect(stamps).toEqual([...stamps].sort((a, b) => a - b))
    expect(files.length).toBe(migrations.length)
    const ds = await openDatabase({ path: freshPath() })
    const ran = await ds.query('SELECT name FROM migrations ORDER BY id')
    expect(ran.map((r: { name: string }) => r.name)).toEqual(migrations.map((m) => m.name))
    await ds.destroy()
  })

  it('revert cleanly and re-apply', async () => {
    const path = freshPath()
    const ds = await openDatabase({ path })
    for (let i = 0; i < migrations.length; i++) await ds.undoLastMigration({ transaction: 'all' })
    const left = await ds.query(`SELECT name FROM sqlite_master WHERE type='table' AND name NOT IN ('migrations','sqlite_sequence')`)
    expect(left).toEqual([])
    await ds.runMigrations({ transaction: 'all' })
    expect((await ds.driver.createSchemaBuilder().log()).upQueries).toEqual([])
    await ds.destroy()
  })

  it('never synchronize the schema on their own', () => {
    expect(createDataSource({ path: freshPath() }).options.synchronize).toBe(false)
  })
})
