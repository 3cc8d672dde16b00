import type { MigrationInterface, QueryRunner } from 'typeorm'

/**
 * Customer care (issue 8): the "your device is ready" notices (order_notice) and comebacks (返修:
 * a device back within 3 months of pickup, linked to the earlier order).
 */
export class CustomerCare1796300000000 implements MigrationInterface {
  name = 'CustomerCare1796300000000'

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "order_notice" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "orderId" integer NOT NULL, "channel" text NOT NULL, "outcome" text NOT NULL, "text" text NOT NULL DEFAULT (''), "at" text NOT NULL, "userId" integer NOT NULL)`)
    await q.query(`CREATE INDEX "IDX_62a92ba6e56bba33de05b2c021" ON "order_notice" ("orderId", "at") `)
    await q.query(`CREATE TABLE "comeback" ("orderId" integer PRIMARY KEY NOT NULL, "earlierOrderId" integer NOT NULL, "flagged" boolean NOT NULL DEFAULT (1), "detectedAt" text NOT NULL, "unflagReason" text NOT NULL DEFAULT (''), "unflaggedById" integer, "unflaggedAt" text)`)
    await q.query(`CREATE INDEX "IDX_0c0e486806fce7234e0037cce5" ON "comeback" ("earlierOrderId") `)
    await q.query(`CREATE INDEX "IDX_b009df956368dc59401e872ecb" ON "comeback" ("detectedAt") `)
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['comeback', 'order_notice']) await q.query(`DROP TABLE "${t}"`)
  }
}
