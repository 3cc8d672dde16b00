/**
 * Warehouse test helpers, all through the real router: parts (warehouse.parts.create), stock
 * (a goods receipt), work orders (intake.create) and a ledger-vs-balance check in plain SQL.
 */
import type { PartFieldsInput } from '../../src/shared/contract/warehouse/catalogue'
import type { Caller, TestCore } from './core'
import { sampleIntake } from './core'
import { addDays, localDate } from '../../src/shared/domain/dates'

let partSeq = 0

/** A part with a unique SKU and barcode unless given. Returns its id. */
export async function createPart(caller: Caller, fields: Partial<PartFieldsInput> = {}): Promise<number> {
  const n = ++partSeq
  const detail = await caller.ok('warehouse.parts.create', {
    sku: `T-${String(n).padStart(4, '0')}`,
    name: `测试零件${n}`,
    unit: '个',
    barcode: `69${String(100000000 + n)}`,
    ...fields
  })
  return detail.part.id
}

let docSeq = 0

/** Puts `qty` of each part on the shelf with one goods receipt (all accepted). */
export async function stockUp(caller: Caller, lines: { partId: number; qty: number; unitCostFen?: number }[]): Promise<void> {
  await caller.ok('warehouse.receipts.create', {
    supplier: '测试供应商',
    supplierDocNo: `SD-${++docSeq}`,
    lines: lines.map((l) => ({ partId: l.partId, deliveredQty: l.qty, acceptedQty: l.qty, unitCostFen: l.unitCostFen ?? 1000 }))
  })
}

/** A work order taken in at the counter (by a counter or manager caller). Returns its id. */
export async function takeIn(counter: Caller, tc?: TestCore): Promise<number> {
  // With a moving test clock, promise the device a week after "today".
  const promisedDate = tc ? addDays(localDate(tc.clock.now(), 'Asia/Shanghai'), 7) : '2026-11-30'
  const base = sampleIntake()
  const { order } = await counter.ok('intake.create', { ...base, service: { ...base.service, promisedDate } })
  return order.id
}

export interface LedgerCheck {
  /** stock_balance rows that differ from the sum of their ledger rows. */
  mismatches: { partId: number; location: string; balance: number; ledger: number }[]
  negatives: number
  moves: number
}

/** Compares every balance with the sum of its ledger rows, in plain SQL on the app's connection. */
export async function checkLedger(tc: TestCore): Promise<LedgerCheck> {
  const q = (sql: string) => tc.core.dataSource.query(sql)
  const mismatches = (await q(
    `SELECT partId, location, balance, ledger FROM (
       SELECT b.partId, b.location, b.qty AS balance, coalesce((SELECT sum(qty) FROM stock_move m WHERE m.partId = b.partId AND m.location = b.location), 0) AS ledger FROM stock_balance b
       UNION ALL
       SELECT m.partId, m.location, coalesce(b.qty, 0), sum(m.qty) FROM stock_move m LEFT JOIN stock_balance b ON b.partId = m.partId AND b.location = m.location
         GROUP BY m.partId, m.location
     ) WHERE balance <> ledger`
  )) as LedgerCheck['mismatches']
  const [{ n: negatives }] = (await q(`SELECT count(*) AS n FROM stock_balance WHERE qty < 0`)) as { n: number }[]
  const [{ n: moves }] = (await q(`SELECT count(*) AS n FROM stock_move`)) as { n: number }[]
  return { mismatches, negatives, moves }
}
