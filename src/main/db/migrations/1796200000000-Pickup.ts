import type { MigrationInterface, QueryRunner } from 'typeorm'

/**
 * Pickup (issue 8): one record per hand-back (proof, collector, approvals, the frozen settlement and
 * the repair warranty's end). Append-only like the payment rows it goes with.
 */
export class Pickup1796200000000 implements MigrationInterface {
  name = 'Pickup1796200000000'

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "pickup" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "orderId" integer NOT NULL, "at" text NOT NULL, "userId" integer NOT NULL, "fromStatus" text NOT NULL, "proofKind" text NOT NULL, "collectorName" text NOT NULL DEFAULT (''), "idType" text NOT NULL DEFAULT (''), "idNumber" text NOT NULL DEFAULT (''), "approvedById" integer, "lines" text NOT NULL, "heldFen" integer NOT NULL, "discountFen" integer NOT NULL DEFAULT (0), "discountBasisPoints" integer, "discountReason" text NOT NULL DEFAULT (''), "discountApprovedById" integer, "dueFen" integer NOT NULL, "tenders" text NOT NULL, "changeFen" integer NOT NULL DEFAULT (0), "refundFen" integer NOT NULL DEFAULT (0), "refundMethod" text, "warrantyUntil" text, "lastPaymentId" integer)`)
    await q.query(`CREATE UNIQUE INDEX "IDX_853bd3110d5cd90b281cb5501d" ON "pickup" ("orderId") `)
    for (const op of ['UPDATE', 'DELETE']) {
      await q.query(`CREATE TRIGGER "pickup_append_only_${op.toLowerCase()}" BEFORE ${op} ON "pickup" FOR EACH ROW BEGIN SELECT RAISE(ABORT, 'tamper guard: pickup rows are append-only: ${op} refused'); END`)
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "pickup"`)
  }
}
