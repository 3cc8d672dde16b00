import type { MigrationInterface, QueryRunner } from 'typeorm'

/**
 * Follow-up calls (回访) and complaints (投诉), issue 9. work_order gets an index on returnedAt (the
 * call list and the complaint rate read orders picked up in a date range). complaint_sequence is
 * guarded like order_sequence (numbers never reused); a complaint is never deleted and its status
 * only steps open → responded → resolved → confirmed, even under direct SQL.
 */
export const COMPLAINT_TRIGGERS: { name: string; table: string; sql: string }[] = [
  {
    name: 'complaint_sequence_no_delete',
    table: 'complaint_sequence',
    sql: `CREATE TRIGGER "complaint_sequence_no_delete" BEFORE DELETE ON "complaint_sequence" FOR EACH ROW BEGIN SELECT RAISE(ABORT, 'tamper guard: complaint_sequence rows cannot be deleted (issued numbers would be reused)'); END`
  },
  {
    name: 'complaint_sequence_only_grows',
    table: 'complaint_sequence',
    sql: `CREATE TRIGGER "complaint_sequence_only_grows" BEFORE UPDATE ON "complaint_sequence" FOR EACH ROW WHEN NEW."lastSerial" < OLD."lastSerial" OR NEW."period" IS NOT OLD."period" BEGIN SELECT RAISE(ABORT, 'tamper guard: complaint_sequence.lastSerial can only grow (issued numbers would be reused)'); END`
  },
  {
    name: 'complaint_sequence_no_replace_back',
    table: 'complaint_sequence',
    sql: `CREATE TRIGGER "complaint_sequence_no_replace_back" BEFORE INSERT ON "complaint_sequence" FOR EACH ROW WHEN NEW."lastSerial" < (SELECT "lastSerial" FROM "complaint_sequence" WHERE "period" = NEW."period") BEGIN SELECT RAISE(ABORT, 'tamper guard: complaint_sequence.lastSerial can only grow (issued numbers would be reused)'); END`
  },
  {
    name: 'complaint_no_delete',
    table: 'complaint',
    sql: `CREATE TRIGGER "complaint_no_delete" BEFORE DELETE ON "complaint" FOR EACH ROW BEGIN SELECT RAISE(ABORT, 'tamper guard: a complaint cannot be deleted'); END`
  },
  {
    name: 'complaint_status_flow',
    table: 'complaint',
    sql: `CREATE TRIGGER "complaint_status_flow" BEFORE UPDATE OF "status", "complaintNo" ON "complaint" FOR EACH ROW WHEN NEW."complaintNo" IS NOT OLD."complaintNo" OR NOT (NEW."status" = OLD."status" OR (OLD."status" = 'open' AND NEW."status" = 'responded') OR (OLD."status" = 'responded' AND NEW."status" = 'resolved') OR (OLD."status" = 'resolved' AND NEW."status" = 'confirmed')) BEGIN SELECT RAISE(ABORT, 'tamper guard: a complaint keeps its number and steps open → responded → resolved → confirmed'); END`
  }
]

export class FollowUpsComplaints1796600000000 implements MigrationInterface {
  name = 'FollowUpsComplaints1796600000000'

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "follow_up" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "orderId" integer NOT NULL, "at" text NOT NULL, "userId" integer NOT NULL, "outcome" text NOT NULL, "rating" text, "attitude" text, "skill" text, "timeliness" text, "fees" text, "depositRefunded" boolean, "note" text NOT NULL DEFAULT (''), "complaintId" integer)`)
    await q.query(`CREATE INDEX "IDX_follow_up_at" ON "follow_up" ("at", "outcome") `)
    await q.query(`CREATE INDEX "IDX_follow_up_order" ON "follow_up" ("orderId", "at") `)
    await q.query(`CREATE TABLE "complaint" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "complaintNo" text NOT NULL, "status" text NOT NULL, "source" text NOT NULL, "category" text NOT NULL, "orderId" integer, "followUpId" integer, "customerName" text NOT NULL DEFAULT (''), "mobile" text NOT NULL DEFAULT (''), "description" text NOT NULL, "createdAt" text NOT NULL, "createdById" integer NOT NULL, "ownerId" integer NOT NULL, "takenAt" text, "responseDue" text NOT NULL, "dueDate" text, "respondedAt" text, "respondedById" integer, "response" text NOT NULL DEFAULT (''), "resolvedAt" text, "resolvedById" integer, "resolution" text NOT NULL DEFAULT (''), "correctiveAction" text NOT NULL DEFAULT (''), "followUpDue" text, "confirmedAt" text, "confirmedById" integer, "confirmNote" text NOT NULL DEFAULT (''), CONSTRAINT "UQ_482a3c9aa919d46b5eb890a45d7" UNIQUE ("complaintNo"))`)
    await q.query(`CREATE INDEX "IDX_complaint_order" ON "complaint" ("orderId") `)
    await q.query(`CREATE INDEX "IDX_complaint_created" ON "complaint" ("createdAt") `)
    await q.query(`CREATE INDEX "IDX_complaint_status_due" ON "complaint" ("status", "dueDate") `)
    await q.query(`CREATE TABLE "complaint_sequence" ("period" text PRIMARY KEY NOT NULL, "lastSerial" integer NOT NULL)`)
    await q.query(`CREATE INDEX "IDX_work_order_returnedAt" ON "work_order" ("returnedAt") `)
    for (const t of COMPLAINT_TRIGGERS) await q.query(t.sql)
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [...COMPLAINT_TRIGGERS].reverse()) await q.query(`DROP TRIGGER "${t.name}"`)
    await q.query(`DROP INDEX "IDX_work_order_returnedAt"`)
    for (const t of ['complaint_sequence', 'complaint', 'follow_up']) await q.query(`DROP TABLE "${t}"`)
  }
}
