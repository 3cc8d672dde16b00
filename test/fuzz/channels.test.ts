import { createHash } from 'node:crypto'
import type Database from 'better-sqlite3'
import fc from 'fast-check'
import type { Sessions } from '../../src/main/core/sessions'
import { contract, type ChannelDef } from '../../src/shared/contract'
import { MANAGER, sampleIntake, startTestCore, type Caller, type TestCore } from '../helpers/core'
import { edgeCases, fromSchema, nastyValue, nearValid } from './schema-arbitrary'

/**
 * Every channel in the contract (new ones are covered by iterating the map), called through the
 * real router on a real SQLite file by every role and by nobody, with arbitrary JSON-ish payloads,
 * schema-guided ones and valid payloads with one spot broken. Every answer must be ok or a typed
 * error (never INTERNAL), and an error must leave every table as it was, except what a failed
 * sign-in legitimately writes (wrong-PIN counters, audit rows).
 */

const SEED = Number(process.env.FUZZ_SEED ?? 20261123)
const RUNS = Number(process.env.FUZZ_RUNS ?? 1)
const ARBITRARY_PER_CHANNEL = 8 * RUNS
const GUIDED_PER_CHANNEL = 16 * RUNS
const NEAR_VALID_PER_CHANNEL = 26 * RUNS
const ROLES = ['manager', 'counter', 'technician', 'warehouse', 'anonymous'] as const
type As = (typeof ROLES)[number]
const PIN = '1357'

/** Valid inputs for channels whose shape random generation rarely hits; others start from the schema. */
function validSeeds(ids: { victimId: number; orderId: number }): Record<string, unknown> {
  return {
    'setup.create': { store: { name: '新店' }, manager: { username: 'newboss', displayName: '新店长', pin: '1111' } },
    'auth.signIn': { username: 'victim', pin: PIN },
    'auth.recover': { username: MANAGER.username, recoveryCode: 'AAAA-BBBB-CCCC-DDDD', pin: '1111' },
    'users.create': { username: 'fuzzed', displayName: '某人', role: 'counter', pin: '1234' },
    'users.update': { id: ids.victimId, displayName: '改名', role: 'counter', active: true, pin: PIN },
    'users.unlock': { id: ids.victimId },
    'settings.update': {
      store: { name: '诚信手机维修中心', address: '', phone: '', receiptFooter: '' },
      timeZone: 'Asia/Shanghai',
      calendar: { holidays: ['2026-10-01'], makeupWorkdays: [] },
      warrantyPolicy: { rules: [{ category: 'phone', component: 'main', months: 12 }], exclusions: ['water'], humanDamageSigns: [] }
    },
    'settings.setLocale': { locale: 'en' },
    'intake.create': sampleIntake(),
    'intake.checkWarranty': { category: 'phone', component: 'main', serial: '', invoiceDate: '2026-06-01', condition: {} },
    'customers.search': { query: '138' },
    'customers.history': { customerId: 1 },
    'orders.get': { orderId: ids.orderId },
    'orders.list': { query: '', limit: 10 },
    'printing.jobs': { orderId: ids.orderId },
    'printing.preview': { orderId: ids.orderId, kind: 'claimTicket' },
    'printing.reprint': { orderId: ids.orderId, kind: 'deviceTag' },
    'printing.ticketPdf': { orderId: ids.orderId },
    'audit.list': { action: 'auth.', from: '2026-11-01', to: '2026-11-30', limit: 5 }
  }
}

type Db = Database.Database
const sha = (rows: unknown[]) => createHash('sha256').update(rows.map((r) => JSON.stringify(r)).sort().join('\n')).digest('hex')

