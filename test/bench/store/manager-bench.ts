// The manager's paths on the five-year store (issue 9): the dashboard's first paint data < 300 ms,
// a month report < 500 ms, the follow-up call list; each through the router next to the same SQL
// run by hand on the same file (the router path also buckets the rows into days and ranks the
// turnaround times, which is the part the hand-written figure leaves out).
import type Database from 'better-sqlite3'
import { addDays, startOfLocalDay } from '../../../src/shared/domain/dates'
import { overdueReceivedBefore } from '../../../src/shared/domain/orders'
import { REPORT_QUERIES } from '../../../src/main/reports/service'
import { CALL_LIST } from '../../../src/main/followup/service'
import { figure, time, type Figure } from './measure'
import { TIME_ZONE } from './generate'

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
}
