import type { MigrationInterface, QueryRunner } from 'typeorm'

/** The closed day whose range covers an instant (days never overlap: the latest start at or before it). */
const closedAt = (instant: string) => `(SELECT "endAt" FROM "day_close" WHERE "startAt" <= ${instant} ORDER BY "startAt" DESC LIMIT 1) > ${instant}`

/**
 * Day close (issue 9): cash moves (float, cash in / out, adjustments), the closed days with their
 * frozen Z report, and the rule that a closed day is final even against direct SQL: day_close rows
 * never change, cash moves never change, and no payment or cash move can be added inside a closed
 * day ('closed business day' is translated by the router). Payments are append-only already
 * (TamperGuards). Time indexes for the report's ledger and labour figures.
 */
export class DayClose1796500000000 implements MigrationInterface {
  name = 'DayClose1796500000000'

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "cash_move" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "kind" text NOT NULL, "method" text NOT NULL DEFAULT ('cash'), "amountFen" integer NOT NULL, "reason" text NOT NULL DEFAULT (''), "at" text NOT NULL, "userId" integer NOT NULL, "closedDayRef" text)`)
    await q.query(`CREATE INDEX "IDX_cff6fff6f129aba49cb6b0295a" ON "cash_move" ("at") `)
    await q.query(`CREATE TABLE "day_close" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "day" text NOT NULL, "startAt" text NOT NULL, "endAt" text NOT NULL, "closedAt" text NOT NULL, "closedById" integer NOT NULL, "approvedById" integer NOT NULL, "counts" text NOT NULL, "totals" text NOT NULL, "overShortFen" integer NOT NULL, "note" text NOT NULL DEFAULT (''), "report" text NOT NULL)`)
    await q.query(`CREATE UNIQUE INDEX "IDX_9fc4196f81efec14d23b6b7500" ON "day_close" ("day") `)
    await q.query(`CREATE INDEX "IDX_35b4f85d7e6d7eff5218ea5160" ON "day_close" ("startAt") `)
    await q.query(`CREATE INDEX "IDX_a7fe615647823355a4c31f2e49" ON "stock_move" ("at") `)
    await q.query(`CREATE INDEX "IDX_28b13b3c9ee4b55892c6902400" ON "repair_charge" ("createdAt") `)
    for (const op of ['UPDATE', 'DELETE']) {
      const lower = op.toLowerCase()
      await q.query(`CREATE TRIGGER "day_close_final_${lower}" BEFORE ${op} ON "day_close" FOR EACH ROW BEGIN SELECT RAISE(ABORT, 'closed business day: a day close is final: ${op} refused'); END`)
      await q.query(`CREATE TRIGGER "cash_move_append_only_${lower}" BEFORE ${op} ON "cash_move" FOR EACH ROW BEGIN SELECT RAISE(ABORT, 'tamper guard: cash_move rows are append-only (correct with an adjustment): ${op} refused'); END`)
    }
    await q.query(`CREATE TRIGGER "cash_move_closed_day_insert" BEFORE INSERT ON "cash_move" FOR EACH ROW WHEN ${closedAt('NEW."at"')} BEGIN SELECT RAISE(ABORT, 'closed business day: no cash move inside a closed day'); END`)
    await q.query(`CREATE TRIGGER "payment_closed_day_insert" BEFORE INSERT ON "payment" FOR EACH ROW WHEN ${closedAt('NEW."receivedAt"')} BEGIN SELECT RAISE(ABORT, 'closed business day: no payment inside a closed day'); END`)
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER "payment_closed_day_insert"`)
    await q.query(`DROP INDEX "IDX_28b13b3c9ee4b55892c6902400"`)
    await q.query(`DROP INDEX "IDX_a7fe615647823355a4c31f2e49"`)
    await q.query(`DROP TABLE "day_close"`)
    await q.query(`DROP TABLE "cash_move"`)
  }
}
