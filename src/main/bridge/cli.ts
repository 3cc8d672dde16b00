/**
 * `npm run start:browser`: the whole app (same core, same router) served to a browser over
 * loopback HTTP. Options: --db PATH (or REPAIR_COUNTER_DB), --data DIR (or REPAIR_COUNTER_DATA),
 * --port N (default 5174; 0 = any free port). Prints the URL with its per-run token.
 */
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { createCore } from '../core/create-core'
import { startBridge } from './server'

async function main() {
  const { values } = parseArgs({
    options: { db: { type: 'string' }, data: { type: 'string' }, port: { type: 'string' }, token: { type: 'string' } },
    strict: true
  })
  const dataDir = resolve(values.data ?? process.env.REPAIR_COUNTER_DATA ?? join(homedir(), '.repair-counter-browser'))
  const dbPath = values.db ?? process.env.REPAIR_COUNTER_DB
  const core = await createCore({ userDataDir: dataDir, dbPath: dbPath ? resolve(dbPath) : undefined })
  const bridge = await startBridge({
    router: core.router,
    staticDir: resolve(__dirname, '../renderer'),
    port: Number(values.port ?? process.env.REPAIR_COUNTER_PORT ?? 5174),
    token: values.token ?? process.env.REPAIR_COUNTER_TOKEN
  })
  // One machine-readable line first (tests wait for it), then one for people.
  console.log(`BRIDGE_URL=${bridge.url}`)
  console.log(`Repair counter is running. Open ${bridge.url} in Chromium (data: ${dataDir}). Ctrl+C to stop.`)
  const stop = async () => {
    await bridge.close()
    await core.close()
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
