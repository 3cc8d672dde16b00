import type { MigrationInterface, QueryRunner } from 'typeorm'

const COLUMNS_OLD = `"id", "orderId", "kind", "reprintNo", "status", "attempts", "lastError", "document", "createdAt", "printedAt", "createdById"`
const FK = `CONSTRAINT "FK_8607f33e678d90f05e46ae4ad23" FOREIGN KEY ("orderId") REFERENCES "work_order" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION`

/**
 * Confirmed printing: print_job.document may be dropped (NULL) once a job is done, transmitStartedAt
 * records that bytes left, and indexes serve every list (no full scan). The table is rebuilt because
 * SQLite cannot relax NOT NULL in place; print_job has no triggers to carry over.
 */
export class PrintingConfirmed1795800000000 implements MigrationInterface {
  name = 'PrintingConfirmed1795800000000'

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IDX_6f26fab4d9290f8f4ac395a0b2"`)
    await q.query(
      `CREATE TABLE "temporary_print_job" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "orderId" integer, "kind" text NOT NULL, "reprintNo" integer NOT NULL DEFAULT (0), "status" text NOT NULL, "attempts" integer NOT NULL DEFAULT (0), "lastError" text, "document" text, "createdAt" text NOT NULL, "printedAt" text, "createdById" integer, "transmitStartedAt" text, ${FK})`
    )
    // Rows from before: a done or failed job had bytes out (they count as copies); failed means
    // "may have printed", which is now "sent, not confirmed".
    await q.query(
      `INSERT INTO "temporary_print_job"(${COLUMNS_OLD}, "transmitStartedAt") SELECT ${COLUMNS_OLD}, CASE WHEN "status" IN ('done', 'failed', 'sending') THEN COALESCE("printedAt", "createdAt") END FROM "print_job"`
    )
    await q.query(`UPDATE "temporary_print_job" SET "status" = 'unconfirmed' WHERE "status" = 'failed'`)
    await q.query(`DROP TABLE "print_job"`)
    await q.query(`ALTER TABLE "temporary_print_job" RENAME TO "print_job"`)
    await q.query(`CREATE INDEX "IDX_print_job_kept_document" ON "print_job" ("printedAt") WHERE "document" IS NOT NULL`)
    await q.query(`CREATE INDEX "IDX_0e3ffeb665c45233b7f3a560b6" ON "print_job" ("orderId", "kind") `)
    await q.query(`CREATE INDEX "IDX_41347e3678263740fdaa1c65f1" ON "print_job" ("status", "id") `)
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IDX_41347e3678263740fdaa1c65f1"`)
    await q.query(`DROP INDEX "IDX_0e3ffeb665c45233b7f3a560b6"`)
    await q.query(`DROP INDEX "IDX_print_job_kept_document"`)
    await q.query(
      `CREATE TABLE "temporary_print_job" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "orderId" integer, "kind" text NOT NULL, "reprintNo" integer NOT NULL DEFAULT (0), "status" text NOT NULL, "attempts" integer NOT NULL DEFAULT (0), "lastError" text, "document" text NOT NULL, "createdAt" text NOT NULL, "printedAt" text, "createdById" integer, ${FK})`
    )
    // The old schema needs a document; a dropped one becomes an empty page (it was printed long ago).
    await q.query(
      `INSERT INTO "temporary_print_job"(${COLUMNS_OLD}) SELECT "id", "orderId", "kind", "reprintNo", CASE "status" WHEN 'unconfirmed' THEN 'failed' ELSE "status" END, "attempts", "lastError", COALESCE("document", '{"title":"","reprintNo":0,"reprintLabel":"","blocks":[],"cut":false}'), "createdAt", "printedAt", "createdById" FROM "print_job"`
    )
    await q.query(`DROP TABLE "print_job"`)
    await q.query(`ALTER TABLE "temporary_print_job" RENAME TO "print_job"`)
    await q.query(`CREATE INDEX "IDX_6f26fab4d9290f8f4ac395a0b2" ON "print_job" ("status")`)
  }
}
