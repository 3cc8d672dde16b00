import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDatabase } from '../../src/main/db/data-source'
import { sampleIntake, setUpStore, startTestCore, userWithRole, type TestCore } from '../helpers/core'

/**
 * Every trigger the schema must carry after all migrations, by name and table. A later migration
 * that recreates one of these tables (temporary_x, copy, drop, rename) drops its triggers
 * silently; this list makes that fail. Add new triggers here; never remove one without a reason.
 */
const EXPECTED_TRIGGERS: Record<string, string> = {
  audit_log_append_only_update: 'audit_log',
  audit_log_append_only_delete: 'audit_log',
  audit_log_no_replace: 'audit_log',
  payment_append_only_update: 'payment',
  payment_append_only_delete: 'payment',
  payment_no_replace: 'payment',
  work_order_no_delete: 'work_order',
  work_order_identity_fixed: 'work_order',
  work_order_no_replace: 'work_order',
  order_sequence_no_delete: 'order_sequence',
  order_sequence_only_grows: 'order_sequence',
  order_sequence_no_replace_back: 'order_sequence',
  // FTS5 search columns kept in step (migration SearchIndexes)
  customer_fts_insert: 'customer',
  customer_fts_update: 'customer',
  customer_fts_delete: 'customer',
  work_order_fts_insert: 'work_order',
  work_order_fts_update: 'work_order',
  // The stock ledger (migration WarehouseLedger)
  stock_move_check: 'stock_move',
  stock_move_post: 'stock_move',
  stock_move_no_update: 'stock_move',
  stock_move_no_delete: 'stock_move',
  stock_balance_guard_insert: 'stock_balance',
  stock_balance_guard_update: 'stock_balance',
  stock_balance_no_delete: 'stock_balance',
  // Part search words (migration PartSearch)
  part_fts_insert: 'part',
  part_fts_update: 'part',
  part_fts_delete: 'part',
  // Old parts, return batches and stocktakes (migration WarehouseOldPartsStocktake)
  rtm_batch_status_flow: 'rtm_batch',
  rtm_batch_no_delete: 'rtm_batch',
  old_part_batch_open: 'old_part',
  old_part_no_delete: 'old_part',
  stocktake_status_flow: 'stocktake',
  stocktake_line_open_only: 'stocktake_line',
  // The order timeline (migration RepairsCore)
  order_event_append_only_update: 'order_event',
  order_event_append_only_delete: 'order_event',
  pickup_append_only_update: 'pickup', pickup_append_only_delete: 'pickup',
  // Complaints (migration FollowUpsComplaints)
  complaint_sequence_no_delete: 'complaint_sequence', complaint_sequence_only_grows: 'complaint_sequence', complaint_sequence_no_replace_back: 'complaint_sequence',
  complaint_no_delete: 'complaint', complaint_status_flow: 'complaint',
  day_close_final_update: 'day_close', day_close_final_delete: 'day_close', cash_move_append_only_update: 'cash_move', cash_move_append_only_delete: 'cash_move',
  cash_move_closed_day_insert: 'cash_move', payment_closed_day_insert: 'payment'
}

describe('the migrated schema', () => {
  it('carries every expected trigger', async () => {
    const ds = await openDatabase({ path: join(mkdtempSync(join(tmpdir(), 'rc-trg-')), 'db.sqlite') })
    const rows: { name: string; tbl_name: string }[] = await ds.query(`SELECT name, tbl_name FROM sqlite_schema WHERE type = 'trigger'`)
    const actual = Object.fromEntries(rows.map((r) => [r.name, r.tbl_name]))
    expect(actual).toMatchObject(EXPECTED_TRIGGERS)
    await ds.destroy()
  })
})

