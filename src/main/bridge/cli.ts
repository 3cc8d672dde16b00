/**
 * `npm run start:browser`: the whole app (same core, same router) served to a browser over
 * loopback HTTP. Options: --db PATH (or REPAIR_COUNTER_DB), --data DIR (or REPAIR_COUNTER_DATA),
 * --port N (default 5174; 0 = any free port). Prints the URL with its per-run token.
 */
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { createCore, DB_FILE_NAME, type Core } from '../core/create-core'
import { acquireProcessLock, DataFolderInUse } from '../db/process-lock'
import { startBridge } from './server'

async function main() {
  const { values } = parseArgs({
    options: { db: { type: 'string' }, data: { type: 'string' }, port: { type: 'string' }, token: { type: 'string' } },
    strict: true
  })
  const dataDir = resolve(values.data ?? process.env.REPAIR_COUNTER_DATA ?? join(homedir(), '.repair-counter-browser'))
  const dbArg = values.db ?? process.env.REPAIR_COUNTER_DB
  const dbPath = dbArg ? resolve(dbArg) : join(dataDir, DB_FILE_NAME)
  // One process per database (the Electron shell has its own single-instance lock too).
  const lock = acquireProcessLock(dbPath)
  process.on('exit', () => lock.release())
  // The page loads while the database is checked (about 1.5 ms per MB); its calls wait for the check.
  // A restore (backups.restore) asks for a reopen: calls already queued finish on the old core, later
  // ones wait for the new core, which puts the restored file in place and checks it as at start.
  const open = (): Promise<Core> => createCore({ userDataDir: dataDir, dbPath, onRestartRequested: reopen })
  let coreReady = open()
  function reopen() {
    coreReady = coreReady.then((old) => old.close()).then(open)
    coreReady.catch((e) => console.error(e))
  }
  coreReady.catch(() => undefined) // awaited below; failing before that must not count as unhandled
  const bridge = await startBridge({
    router: { call: async (ctx, channel, input) => (await coreReady).router.call(ctx, channel, input) },
    staticDir: resolve(__dirname, '../renderer'),
    port: Number(values.port ?? process.env.REPAIR_COUNTER_PORT ?? 5174),
    token: values.token ?? process.env.REPAIR_COUNTER_TOKEN
  })
  // One machine-readable line first (tests wait for it), then one for people.
  console.log(`BRIDGE_URL=${bridge.url}`)
  console.log(`Repair counter is running. Open ${bridge.url} in Chromium (data: ${dataDir}). Ctrl+C to stop.`)
  const stop = async () => {
    await bridge.close()
    await (await coreReady).close()
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
  const core = await coreReady
  if (core.health.state === 'damaged') {
    console.error(
      `数据库未通过启动检查，未打开写入 / The database failed its start-up check and was not opened for writing: ${core.health.problem}\n` +
        `  ${core.health.dbPath}\n` +
        core.health.details.map((d) => `  ${d}\n`).join('')
    )
  }
}

main().catch((e) => {
  console.error(e instanceof DataFolderInUse ? e.message : e)
  process.exit(e instanceof DataFolderInUse ? 2 : 1)
})
