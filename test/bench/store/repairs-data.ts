// The repair bench and pickup history of the five-year store: every order's timeline (order_event),
// its repair-card charges, and what was paid or refunded when it was handed back. Devices that
// left the shop are 'pickedUp'; the last two weeks' are spread over the bench's statuses.
import type Database from 'better-sqlite3'
import type { OrderStatus } from '../../../src/shared/domain/order-status'
import { pick, rng } from './data'

export interface RepairFacts {
  events: number
  charges: number
  pickupPayments: number
  /** Orders still in the shop, by status. */
  inShop: Record<string, number>
}

interface OrderRow {
  id: number
  receivedAt: string
  returnedAt: string | null
  estimateFen: number
  depositFen: number
  depositMethod: string | null
  serviceType: string
  technicianId: number | null
  createdById: number
  faultDescription: string
}

const HOUR = 3600_000

/** The steps an order took, up to (and including) `until` when it is still in the shop. */
function pathOf(r: () => number, returned: boolean, ageDays: number): OrderStatus[] {
  const exit = r()
  if (returned && exit < 0.03) return ['received', 'diagnosing', 'unrepairable', 'pickedUp']
  if (returned && exit < 0.05) return ['received', 'diagnosing', 'awaitingApproval', 'cancelled', 'pickedUp']
  const path: OrderStatus[] = ['received', 'diagnosing']
  if (r() < 0.1) path.push('awaitingApproval')
  if (r() < 0.2) path.push('waitingParts')
  path.push('repairing', 'qualityCheck', 'ready')
  if (returned) return [...path, 'pickedUp']
  // Still here: the older, the further along (a few ready and not collected for weeks).
  const reach = Math.min(path.length, 1 + Math.floor(ageDays * 1.2 + r() * 2))
  if (reach >= 3 && r() < 0.03) return [...path.slice(0, 3), 'atManufacturer']
  return path.slice(0, reach)
}

export function generateRepairs(
  db: Database.Database,
  o: { nowMs: number; technicians: number[]; clerks: number[]; managerId: number; log: (s: string) => void }
): RepairFacts {
  const r = rng(20261205)
  const insEvent = db.prepare(`INSERT INTO order_event (orderId, at, userId, kind, fromStatus, toStatus, note, detail) VALUES (?, ?, ?, ?, ?, ?, '', ?)`)
  const insCharge = db.prepare(`INSERT INTO repair_charge (orderId, kind, description, faultCode, minutes, amountFen, warrantyFree, createdAt, userId) VALUES (?, 'labour', ?, '', ?, ?, 0, ?, ?)`)
  const insPayment = db.prepare(`INSERT INTO payment (orderId, kind, method, amountFen, receivedAt, userId) VALUES (?, ?, ?, ?, ?, ?)`)
  const setStatus = db.prepare(`UPDATE work_order SET status = ? WHERE id = ?`)
  const insPickup = db.prepare(`INSERT INTO pickup (orderId, at, userId, fromStatus, proofKind, lines, heldFen, dueFen, tenders, refundFen, refundMethod, warrantyUntil, lastPaymentId)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  const facts: RepairFacts = { events: 0, charges: 0, pickupPayments: 0, inShop: {} }
  // All rows first (about 100 MB at full scale): the statement cannot stay open while its table is written.
  const rows = db
    .prepare(`SELECT id, receivedAt, returnedAt, estimateFen, depositFen, depositMethod, serviceType, technicianId, createdById, faultDescription FROM work_order ORDER BY id`)
    .all() as OrderRow[]
  const flush = db.transaction((orders: OrderRow[]) => {
    for (const w of orders) {
      const from = Date.parse(w.receivedAt)
      const to = w.returnedAt ? Date.parse(w.returnedAt) : o.nowMs
      const path = pathOf(r, !!w.returnedAt, (o.nowMs - from) / (24 * HOUR))
      const tech = w.technicianId ?? pick(r, o.technicians)
      const checker = o.technicians.find((t) => t !== tech) ?? o.managerId
      const clerk = pick(r, o.clerks)
      // Steps evenly spread over the stay; handed back at returnedAt exactly.
      for (let k = 0; k < path.length; k++) {
        const at = k === 0 ? from : path[k] === 'pickedUp' ? to : from + ((to - from) * k) / (path.length + 0.5)
        const user = k === 0 || path[k] === 'pickedUp' ? (k === 0 ? w.createdById : clerk) : path[k] === 'ready' ? checker : tech
        // The check's verdict is the step out of qualityCheck (kind 'qc', as repairs.qc logs it).
        const kind = path[k - 1] === 'qualityCheck' ? 'qc' : 'status'
        insEvent.run(w.id, new Date(at).toISOString(), user, kind, k === 0 ? null : path[k - 1], path[k], kind === 'qc' ? '{"passed":true,"reason":""}' : null)
        facts.events++
      }
      const last = path[path.length - 1]
      if (last !== 'received') setStatus.run(last, w.id)
      if (last !== 'pickedUp') facts.inShop[last] = (facts.inShop[last] ?? 0) + 1
      const repaired = path.includes('repairing')
      if (repaired) {
        const labour = w.serviceType === 'warranty' ? 3000 + Math.floor(r() * 50) * 100 : w.estimateFen
        insCharge.run(w.id, w.faultDescription.slice(0, 20), 30 + Math.floor(r() * 60), labour, new Date(from + HOUR).toISOString(), tech)
        facts.charges++
      }
      if (last === 'pickedUp' && w.returnedAt) {
        const due = repaired && w.serviceType !== 'warranty' ? w.estimateFen : 0
        const balance = due - w.depositFen
        const method = balance > 0 ? pick(r, ['cash', 'wechat', 'wechat', 'alipay', 'card']) : (w.depositMethod ?? 'cash')
        const paymentId = balance === 0 ? null : insPayment.run(w.id, balance > 0 ? 'payment' : 'refund', method, balance, w.returnedAt, clerk).lastInsertRowid
        if (balance !== 0) facts.pickupPayments++
        const lines = repaired ? [{ kind: 'labour', description: w.faultDescription.slice(0, 20), qty: 1, unitFen: due, amountFen: due, warrantyFree: w.serviceType === 'warranty' }] : []
        const warrantyUntil = repaired ? new Date(Date.parse(w.returnedAt) + 91 * 24 * HOUR).toISOString().slice(0, 10) : null
        insPickup.run(w.id, w.returnedAt, clerk, path[path.length - 2], r() < 0.8 ? 'ticket' : 'code', JSON.stringify(lines), w.depositFen, due,
          JSON.stringify(balance > 0 ? [{ method, amountFen: balance }] : []), balance < 0 ? -balance : 0, balance < 0 ? method : null, warrantyUntil, paymentId)
      }
    }
  })
  for (let from = 0; from < rows.length; from += 20_000) flush(rows.slice(from, from + 20_000))
  o.log(`  repair history: ${facts.events} timeline rows, ${facts.charges} charges`)
  return facts
}