describe('direct SQL cannot rewrite the records', () => {
  let tc: TestCore
  const dump = (table: string) => tc.core.dataSource.query(`SELECT * FROM "${table}" ORDER BY rowid`)

  beforeEach(async () => {
    tc = await startTestCore()
    const manager = await setUpStore(tc)
    const clerk = await userWithRole(tc, manager, 'counter')
    // Out of warranty (old invoice), paid, with a cash deposit: an order, a payment, audit rows, a counter.
    await clerk.ok('intake.create', sampleIntake({ purchase: { invoiceDate: '2024-01-02', invoiceNo: 'FP-1' }, service: { type: 'paid', estimateFen: 20000, depositFen: 5000, depositMethod: 'cash', promisedDate: '2026-11-30', technicianId: null } }))
  })
  afterEach(async () => {
    await tc.close()
  })

  it.each([
    ['audit_log', `UPDATE audit_log SET detail = 'nothing happened'`, /audit_log rows are append-only: UPDATE refused/],
    ['audit_log', `DELETE FROM audit_log`, /audit_log rows are append-only: DELETE refused/],
    ['payment', `UPDATE payment SET amountFen = 1`, /payment rows are append-only/],
    ['payment', `DELETE FROM payment`, /payment rows are append-only/],
    ['work_order', `DELETE FROM work_order`, /an issued work order cannot be deleted/],
    ['work_order', `UPDATE work_order SET orderNo = '2611-9999'`, /keeps its id, orderNo, claimCode and receivedAt/],
    ['work_order', `UPDATE work_order SET claimCode = 'AAAAAA'`, /keeps its id, orderNo, claimCode and receivedAt/],
    ['work_order', `UPDATE work_order SET receivedAt = '2020-01-01T00:00:00.000Z'`, /keeps its id, orderNo, claimCode and receivedAt/],
    ['order_sequence', `UPDATE order_sequence SET lastSerial = lastSerial - 1`, /lastSerial can only grow/],
    ['order_sequence', `UPDATE order_sequence SET period = '2612'`, /lastSerial can only grow/],
    ['order_sequence', `DELETE FROM order_sequence`, /order_sequence rows cannot be deleted/],
    // REPLACE deletes the clashing row without DELETE triggers and fires no UPDATE trigger.
    ['audit_log', `REPLACE INTO audit_log (id, at, userId, action, entity, entityId, detail) SELECT id, at, userId, action, entity, entityId, 'nothing happened' FROM audit_log LIMIT 1`, /audit_log rows are append-only: REPLACE refused/],
    ['payment', `INSERT OR REPLACE INTO payment (id, orderId, kind, method, amountFen, receivedAt, userId) SELECT id, orderId, kind, method, 1, receivedAt, userId FROM payment`, /payment rows are append-only/],
    ['work_order', `INSERT OR REPLACE INTO work_order SELECT * FROM work_order`, /an issued work order cannot be replaced/],
    ['work_order', `REPLACE INTO work_order (orderNo, claimCode, status, receivedAt, customerId, category, brand, model, serial, faultDescription, faultCodes, condition, accessories, warrantyVerdict, inWarranty, serviceType, estimateFen, promisedDate, createdById)
      SELECT orderNo, 'AAAAAA', status, '2020-01-01T00:00:00.000Z', customerId, category, brand, model, serial, faultDescription, faultCodes, condition, accessories, warrantyVerdict, inWarranty, serviceType, estimateFen, promisedDate, createdById FROM work_order`, /an issued work order cannot be replaced/],
    ['work_order', `UPDATE OR REPLACE work_order SET id = id + 1000`, /keeps its id, orderNo, claimCode and receivedAt/],
    ['order_sequence', `INSERT OR REPLACE INTO order_sequence VALUES ('2611', 0)`, /lastSerial can only grow/],
    ['order_sequence', `REPLACE INTO order_sequence (period, lastSerial) SELECT period, lastSerial - 1 FROM order_sequence`, /lastSerial can only grow/]
  ])('%s: %s is refused with a clear message and changes nothing', async (table, sql, message) => {
    const before = await dump(table)
    expect(before.length).toBeGreaterThan(0)
    await expect(tc.core.dataSource.query(sql)).rejects.toThrow(message)
    expect(await dump(table)).toEqual(before)
  })

  it('still allows what the app does: new rows, status changes, a growing order counter', async () => {
    await tc.core.dataSource.query(`UPDATE work_order SET status = 'repairing', returnedAt = '2026-11-25T02:00:00.000Z'`)
    await tc.core.dataSource.query(`UPDATE order_sequence SET lastSerial = lastSerial + 1`)
    const [wo] = await dump('work_order')
    expect(wo).toMatchObject({ status: 'repairing', orderNo: '2611-0001' })
    expect((await dump('order_sequence'))[0]).toMatchObject({ lastSerial: 2 })
  })
})
