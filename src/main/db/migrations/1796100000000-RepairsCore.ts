import type { MigrationInterface, QueryRunner } from 'typeorm'

/**
 * The work order's life (issue 8): the order timeline (order_event, append-only like the audit
 * log), the repair card's charge lines, the loaner pool and its loans, and payment.loanId (a
 * loaner's deposit is not money held for the repair).
 */
export class RepairsCore1796100000000 implements MigrationInterface {
  name = 'RepairsCore1796100000000'

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "order_event" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "orderId" integer NOT NULL, "at" text NOT NULL, "userId" integer NOT NULL, "kind" text NOT NULL, "fromStatus" text, "toStatus" text, "note" text NOT NULL DEFAULT (''), "detail" text)`)
    await q.query(`CREATE INDEX "IDX_6b81ecced58e53ac098768dd3d" ON "order_event" ("userId", "at") `)
    await q.query(`CREATE INDEX "IDX_b60272acacc0af639481dd621f" ON "order_event" ("at") `)
    await q.query(`CREATE INDEX "IDX_0abc6eca91a6a8d4483688e49d" ON "order_event" ("orderId", "id") `)
    for (const op of ['UPDATE', 'DELETE']) {
      await q.query(`CREATE TRIGGER "order_event_append_only_${op.toLowerCase()}" BEFORE ${op} ON "order_event" FOR EACH ROW BEGIN SELECT RAISE(ABORT, 'tamper guard: order_event rows are append-only: ${op} refused'); END`)
    }
    await q.query(`CREATE TABLE "repair_charge" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "orderId" integer NOT NULL, "kind" text NOT NULL, "description" text NOT NULL, "faultCode" text NOT NULL DEFAULT (''), "minutes" integer NOT NULL DEFAULT (0), "amountFen" integer NOT NULL, "warrantyFree" boolean NOT NULL DEFAULT (0), "createdAt" text NOT NULL, "userId" integer NOT NULL)`)
    await q.query(`CREATE INDEX "IDX_cf0b1c421d5e4d9aea4cbebab1" ON "repair_charge" ("orderId", "id") `)
    await q.query(`CREATE TABLE "loaner" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "code" text NOT NULL, "device" text NOT NULL, "serial" text NOT NULL DEFAULT (''), "condition" text NOT NULL DEFAULT (''), "depositFen" integer NOT NULL, "active" boolean NOT NULL DEFAULT (1), "createdAt" text NOT NULL, "updatedAt" text NOT NULL, CONSTRAINT "UQ_e8767feab1b1c165c314a6f46db" UNIQUE ("code"))`)
    await q.query(`CREATE TABLE "loaner_loan" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "loanerId" integer NOT NULL, "orderId" integer NOT NULL, "depositFen" integer NOT NULL, "depositMethod" text, "depositPaymentId" integer, "dueDate" text NOT NULL, "conditionOut" text NOT NULL DEFAULT (''), "lentAt" text NOT NULL, "lentById" integer NOT NULL, "returnedAt" text, "returnedById" integer, "conditionIn" text NOT NULL DEFAULT (''), "outcome" text, "keptReason" text NOT NULL DEFAULT (''), "approvedById" integer, "refundPaymentId" integer)`)
    await q.query(`CREATE INDEX "IDX_8834a0a9a630abe24dba9b63a1" ON "loaner_loan" ("loanerId", "id") `)
    await q.query(`CREATE INDEX "IDX_06c5132656e95266b1610bb5e7" ON "loaner_loan" ("orderId", "id") `)
    await q.query(`CREATE INDEX "IDX_loaner_loan_open_due" ON "loaner_loan" ("dueDate", "id") WHERE "returnedAt" IS NULL`)
    await q.query(`CREATE UNIQUE INDEX "IDX_loaner_loan_open_order" ON "loaner_loan" ("orderId") WHERE "returnedAt" IS NULL`)
    await q.query(`CREATE UNIQUE INDEX "IDX_loaner_loan_open_loaner" ON "loaner_loan" ("loanerId") WHERE "returnedAt" IS NULL`)
    await q.query(`ALTER TABLE "payment" ADD COLUMN "loanId" integer`)
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "payment" DROP COLUMN "loanId"`)
    for (const t of ['loaner_loan', 'loaner', 'repair_charge', 'order_event']) await q.query(`DROP TABLE "${t}"`)
  }
}
