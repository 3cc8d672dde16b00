// The manager's paths on the five-year store (issue 9): closing a ~300-order day < 50 ms, the
// dashboard's first paint data < 300 ms, a month report < 500 ms, the follow-up call list, and one
// verified backup of the whole store; each through the router next to the same SQL run by hand on
// the same file (the router paths also bucket rows into days, rank turnaround times and build the
// frozen Z report, which is the part the hand-written figures leave out).
import type Database from 'better-sqlite3'
import type { BackupService } from '../../../src/main/backup/service'
import { addDays, startOfLocalDay } from '../../../src/shared/domain/dates'
import { overdueReceivedBefore } from '../../../src/shared/domain/orders'
import { REPORT_QUERIES } from '../../../src/main/reports/service'
import { CALL_LIST } from '../../../src/main/followup/service'
import { Z_QUERIES } from '../../../src/main/dayclose/report'
import { DENOMINATIONS } from '../../../src/shared/contract/dayclose'
import { OPEN_DAYS } from './manager-data'
import { TIME_ZONE, USERS } from './generate'
import { figure, time, type Figure } from './measure'

type Call = (channel: string, input: unknown) => Promise<unknown>

export interface ManagerBenchInput {
  raw: Database.Database
  manager: Call
  counter: Call
  today: string
  budgetMs: number
  floor: number
  figures: Figure[]
  found: Record<string, boolean>
  log: (s: string) => void
  /** The core's backups, to time the counter while a start-of-day backup copies. */
  backups: BackupService
}

export async function measureManager(b: ManagerBenchInput): Promise<void> {
  const { raw, figures, found, log } = b
  const budget = { budgetMs: b.budgetMs, minRuns: 5, maxRuns: 100 }
  const q = Object.fromEntries(Object.entries(REPORT_QUERIES).map(([k, sql]) => [k, raw.prepare(sql)])) as Record<keyof typeof REPORT_QUERIES, Database.Statement>
  const day = (d: string) => startOfLocalDay(d, TIME_ZONE)
  const range = (from: string, to: string) => {
    const [a, z] = [day(from), day(addDays(to, 1))]
    return [q.RECEIVED.all(a, z), q.PICKED_UP.all(a, z), q.PARTS.all(a, z), q.FINISHED.all(a, z), q.QC.all(a, z)]
  }
  // The month before the bench's "now", whole.
  const monthStart = `${addDays(`${b.today.slice(0, 7)}-01`, -1).slice(0, 7)}-01`
  const monthEnd = addDays(`${b.today.slice(0, 7)}-01`, -1)

  log('  reports: dashboard first paint')
  const dash = (await b.manager('reports.dashboard', {})) as { tiles: { inShop: number } }
  found['reports.dashboard'] = dash.tiles.inShop > 0
  figures.push(
    figure(
      'reports.dashboard',
      "manager dashboard's first paint data",
      await time(() => b.manager('reports.dashboard', {}), budget),
      await time(() => {
        const since = `${b.today.slice(0, 7)}-01`
        q.OPEN_BY_STATUS.all()
        q.OVERDUE.get(b.today, overdueReceivedBefore(b.today, TIME_ZONE))
        q.TAKINGS.all(day(b.today), day(addDays(b.today, 1)))
        return range(since, b.today)
      }, budget),
      300,
      b.floor,
      `${dash.tiles.inShop} devices in the shop`
    )
  )
  log(`  reports: month ${monthStart} … ${monthEnd}`)
  const month = (await b.manager('reports.range', { from: monthStart, to: monthEnd })) as { totals?: { received: number } }
  found['reports.month'] = (month.totals?.received ?? 0) > 0
  figures.push(
    figure(
      'reports.month',
      'a month report (every table)',
      await time(() => b.manager('reports.range', { from: monthStart, to: monthEnd }), budget),
      await time(() => range(monthStart, monthEnd), budget),
      500,
      b.floor,
      `${month.totals?.received ?? 0} orders received`
    )
  )
  log('  follow-up call list')
  const calls = raw.prepare(CALL_LIST)
  const list = (await b.counter('followups.list', {})) as unknown[]
  // The same statement over the widest window it can have (7 working days back, a weekend or two).
  const window = { from: day(addDays(b.today, -11)), to: day(addDays(b.today, -1)) }
  figures.push(
    figure(
      'followups.list',
      'follow-up call list (2–7 working days ago)',
      await time(() => b.counter('followups.list', {}), budget),
      await time(() => calls.all(window), budget),
      20,
      b.floor,
      `${list.length} calls due`
    )
  )

  await measureDayClose(b, day)
  await measureBackup(b)
}

/**
 * Closing the days the store left open (each ~275 orders): the Z report computed as of that day's
 * end and frozen, the close row and its audit row, committed. First the newest, 1–30 days late
 * (a shop closes the same evening or the next morning), then the oldest, 31–60 days late, whose
 * reports walk every order handed back since. The manager's PIN was checked as it was typed
 * (auth.approve: one scrypt check, deliberately slow), measured on its own; each close spends one
 * such approval, taken before the clock starts. By hand, on the same days: the report's queries.
 */
