import type { MigrationInterface, QueryRunner } from 'typeorm'

/**
 * The parts catalogue and the stock ledger. The ledger's integrity lives in the database, so no
 * code path (nor direct SQL) can make balance and ledger disagree:
 * - stock_move is append-only (UPDATE and DELETE raise);
 * - a new row must carry balanceAfter = current balance + qty, a known location, a non-zero
 *   quantity, and must not take the balance below zero; issues come only from 'main';
 * - stock_balance is written by the AFTER INSERT trigger alone: its guards accept only the newest
 *   ledger row's balanceAfter and refuse DELETE. By induction, balance = sum of the ledger rows.
 */
export class WarehouseLedger1796000000000 implements MigrationInterface {
  name = 'WarehouseLedger1796000000000'

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "doc_sequence" ("prefix" text NOT NULL, "period" text NOT NULL, "lastSerial" integer NOT NULL, PRIMARY KEY ("prefix", "period"))`)
    await q.query(
      `CREATE TABLE "part" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "sku" text NOT NULL, "name" text NOT NULL, "spec" text NOT NULL DEFAULT (''), "models" text NOT NULL DEFAULT (''), "unit" text NOT NULL, "barcode" text NOT NULL DEFAULT (''), "bin" text NOT NULL DEFAULT (''), "minStock" integer NOT NULL DEFAULT (0), "salePriceFen" integer NOT NULL DEFAULT (0), "avgCostFen" integer NOT NULL DEFAULT (0), "active" boolean NOT NULL DEFAULT (1), "createdAt" text NOT NULL, "updatedAt" text NOT NULL, CONSTRAINT "UQ_ac4265e9c4ebcc156515fb6b3db" UNIQUE ("sku"))`
    )
    await q.query(`CREATE INDEX "IDX_5dd95e395c2cba6b262189aca0" ON "part" ("bin", "id") `)
    await q.query(`CREATE UNIQUE INDEX "IDX_part_barcode" ON "part" ("barcode") WHERE "barcode" <> ''`)
    await q.query(`CREATE TABLE "stock_balance" ("partId" integer NOT NULL, "location" text NOT NULL, "qty" integer NOT NULL, PRIMARY KEY ("partId", "location"))`)
    await q.query(
      `CREATE TABLE "stock_move" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "partId" integer NOT NULL, "location" text NOT NULL, "qty" integer NOT NULL, "unitCostFen" integer NOT NULL, "balanceAfter" integer NOT NULL, "avgCostAfter" integer NOT NULL, "docType" text NOT NULL, "docId" integer NOT NULL, "docNo" text NOT NULL, "orderId" integer, "userId" integer NOT NULL, "at" text NOT NULL, "note" text NOT NULL DEFAULT (''))`
    )
    await q.query(`CREATE INDEX "IDX_2f5e698d8d2cd67308f440a09c" ON "stock_move" ("orderId") `)
    await q.query(`CREATE INDEX "IDX_1a451d44d3dd3cf5bec56c1e42" ON "stock_move" ("docType", "docId") `)
    await q.query(`CREATE INDEX "IDX_aa20df571ff7aa7971b7d2c0df" ON "stock_move" ("partId", "at") `)
    await q.query(`CREATE INDEX "IDX_f5f8b5334b85e49406eb24619d" ON "stock_move" ("partId", "location", "id") `)

    await q.query(`CREATE TRIGGER "stock_move_check" BEFORE INSERT ON "stock_move"
      BEGIN
        SELECT RAISE(ABORT, 'stock_move is append-only') WHERE NEW."id" IS NOT NULL AND EXISTS (SELECT 1 FROM "stock_move" WHERE "id" = NEW."id");
        SELECT RAISE(ABORT, 'stock_move: unknown location') WHERE NEW."location" NOT IN ('main', 'quarantine');
        SELECT RAISE(ABORT, 'stock_move: quantity must be a non-zero integer') WHERE NEW."qty" = 0 OR typeof(NEW."qty") <> 'integer';
        SELECT RAISE(ABORT, 'stock_move: part does not exist') WHERE NOT EXISTS (SELECT 1 FROM "part" WHERE "id" = NEW."partId");
        SELECT RAISE(ABORT, 'stock_move: issues come from main stock only') WHERE NEW."docType" = 'issue' AND NEW."location" <> 'main';
        SELECT RAISE(ABORT, 'stock_move: balanceAfter must be the current balance plus qty')
          WHERE NEW."balanceAfter" IS NOT coalesce((SELECT "qty" FROM "stock_balance" WHERE "partId" = NEW."partId" AND "location" = NEW."location"), 0) + NEW."qty";
        SELECT RAISE(ABORT, 'stock_move: stock cannot go negative') WHERE NEW."balanceAfter" < 0;
      END`)
    await q.query(`CREATE TRIGGER "stock_move_post" AFTER INSERT ON "stock_move"
      BEGIN
        INSERT INTO "stock_balance" ("partId", "location", "qty") VALUES (NEW."partId", NEW."location", NEW."balanceAfter")
          ON CONFLICT ("partId", "location") DO UPDATE SET "qty" = excluded."qty";
      END`)
    await q.query(`CREATE TRIGGER "stock_move_no_update" BEFORE UPDATE ON "stock_move"
      BEGIN SELECT RAISE(ABORT, 'stock_move is append-only'); END`)
    await q.query(`CREATE TRIGGER "stock_move_no_delete" BEFORE DELETE ON "stock_move"
      BEGIN SELECT RAISE(ABORT, 'stock_move is append-only'); END`)
    // The newest ledger row of the part/location is the only value a balance may take.
    const latest = `(SELECT "balanceAfter" FROM "stock_move" WHERE "partId" = NEW."partId" AND "location" = NEW."location" ORDER BY "id" DESC LIMIT 1)`
    await q.query(`CREATE TRIGGER "stock_balance_guard_insert" BEFORE INSERT ON "stock_balance"
      WHEN NEW."qty" IS NOT ${latest}
      BEGIN SELECT RAISE(ABORT, 'stock_balance is kept by the ledger'); END`)
    await q.query(`CREATE TRIGGER "stock_balance_guard_update" BEFORE UPDATE ON "stock_balance"
      WHEN NEW."partId" IS NOT OLD."partId" OR NEW."location" IS NOT OLD."location" OR NEW."qty" IS NOT ${latest}
      BEGIN SELECT RAISE(ABORT, 'stock_balance is kept by the ledger'); END`)
    await q.query(`CREATE TRIGGER "stock_balance_no_delete" BEFORE DELETE ON "stock_balance"
      BEGIN SELECT RAISE(ABORT, 'stock_balance is kept by the ledger'); END`)
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['stock_balance_no_delete', 'stock_balance_guard_update', 'stock_balance_guard_insert', 'stock_move_no_delete', 'stock_move_no_update', 'stock_move_post', 'stock_move_check']) {
      await q.query(`DROP TRIGGER "${t}"`)
    }
    await q.query(`DROP TABLE "stock_move"`)
    await q.query(`DROP TABLE "stock_balance"`)
    await q.query(`DROP INDEX "IDX_part_barcode"`)
    await q.query(`DROP TABLE "part"`)
    await q.query(`DROP TABLE "doc_sequence"`)
  }
}
