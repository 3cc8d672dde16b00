import type { MigrationInterface, QueryRunner } from 'typeorm'

/**
 * Old parts (旧件), return-to-manufacturer batches and stocktakes. The lifecycles are guarded in
 * the database too, so no code path (nor direct SQL) can skip a step:
 * - a batch goes open → sent → credited only;
 * - an old part joins or leaves a batch only while that batch is open, and never moves from one
 *   batch to another (it is in one batch only);
 * - a stocktake goes open → approved | cancelled only, and its lines change only while it is open.
 * print_job gains oldPartId (ADD COLUMN: the table keeps its triggers and rows).
 */
export class WarehouseOldPartsStocktake1796000300000 implements MigrationInterface {
  name = 'WarehouseOldPartsStocktake1796000300000'

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "old_part" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "opNo" text NOT NULL, "orderId" integer NOT NULL, "technicianId" integer NOT NULL, "partId" integer, "partText" text NOT NULL, "requisitionLineId" integer, "faultSymptom" text NOT NULL, "faultCode" text NOT NULL, "status" text NOT NULL, "batchId" integer, "createdAt" text NOT NULL, "createdById" integer NOT NULL, CONSTRAINT "UQ_2801bbc49cd48e79cc26c8454ea" UNIQUE ("opNo"))`
    )
    await q.query(`CREATE INDEX "IDX_fd78ff3b7d64b45f7b15cfb6f9" ON "old_part" ("batchId", "id") `)
    await q.query(`CREATE INDEX "IDX_821971e457ba15356f42d4b9ce" ON "old_part" ("status", "id") `)
    await q.query(`CREATE INDEX "IDX_b0d28f96e84ed1e579f1a2daaf" ON "old_part" ("orderId", "id") `)
    await q.query(
      `CREATE TABLE "rtm_batch" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "batchNo" text NOT NULL, "maker" text NOT NULL, "note" text NOT NULL DEFAULT (''), "status" text NOT NULL, "createdAt" text NOT NULL, "createdById" integer NOT NULL, "sentDate" text, "carrierRef" text, "sentAt" text, "sentById" integer, "creditNoteNo" text, "creditFen" integer, "creditedAt" text, "creditedById" integer, CONSTRAINT "UQ_1d44215686dda4d11a9f48fc3f1" UNIQUE ("batchNo"))`
    )
    await q.query(`CREATE INDEX "IDX_e4b6bcc877607d460b97db996d" ON "rtm_batch" ("status", "id") `)
    await q.query(
      `CREATE TABLE "stocktake" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "stNo" text NOT NULL, "status" text NOT NULL, "binFrom" text NOT NULL DEFAULT (''), "binTo" text NOT NULL DEFAULT (''), "snapshotMoveId" integer NOT NULL, "createdAt" text NOT NULL, "createdById" integer NOT NULL, "closedAt" text, "closedById" integer, "cancelReason" text NOT NULL DEFAULT (''), "adjustedLines" integer NOT NULL DEFAULT (0), "netFen" integer NOT NULL DEFAULT (0), CONSTRAINT "UQ_31e407a9ba82490de8f9d0819ed" UNIQUE ("stNo"))`
    )
    await q.query(`CREATE INDEX "IDX_323ed3410380c4d762a0f25592" ON "stocktake" ("status", "id") `)
    await q.query(
      `CREATE TABLE "stocktake_line" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "stocktakeId" integer NOT NULL, "partId" integer NOT NULL, "location" text NOT NULL, "bin" text NOT NULL DEFAULT (''), "expectedQty" integer NOT NULL, "countedQty" integer, "bookAtCount" integer, "countedAt" text, "countedById" integer, "postedQty" integer, "postedUnitCostFen" integer, "moveId" integer)`
    )
    await q.query(`CREATE INDEX "IDX_c2a1e6eb4d90d34db4530a28d6" ON "stocktake_line" ("stocktakeId", "bin", "id") `)
    await q.query(`CREATE UNIQUE INDEX "IDX_ce6bb9bb1912940b97a321bda8" ON "stocktake_line" ("stocktakeId", "partId", "location") `)
    await q.query(`ALTER TABLE "print_job" ADD COLUMN "oldPartId" integer`)
    await q.query(`CREATE INDEX "IDX_print_job_old_part" ON "print_job" ("oldPartId") WHERE "oldPartId" IS NOT NULL`)

    await q.query(`CREATE TRIGGER "rtm_batch_status_flow" BEFORE UPDATE OF "status" ON "rtm_batch"
      WHEN NEW."status" IS NOT OLD."status" AND NOT ((OLD."status" = 'open' AND NEW."status" = 'sent') OR (OLD."status" = 'sent' AND NEW."status" = 'credited'))
      BEGIN SELECT RAISE(ABORT, 'rtm_batch: status goes open -> sent -> credited only'); END`)
    await q.query(`CREATE TRIGGER "rtm_batch_no_delete" BEFORE DELETE ON "rtm_batch"
      BEGIN SELECT RAISE(ABORT, 'rtm_batch cannot be deleted'); END`)
    await q.query(`CREATE TRIGGER "old_part_batch_open" BEFORE UPDATE OF "batchId" ON "old_part"
      WHEN NEW."batchId" IS NOT OLD."batchId"
      BEGIN
        SELECT RAISE(ABORT, 'old_part: in one batch only') WHERE OLD."batchId" IS NOT NULL AND NEW."batchId" IS NOT NULL;
        SELECT RAISE(ABORT, 'old_part: only an open batch is edited')
          WHERE coalesce((SELECT "status" FROM "rtm_batch" WHERE "id" = coalesce(NEW."batchId", OLD."batchId")), '') <> 'open';
      END`)
    await q.query(`CREATE TRIGGER "old_part_no_delete" BEFORE DELETE ON "old_part"
      BEGIN SELECT RAISE(ABORT, 'old_part cannot be deleted'); END`)
    await q.query(`CREATE TRIGGER "stocktake_status_flow" BEFORE UPDATE OF "status" ON "stocktake"
      WHEN NEW."status" IS NOT OLD."status" AND NOT (OLD."status" = 'open' AND NEW."status" IN ('approved', 'cancelled'))
      BEGIN SELECT RAISE(ABORT, 'stocktake: status goes open -> approved | cancelled only'); END`)
    await q.query(`CREATE TRIGGER "stocktake_line_open_only" BEFORE UPDATE ON "stocktake_line"
      WHEN (SELECT "status" FROM "stocktake" WHERE "id" = OLD."stocktakeId") IS NOT 'open'
      BEGIN SELECT RAISE(ABORT, 'stocktake_line: the count is closed'); END`)
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['stocktake_line_open_only', 'stocktake_status_flow', 'old_part_no_delete', 'old_part_batch_open', 'rtm_batch_no_delete', 'rtm_batch_status_flow']) {
      await q.query(`DROP TRIGGER "${t}"`)
    }
    await q.query(`DROP INDEX "IDX_print_job_old_part"`)
    await q.query(`ALTER TABLE "print_job" DROP COLUMN "oldPartId"`)
    await q.query(`DROP TABLE "stocktake_line"`)
    await q.query(`DROP TABLE "stocktake"`)
    await q.query(`DROP TABLE "rtm_batch"`)
    await q.query(`DROP TABLE "old_part"`)
  }
}