async function measureDayClose(b: ManagerBenchInput, day: (d: string) => string): Promise<void> {
  const days = Array.from({ length: OPEN_DAYS }, (_, i) => addDays(b.today, -OPEN_DAYS + i))
  const approve = async () =>
    ((await b.manager('auth.approve', { approval: { username: USERS.manager.username, pin: USERS.manager.pin }, purpose: 'dayclose.close' })) as { token: string }).token
  const orders = b.raw.prepare(`SELECT COUNT(*) FROM work_order WHERE receivedAt >= ? AND receivedAt < ?`).pluck()
  const q = Object.fromEntries(Object.entries(Z_QUERIES).map(([k, sql]) => [k, b.raw.prepare(sql)])) as Record<keyof typeof Z_QUERIES, Database.Statement>

  const closeEach = async (name: string, label: string, picks: string[]) => {
    b.log(`  ${label}`)
    const tokens: string[] = []
    for (const _ of picks) tokens.push(await approve())
    let next = 0
    const router = await time(
      () =>
        b.manager('dayclose.close', {
          day: picks[next],
          counts: DENOMINATIONS.map(() => 0),
          counted: { wechat: 0, alipay: 0, card: 0, other: 0 },
          note: '基准测试：未清点',
          approval: { token: tokens[next++] }
        }),
      { budgetMs: b.budgetMs, minRuns: 5, maxRuns: picks.length - 1, warmup: 1 }
    )
    let rawNext = 0
    const byHand = await time(() => {
      const [a, z] = [day(picks[rawNext % picks.length]), day(addDays(picks[rawNext++ % picks.length], 1))]
      for (const [query, st] of Object.entries(q)) {
        if (query === 'IN_SHOP') st.all(z)
        else st.all(a, z)
      }
    }, { budgetMs: b.budgetMs, minRuns: 5, maxRuns: picks.length })
    const closed = (await b.manager('dayclose.unclosed', {})) as { days: string[] }
    b.found[name] = !closed.days.includes(picks[0])
    const sizes = picks.map((d) => orders.get(day(d), day(addDays(d, 1))) as number)
    b.figures.push(figure(name, label, router, byHand, 50, b.floor, `${Math.min(...sizes)}–${Math.max(...sizes)} orders a day`))
  }
  await closeEach('dayclose.close', 'close a day left open 1–30 days (Z report frozen; PIN checked before)', days.slice(-30).reverse())
  await closeEach('dayclose.closeLate', 'close a day left open 31–60 days (as of its end: walks the pickups since)', days.slice(0, 30))
  // After the closes: 40 scrypt checks (16 MB each) leave the heap to the collector, not to a close.
  b.log('  manager PIN check')
  const pinCheck = await time(approve, { budgetMs: b.budgetMs, minRuns: 5, maxRuns: 40, warmup: 1 })
  b.figures.push(figure('auth.approve', "manager's PIN checked as typed (scrypt, by design)", pinCheck, null, null, b.floor))
}

/** One verified backup of the whole store ('backups.now': online backup API, then integrity check of the copy). */
async function measureBackup(b: ManagerBenchInput): Promise<void> {
  b.log('  backup of the store')
  type Entry = { path: string; verified: boolean; sizeBytes: number }
  const t0 = performance.now()
  const copy = (await b.manager('backups.now', {})) as Entry
  const copiedMs = performance.now() - t0
  let entry = copy
  // A large store's check finishes after the answer: wait for the list to show it verified.
  while (!entry.verified && performance.now() - t0 < 600_000) {
    await new Promise((r) => setTimeout(r, 200))
    entry = ((await b.manager('backups.list', {})) as { backups: Entry[] }).backups.find((e) => e.path === copy.path) ?? entry
  }
  const ms = performance.now() - t0
  b.found['backup'] = entry.verified
  b.figures.push(
    figure('backup', 'backup now: copy + integrity check of the copy', { runs: 1, p50: ms, p95: ms }, null, null, b.floor, `${(copy.sizeBytes / 1024 / 1024).toFixed(0)} MB, copied in ${(copiedMs / 1000).toFixed(1)} s`)
  )
  await measureCounterDuringBackup(b)
}

/**
 * A call at the counter while the start-of-day backup runs (it copies outside the router's lock, a
 * step at a time): how long the counter waits for a step. The call is the router's floor
 * (`intake.technicians`), so its time is the wait.
 */
async function measureCounterDuringBackup(b: ManagerBenchInput): Promise<void> {
  b.log('  the counter during a start-of-day backup')
  let running = true
  const t0 = performance.now()
  const backup = b.backups.run('start').finally(() => (running = false))
  const samples: number[] = []
  while (running) {
    const s0 = performance.now()
    await b.counter('intake.technicians', {})
    samples.push(performance.now() - s0)
    await new Promise((r) => setTimeout(r, 5))
  }
  const entry = await backup
  const ms = performance.now() - t0
  samples.sort((x, y) => x - y)
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]
  b.found['backup.live'] = entry.verified
  b.figures.push(
    figure('backup.live', 'a counter call while the start-of-day backup copies and checks', { runs: samples.length, p50: at(0.5), p95: at(0.95) }, null, 50, b.floor, `slowest ${at(1).toFixed(1)} ms; backup ${(ms / 1000).toFixed(1)} s`)
  )
}
