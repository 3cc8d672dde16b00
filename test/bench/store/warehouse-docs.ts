// The documents behind the generated ledger rows (requisitions and their lines, receipts and their
// lines, transfers, adjustments), kept compactly while the ledger is simulated and written once it
// is done, with the ids and numbers the ledger rows name (docId / docNo, and the lines' moveId).
// Document numbers continue gap-free: doc_sequence holds each prefix's last serial per month.
import type Database from 'better-sqlite3'

export interface RequisitionDoc {
  id: number
  docNo: string
  orderId: number
  technicianId: number
  at: number
  firstLine: number
  lineCount: number
  /** partial: a line was short (open while the device is here, cancelled once it has left). */
  status: 'open' | 'partial' | 'issued' | 'cancelled'
  closedAt: number | null
}

export interface Documents {
  requisitions: RequisitionDoc[]
  /** Requisition lines, column-wise (line id = index + 1). */
  lines: { req: number[]; part: number[]; qty: number[]; issued: number[]; returned: number[] }
  receipts: { id: number; docNo: string; supplier: string; supplierDocNo: string; at: number; userId: number }[]
  /** Receipt lines, column-wise: delivered qty, accepted qty (rejected = the rest, with a reason), its ledger row. */
  receiptLines: { receipt: number[]; part: number[]; qty: number[]; accepted: number[]; unitCostFen: number[]; reason: string[]; moveId: (number | null)[] }
  transfers: { id: number; docNo: string; partId: number; qty: number; from: string; to: string; reason: string; at: number; userId: number }[]
  adjustments: { id: number; docNo: string; partId: number; location: string; qty: number; reason: string; at: number; userId: number; approvedById: number; moveId: number }[]
  returns: { id: number; lineId: number; qty: number; location: string; at: number }[]
  /** 'GR|2611' -> last serial. */
  sequences: Map<string, number>
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString())

/**
 * Inserts n rows into `table` when the schema has it with every named column (the documents'
 * tables belong to the movements code; a column it renames shows up here as a skipped table).
 */
function insertRows(db: Database.Database, table: string, n: number, columns: Record<string, (i: number) => unknown>, report: string[]): void {
  const have = new Set((db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((c) => c.name))
  const names = Object.keys(columns)
  const missing = names.filter((c) => !have.has(c))
  if (!have.size || missing.length) {
    report.push(`${table} skipped (${have.size ? `no column ${missing.join(', ')}` : 'no table'})`)
    return
  }
  const ins = db.prepare(`INSERT INTO "${table}" (${names.map((c) => `"${c}"`).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`)
  const fns = Object.values(columns)
  const BATCH = 50_000
  for (let from = 0; from < n; from += BATCH) {
    db.transaction(() => {
      for (let i = from; i < Math.min(n, from + BATCH); i++) ins.run(...fns.map((f) => f(i)))
    })()
  }
  report.push(`${n} ${table}`)
}

/** Writes the documents into the document tables; returns what was written. */
export function writeDocuments(db: Database.Database, docs: Documents): string {
  const report: string[] = []
  const seq = [...docs.sequences].map(([key, last]) => [...key.split('|'), last] as const)
  insertRows(db, 'doc_sequence', seq.length, { prefix: (i) => seq[i][0], period: (i) => seq[i][1], lastSerial: (i) => seq[i][2] }, report)

  const q = docs.requisitions
  const status = { open: 'open', partial: 'open', issued: 'done', cancelled: 'cancelled' } as const
  insertRows(
    db,
    'requisition',
    q.length,
    {
      id: (i) => q[i].id,
      reqNo: (i) => q[i].docNo,
      orderId: (i) => q[i].orderId,
      requestedById: (i) => q[i].technicianId,
      status: (i) => status[q[i].status],
      note: () => '',
      createdAt: (i) => iso(q[i].at),
      closedAt: (i) => iso(q[i].closedAt),
      cancelledById: (i) => (q[i].status === 'cancelled' ? q[i].technicianId : null),
      cancelReason: (i) => (q[i].status === 'cancelled' ? '设备已取走，缺货部分不再发料' : '')
    },
    report
  )
  const l = docs.lines
  insertRows(
    db,
    'requisition_line',
    l.req.length,
    { id: (i) => i + 1, requisitionId: (i) => l.req[i], partId: (i) => l.part[i], qty: (i) => l.qty[i], issuedQty: (i) => l.issued[i], returnedQty: (i) => l.returned[i] },
    report
  )

  const g = docs.receipts
  const rl = docs.receiptLines
  const acceptedFen = new Array<number>(g.length).fill(0)
  for (let i = 0; i < rl.receipt.length; i++) acceptedFen[rl.receipt[i] - 1] += rl.accepted[i] * rl.unitCostFen[i]
  insertRows(
    db,
    'goods_receipt',
    g.length,
    {
      id: (i) => g[i].id,
      receiptNo: (i) => g[i].docNo,
      supplier: (i) => g[i].supplier,
      supplierDocNo: (i) => g[i].supplierDocNo,
      note: (i) => (g[i].at === g[0].at ? '期初库存' : ''),
      acceptedFen: (i) => acceptedFen[i],
      userId: (i) => g[i].userId,
      at: (i) => iso(g[i].at)
    },
    report
  )
  insertRows(
    db,
    'goods_receipt_line',
    rl.receipt.length,
    {
      id: (i) => i + 1,
      receiptId: (i) => rl.receipt[i],
      partId: (i) => rl.part[i],
      deliveredQty: (i) => rl.qty[i],
      acceptedQty: (i) => rl.accepted[i],
      rejectedQty: (i) => rl.qty[i] - rl.accepted[i],
      rejectReason: (i) => rl.reason[i],
      unitCostFen: (i) => rl.unitCostFen[i],
      moveId: (i) => rl.moveId[i]
    },
    report
  )

  const t = docs.transfers
  insertRows(
    db,
    'stock_transfer',
    t.length,
    {
      id: (i) => t[i].id,
      transferNo: (i) => t[i].docNo,
      partId: (i) => t[i].partId,
      qty: (i) => t[i].qty,
      fromLocation: (i) => t[i].from,
      toLocation: (i) => t[i].to,
      reason: (i) => t[i].reason,
      userId: (i) => t[i].userId,
      approvedById: () => null,
      at: (i) => iso(t[i].at)
    },
    report
  )
  const a = docs.adjustments
  insertRows(
    db,
    'stock_adjustment',
    a.length,
    {
      id: (i) => a[i].id,
      adjNo: (i) => a[i].docNo,
      partId: (i) => a[i].partId,
      location: (i) => a[i].location,
      qty: (i) => a[i].qty,
      reason: (i) => a[i].reason,
      status: () => 'approved',
      requestedById: (i) => a[i].userId,
      requestedAt: (i) => iso(a[i].at - 3600_000),
      decidedById: (i) => a[i].approvedById,
      decidedAt: (i) => iso(a[i].at),
      rejectReason: () => '',
      moveId: (i) => a[i].moveId
    },
    report
  )
  return report.join(', ')
}
