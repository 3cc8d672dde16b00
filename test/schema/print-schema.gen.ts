// Prints the SQL that would bring a migrated database up to the entities (used to write migrations).
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDatabase } from '../../src/main/db/data-source'

test('print pending schema', async () => {
  const ds = await openDatabase({ path: join(mkdtempSync(join(tmpdir(), 'rc-')), 'db.sqlite') })
  const log = await ds.driver.createSchemaBuilder().log()
  console.log(log.upQueries.map((q) => q.query).join(';\n'))
  await ds.destroy()
})