/** A content hash per table (read straight from the file's connection: fast, and nothing in between). */
function snapshot(db: Db): Record<string, string> {
  // Virtual (FTS) tables are covered by their shadow tables.
  const tables = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%'`)
    .pluck()
    .all() as string[]
  const out: Record<string, string> = {}
  for (const name of tables) {
    // The print queue updates job bookkeeping in the background; what a call writes is the job row itself.
    const select = name === 'print_job' ? 'id, orderId, kind, reprintNo' : '*'
    out[name] = sha(db.prepare(`SELECT ${select} FROM "${name}"`).raw().all())
  }
  return out
}

/** The same, without what a failed sign-in may write: wrong-PIN counters and new audit rows. */
function signInNoiseFree(db: Db, maxAuditId: number): Record<string, string> {
  const snap = snapshot(db)
  snap.user = sha(db.prepare('SELECT id, username, displayName, role, pinHash, active, createdAt FROM user').raw().all())
  snap.audit_log = sha(db.prepare('SELECT * FROM audit_log WHERE id <= ?').raw().all(maxAuditId))
  return snap
}

/** Does the payload carry a manager's approval (user name + PIN) anywhere in it? */
function typesManagerPin(payload: unknown): boolean {
  if (!payload || typeof payload !== 'object') return false
  return Object.entries(payload).some(([k, v]) => (k === 'approval' && v !== null && typeof v === 'object' && 'pin' in v) || typesManagerPin(v))
}

const maxAuditId = (db: Db): number => (db.prepare('SELECT MAX(id) FROM audit_log').pluck().get() as number | null) ?? 0

const TYPED = new Set(['VALIDATION', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'LOCKED', 'PRINTER'])

