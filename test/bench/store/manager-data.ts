// The manager's five years in the bench store (issue 9): follow-up calls on most handed-back
// orders, the complaints some of them opened (numbered YYMM-NNN, gap-free), and every business day
// closed with its Z report frozen — except the last 60, left open so the bench can time closing
// real 300-order days.
import type Database from 'better-sqlite3'
import { DENOMINATIONS } from '../../../src/shared/contract/dayclose'
import type { StoreSettings } from '../../../src/shared/contract/settings'
import { addDays, localDate, yearMonthCode } from '../../../src/shared/domain/dates'
import { computeZReport } from '../../../src/main/dayclose/report'
import { openDatabase } from '../../../src/main/db/data-source'
import { connectionOf } from '../../../src/main/db/prepared'
import { pick, rng } from './data'

/** Days before the bench's "now" left unclosed (the bench closes them, one per timed run). */
export const OPEN_DAYS = 60

export interface ManagerFacts {
  followUps: number
  complaints: number
  closedDays: number
}

const DAY = 86_400_000
const RATINGS = ['verySatisfied', 'verySatisfied', 'verySatisfied', 'satisfied', 'satisfied', 'average'] as const

/** Follow-up calls and complaints, straight into the tables (insert-only; triggers fire). */
export function generateFollowUps(db: Database.Database, o: { nowMs: number; clerks: number[]; managerId: number; timeZone: string }): Pick<ManagerFacts, 'followUps' | 'complaints'> {
  const r = rng(20261206)
  const orders = db
    .prepare(`SELECT w.id, w.returnedAt, c.name, c.mobile FROM work_order w JOIN customer c ON c.id = w.customerId WHERE w.returnedAt IS NOT NULL AND w.returnedAt < ? ORDER BY w.returnedAt`)
    .all(new Date(o.nowMs - 8 * DAY).toISOString()) as { id: number; returnedAt: string; name: string; mobile: string }[]
  const insFollowUp = db.prepare(`INSERT INTO follow_up (orderId, at, userId, outcome, rating, attitude, skill, timeliness, fees, depositRefunded, note, complaintId)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)`)
  const insComplaint = db.prepare(`INSERT INTO complaint (complaintNo, status, source, category, orderId, followUpId, customerName, mobile, description, createdAt, createdById, ownerId,
      responseDue, respondedAt, respondedById, response, resolvedAt, resolvedById, resolution, correctiveAction, followUpDue, confirmedAt, confirmedById, confirmNote)
    VALUES (?, 'confirmed', 'followUp', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '已电话致歉并说明原因', ?, ?, '返修免工时费', '加强质检', ?, ?, ?, '客户认可')`)
  const insSeq = db.prepare(`INSERT INTO complaint_sequence (period, lastSerial) VALUES (?, ?)`)
  const serials = new Map<string, number>()
  let followUps = 0
  let complaints = 0
  db.transaction(() => {
    for (const w of orders) {
      if (r() > 0.7) continue
      const at = new Date(Date.parse(w.returnedAt) + (2 + Math.floor(r() * 3)) * DAY).toISOString()
      const clerk = pick(r, o.clerks)
      const u = r()
      if (u < 0.1) {
        insFollowUp.run(w.id, at, clerk, u < 0.08 ? 'noAnswer' : 'refused', null, null, null, null, null, null, '')
        followUps++
        continue
      }
      const unhappy = r() < 0.02
      const rating = unhappy ? (r() < 0.7 ? 'dissatisfied' : 'veryDissatisfied') : pick(r, RATINGS)
      const fu = Number(insFollowUp.run(w.id, at, clerk, 'reached', rating, rating, rating, unhappy ? 'dissatisfied' : rating, rating, 1, unhappy ? '等了太久' : '').lastInsertRowid)
      followUps++
      if (!unhappy) continue
      const period = yearMonthCode(localDate(new Date(at), o.timeZone))
      const n = (serials.get(period) ?? 0) + 1
      serials.set(period, n)
      const later = (days: number) => new Date(Date.parse(at) + days * DAY).toISOString()
      insComplaint.run(`${period}-${String(n).padStart(3, '0')}`, 'timeliness', w.id, fu, w.name, w.mobile, '客户反映维修时间太长', at, clerk, clerk,
        later(2).slice(0, 10), later(1), o.managerId, later(2), o.managerId, later(5).slice(0, 10), later(4), o.managerId)
      complaints++
    }
    for (const [period, last] of serials) insSeq.run(period, last)
  })()
  return { followUps, complaints }
}

/**
 * Every business day from the first to OPEN_DAYS before "now", closed with its Z report computed
 * by the app's own code (cash counted exactly as expected), in the order a shop closes them.
 */
export async function closeDays(path: string, o: { first: string; today: string; settings: StoreSettings; managerId: number }): Promise<number> {
  const ds = await openDatabase({ path })
  try {
    const db = connectionOf(ds)
    const ins = db.prepare(`INSERT INTO day_close (day, startAt, endAt, closedAt, closedById, approvedById, counts, totals, overShortFen, note, report)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, '', ?)`)
    const last = addDays(o.today, -OPEN_DAYS - 1)
    let n = 0
    db.transaction(() => {
      for (let day = o.first; day <= last; day = addDays(day, 1)) {
        const preview = computeZReport(ds.manager, day, o.settings)
        let cash = preview.money.find((m) => m.method === 'cash')!.expectedFen
        const counts = DENOMINATIONS.map((d) => {
          const k = Math.max(0, Math.floor(cash / d))
          cash -= k * d
          return k
        })
        const counted = Object.fromEntries(preview.money.filter((m) => m.method !== 'cash').map((m) => [m.method, m.expectedFen])) as Record<'wechat' | 'alipay' | 'card' | 'other', number>
        const closedAt = new Date(Date.parse(preview.endAt) - 30 * 60_000).toISOString()
        const report = computeZReport(ds.manager, day, o.settings, { counts, counted, note: '' }, { closedAt, closedBy: '王店长', approvedBy: '王店长' })
        ins.run(day, report.startAt, report.endAt, closedAt, o.managerId, o.managerId, JSON.stringify(counts), JSON.stringify(report.money), JSON.stringify(report))
        n++
      }
    })()
    return n
  } finally {
    await ds.destroy()
  }
}
