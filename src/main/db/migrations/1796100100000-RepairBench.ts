import type { MigrationInterface, QueryRunner } from 'typeorm'

/**
 * The technician bench (issue 8): the repair card (修护卡), the labour price list, trips to the
 * manufacturer (返厂), and the indexes that keep the technician queue a seek on a store where
 * nearly every order has long been picked up.
 */
export class RepairBench1796100100000 implements MigrationInterface {
  name = 'RepairBench1796100100000'

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "repair_card" ("orderId" integer PRIMARY KEY NOT NULL, "faultFound" text NOT NULL DEFAULT (''), "faultCodes" text NOT NULL, "workDone" text NOT NULL DEFAULT (''), "labourMinutes" integer NOT NULL DEFAULT (0), "updatedAt" text NOT NULL, "updatedById" integer NOT NULL)`)
    await q.query(`CREATE TABLE "labour_price" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "category" text NOT NULL, "faultCode" text NOT NULL, "description" text NOT NULL DEFAULT (''), "amountFen" integer NOT NULL, "minutes" integer NOT NULL DEFAULT (0), "updatedAt" text NOT NULL)`)
    await q.query(`CREATE UNIQUE INDEX "IDX_f4f589a4e7d4ff5237f09f084a" ON "labour_price" ("category", "faultCode") `)
    await q.query(`CREATE TABLE "manufacturer_trip" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "orderId" integer NOT NULL, "sentDate" text NOT NULL, "carrier" text NOT NULL, "reference" text NOT NULL, "sentNote" text NOT NULL DEFAULT (''), "sentAt" text NOT NULL, "sentById" integer NOT NULL, "backDate" text, "result" text, "backNote" text NOT NULL DEFAULT (''), "backAt" text, "backById" integer)`)
    await q.query(`CREATE INDEX "IDX_e5927e92ae466436f2e7295b18" ON "manufacturer_trip" ("orderId", "id") `)
    await q.query(`CREATE INDEX "IDX_work_order_tech_status_promised" ON "work_order" ("technicianId", "status", "promisedDate") `)
    await q.query(`CREATE INDEX "IDX_work_order_status_promised" ON "work_order" ("status", "promisedDate") `)
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IDX_work_order_status_promised"`)
    await q.query(`DROP INDEX "IDX_work_order_tech_status_promised"`)
    for (const t of ['manufacturer_trip', 'labour_price', 'repair_card']) await q.query(`DROP TABLE "${t}"`)
  }
}