describe('fuzz: every channel, every role', () => {
  let tc: TestCore
  afterAll(() => tc?.close())

  it('answers ok or a typed error, never INTERNAL, and changes nothing on error', async () => {
    tc = await startTestCore({ now: '2026-11-23T02:00:00Z' })
    const logged: string[] = []
    const errorLog = (where: string, e: unknown) => logged.push(`${where}: ${String((e as Error)?.stack ?? e).slice(0, 400)}`)
    ;(tc.core.router as unknown as { deps: { logError: typeof errorLog } }).deps.logError = errorLog

    // A store with one user per role, a victim to update, an order to look at, and its recovery code.
    const managerSession = tc.session()
    const setup = await managerSession.call('setup.create', {
      store: { name: '诚信手机维修中心' },
      timeZone: 'Asia/Shanghai',
      locale: 'zh-CN',
      manager: MANAGER
    })
    if (!setup.ok) throw new Error('setup failed')
    const userIds: Partial<Record<As, number>> = { manager: 1 }
    for (const role of ['counter', 'technician', 'warehouse'] as const) {
      userIds[role] = (await managerSession.ok('users.create', { username: `fz_${role}`, displayName: role, role, pin: PIN })).id
    }
    const victimId = (await managerSession.ok('users.create', { username: 'victim', displayName: '受害者', role: 'counter', pin: PIN })).id
    const clerk = tc.session()
    await clerk.ok('auth.signIn', { username: 'fz_counter', pin: PIN })
    const orderId = (await clerk.ok('intake.create', sampleIntake())).order.id
    const seeds = validSeeds({ victimId, orderId })

    // Each role's window. A fuzzed call may sign it out, sign someone else in, lock it, or change
    // its user's role: the harness puts the window back (in memory, and through the router for the
    // user row) so every payload is tried as the role it names, without a scrypt sign-in each time.
    const sessions = (tc.core.router as unknown as { deps: { services: { sessions: Sessions } } }).deps.services.sessions
    const callers = new Map<As, Caller>(ROLES.map((as) => [as, tc.session(`fz-${as}`)]))
    const db = (tc.core.dataSource.driver as unknown as { databaseConnection: Database.Database }).databaseConnection
    async function callerFor(as: As): Promise<Caller> {
      const state = sessions.get(`fz-${as}`)
      const id = as === 'anonymous' ? null : (userIds[as] as number)
      if (id !== null) {
        const row = db.prepare('SELECT role, active FROM user WHERE id = ?').get(id) as { role: string; active: number }
        if (row.role !== as || !row.active) {
          state.userId = userIds.manager as number
          await callers.get('manager')!.ok('users.update', { id, role: as as Exclude<As, 'anonymous'>, active: true })
        }
      }
      state.userId = id
      return callers.get(as)!
    }

    const channels = Object.keys(contract) as (keyof typeof contract)[]
    let tried = 0
    const outcomes: Record<string, number> = {}
    const internal: string[] = []
    const changedOnError: string[] = []
    const untyped: string[] = []
    const started = Date.now()
    let seed = SEED

    const perChannelMs: Record<string, number> = {}
    for (const channel of channels) {
      const channelStart = Date.now()
      const def = (contract as Record<string, ChannelDef>)[channel]
      const schemaSeed = seeds[channel] ?? fc.sample(fromSchema(def.input), { numRuns: 1, seed })[0]
      const payloads = [
        ...fc.sample(nastyValue, { numRuns: ARBITRARY_PER_CHANNEL, seed: seed++ }),
        ...fc.sample(fromSchema(def.input), { numRuns: GUIDED_PER_CHANNEL, seed: seed++ }),
        ...fc.sample(nearValid(schemaSeed), { numRuns: NEAR_VALID_PER_CHANNEL, seed: seed++ }),
        ...edgeCases(schemaSeed)
      ]
      // Mostly as roles the channel is for (so payloads reach validation and the handler), every
      // fourth as anyone (refusals must hold whatever the payload).
      const allowed = ROLES.filter((r) => def.access === 'public' || (r !== 'anonymous' && (def.access === 'signedIn' || def.access.includes(r))))
      for (const [i, payload] of payloads.entries()) {
        const as = i % 4 === 3 ? ROLES[(i >> 2) % ROLES.length] : allowed[i % allowed.length]
        const caller = await callerFor(as)
        const auditBefore = maxAuditId(db)
        // A wrong PIN is counted and audited even though the call is refused (sign-in, and a
        // manager's approval typed on any screen): only the lock columns and new audit rows may change.
        const quiet = channel === 'auth.signIn' || channel === 'auth.recover' || typesManagerPin(payload)
        const before = quiet ? signInNoiseFree(db, auditBefore) : snapshot(db)
        const result = await caller.call(channel, payload as never)
        tried++
        const code = result.ok ? 'ok' : result.error.code
        outcomes[code] = (outcomes[code] ?? 0) + 1
        const shown = `${channel} as ${as}: ${JSON.stringify(payload)?.slice(0, 300)}`
        if (result.ok) continue
        if (result.error.code === 'INTERNAL') internal.push(`${shown} -> ${logged.at(-1) ?? ''}`)
        else if (!TYPED.has(result.error.code) || typeof result.error.message !== 'string') untyped.push(`${shown} -> ${JSON.stringify(result.error)}`)
        const after = quiet ? signInNoiseFree(db, auditBefore) : snapshot(db)
        const changed = Object.keys(after).filter((t) => after[t] !== before[t])
        if (changed.length) changedOnError.push(`${shown} -> ${result.error.code} changed ${changed.join(', ')}`)
      }
      perChannelMs[channel] = Date.now() - channelStart
    }
    if (process.env.FUZZ_PROFILE) console.log(perChannelMs)
    const seconds = (Date.now() - started) / 1000
    console.log(`fuzz: ${tried} payloads over ${channels.length} channels in ${seconds.toFixed(1)} s (seed ${SEED}); INTERNAL: ${internal.length}; answers ${JSON.stringify(outcomes)}`)
    expect(internal).toEqual([])
    expect(untyped).toEqual([])
    expect(changedOnError).toEqual([])
    expect(tried).toBeGreaterThanOrEqual(channels.length * (ARBITRARY_PER_CHANNEL + GUIDED_PER_CHANNEL + NEAR_VALID_PER_CHANNEL))
  }, 120_000)
})
