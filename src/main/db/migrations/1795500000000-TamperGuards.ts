import type { MigrationInterface, QueryRunner } from 'typeorm'

/**
 * Records nobody may quietly rewrite, not even with direct SQL: the audit log and payments are
 * append-only (a correction is a new row), an issued work order stays (its number, claim code and
 * received time never change), and a month's order counter only grows (rolling it back would make
 * every later intake collide with an issued number).
 *
 * CAUTION: a migration that recreates one of these tables (TypeORM's temporary_x / copy / drop /
 * rename) drops its triggers silently; it must recreate them. test/schema/triggers.test.ts lists
 * every expected trigger by name and fails when one is missing.
 *
 * The *_no_replace guards close `INSERT OR REPLACE` / `REPLACE INTO`: REPLACE deletes the clashing
 * row without firing DELETE triggers and is an INSERT, so no UPDATE trigger fires either. An INSERT
 * that would clash with an existing key (any UNIQUE column) is refused before REPLACE can act.
 */
export const TAMPER_GUARDS: { name: string; table: string; sql: string }[] = [
  guard('audit_log_append_only_update', 'audit_log', 'BEFORE UPDATE', null, 'audit_log rows are append-only: UPDATE refused'),
  guard('audit_log_append_only_delete', 'audit_log', 'BEFORE DELETE', null, 'audit_log rows are append-only: DELETE refused'),
  guard('audit_log_no_replace', 'audit_log', 'BEFORE INSERT', 'EXISTS (SELECT 1 FROM "audit_log" WHERE "id" = NEW."id")', 'audit_log rows are append-only: REPLACE refused'),
  guard('payment_append_only_update', 'payment', 'BEFORE UPDATE', null, 'payment rows are append-only (record a correction as a new row): UPDATE refused'),
  guard('payment_append_only_delete', 'payment', 'BEFORE DELETE', null, 'payment rows are append-only (record a correction as a new row): DELETE refused'),
  guard('payment_no_replace', 'payment', 'BEFORE INSERT', 'EXISTS (SELECT 1 FROM "payment" WHERE "id" = NEW."id")', 'payment rows are append-only (record a correction as a new row): REPLACE refused'),
  guard('work_order_no_delete', 'work_order', 'BEFORE DELETE', null, 'an issued work order cannot be deleted (void it instead)'),
  // id and orderNo are its only unique keys; both lookups are index-backed (the bench's bulk load too).
  guard(
    'work_order_no_replace',
    'work_order',
    'BEFORE INSERT',
    'EXISTS (SELECT 1 FROM "work_order" WHERE "id" = NEW."id" OR "orderNo" = NEW."orderNo")',
    'an issued work order cannot be replaced'
  ),
  guard(
    'work_order_identity_fixed',
    'work_order',
    // id too: `UPDATE OR REPLACE work_order SET id = <another order's id>` would delete that order.
    'BEFORE UPDATE OF "id", "orderNo", "claimCode", "receivedAt"',
    'NEW."id" IS NOT OLD."id" OR NEW."orderNo" IS NOT OLD."orderNo" OR NEW."claimCode" IS NOT OLD."claimCode" OR NEW."receivedAt" IS NOT OLD."receivedAt"',
    'a work order keeps its id, orderNo, claimCode and receivedAt'
  ),
  guard('order_sequence_no_delete', 'order_sequence', 'BEFORE DELETE', null, 'order_sequence rows cannot be deleted (issued numbers would be reused)'),
  guard(
    'order_sequence_only_grows',
    'order_sequence',
    'BEFORE UPDATE',
    'NEW."lastSerial" < OLD."lastSerial" OR NEW."period" IS NOT OLD."period"',
    'order_sequence.lastSerial can only grow (issued numbers would be reused)'
  ),
  // A trigger cannot tell REPLACE from the app's upsert (INSERT … ON CONFLICT DO UPDATE fires BEFORE
  // INSERT too), so the app's upsert inserts the next serial, never a smaller one (intake/numbering.ts).
  guard(
    'order_sequence_no_replace_back',
    'order_sequence',
    'BEFORE INSERT',
    'NEW."lastSerial" < (SELECT "lastSerial" FROM "order_sequence" WHERE "period" = NEW."period")',
    'order_sequence.lastSerial can only grow (issued numbers would be reused)'
  )
]

function guard(name: string, table: string, when: string, condition: string | null, message: string) {
  const sql = `CREATE TRIGGER "${name}" ${when} ON "${table}" FOR EACH ROW${condition ? ` WHEN ${condition}` : ''} BEGIN SELECT RAISE(ABORT, 'tamper guard: ${message.replaceAll("'", "''")}'); END`
  return { name, table, sql }
}

export class TamperGuards1795500000000 implements MigrationInterface {
  name = 'TamperGuards1795500000000'

  async up(q: QueryRunner): Promise<void> {
    for (const t of TAMPER_GUARDS) await q.query(t.sql)
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [...TAMPER_GUARDS].reverse()) await q.query(`DROP TRIGGER "${t.name}"`)
  }
}
