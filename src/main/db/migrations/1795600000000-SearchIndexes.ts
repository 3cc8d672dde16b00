import type { MigrationInterface, QueryRunner } from 'typeorm'

/**
 * The column of single characters and bigrams FTS5 (unicode61) indexes for Chinese text:
 * 王小明 -> "王 王小 小 小明 明 明". unicode61 has no CJK word breaking, so a 1- or 2-character
 * query finds its token here (trigram would miss 2-character names). Written out as SQL because
 * triggers cannot use CTEs; text past `maxChars` is not indexed (the contract caps the fields).
 * Frozen here on purpose: a migration must build the same column forever. The query side is
 * src/main/search/grams.ts.
 */
function gramsSql(expr: string, maxChars: number): string {
  const parts: string[] = []
  for (let i = 1; i <= maxChars; i++) parts.push(`substr(${expr}, ${i}, 1) || ' ' || substr(${expr}, ${i}, 2)`)
  return parts.join(` || ' ' || `)
}

const NAME_GRAMS = (row: string) => gramsSql(`${row}."name"`, 40)
const DEVICE_GRAMS = (row: string) => gramsSql(`(${row}."brand" || ' ' || ${row}."model")`, 101)

/**
 * Index-backed lookups for a five-year store (see the store-scale bench): history by customer,
 * claim codes (lookup and the uniqueness check at intake), payments by order, the last 4 digits
 * of a mobile and the last 6 of an IMEI (expression indexes), and FTS5 tables for customer names
 * and device brand/model kept in step by triggers.
 */
export class SearchIndexes1795600000000 implements MigrationInterface {
  name = 'SearchIndexes1795600000000'

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "IDX_473cce2ed7f0685bd66372eb95" ON "work_order" ("claimCode")`)
    await q.query(`CREATE INDEX "IDX_2acd6ad7e93a9d2317979a4c8e" ON "work_order" ("customerId")`)
    await q.query(`CREATE INDEX "IDX_d09d285fe1645cd2f0db811e29" ON "payment" ("orderId")`)
    await q.query(`CREATE INDEX "IDX_work_order_serial_last6" ON "work_order" (substr("serial", -6))`)
    await q.query(`CREATE INDEX "IDX_customer_mobile_last4" ON "customer" (substr("mobile", -4))`)

    await q.query(`CREATE VIRTUAL TABLE "customer_fts" USING fts5(grams, tokenize = 'unicode61')`)
    await q.query(`INSERT INTO "customer_fts" (rowid, grams) SELECT "id", ${NAME_GRAMS('"customer"')} FROM "customer"`)
    await q.query(`CREATE TRIGGER "customer_fts_insert" AFTER INSERT ON "customer" BEGIN
      INSERT INTO "customer_fts" (rowid, grams) VALUES (new."id", ${NAME_GRAMS('new')}); END`)
    await q.query(`CREATE TRIGGER "customer_fts_update" AFTER UPDATE OF "name" ON "customer" BEGIN
      UPDATE "customer_fts" SET grams = ${NAME_GRAMS('new')} WHERE rowid = new."id"; END`)
    await q.query(`CREATE TRIGGER "customer_fts_delete" AFTER DELETE ON "customer" BEGIN
      DELETE FROM "customer_fts" WHERE rowid = old."id"; END`)

    await q.query(`CREATE VIRTUAL TABLE "work_order_fts" USING fts5(grams, tokenize = 'unicode61')`)
    await q.query(`INSERT INTO "work_order_fts" (rowid, grams) SELECT "id", ${DEVICE_GRAMS('"work_order"')} FROM "work_order"`)
    await q.query(`CREATE TRIGGER "work_order_fts_insert" AFTER INSERT ON "work_order" BEGIN
      INSERT INTO "work_order_fts" (rowid, grams) VALUES (new."id", ${DEVICE_GRAMS('new')}); END`)
    await q.query(`CREATE TRIGGER "work_order_fts_update" AFTER UPDATE OF "brand", "model" ON "work_order" BEGIN
      UPDATE "work_order_fts" SET grams = ${DEVICE_GRAMS('new')} WHERE rowid = new."id"; END`)
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER "work_order_fts_update"`)
    await q.query(`DROP TRIGGER "work_order_fts_insert"`)
    await q.query(`DROP TABLE "work_order_fts"`)
    await q.query(`DROP TRIGGER "customer_fts_delete"`)
    await q.query(`DROP TRIGGER "customer_fts_update"`)
    await q.query(`DROP TRIGGER "customer_fts_insert"`)
    await q.query(`DROP TABLE "customer_fts"`)
    await q.query(`DROP INDEX "IDX_customer_mobile_last4"`)
    await q.query(`DROP INDEX "IDX_work_order_serial_last6"`)
    await q.query(`DROP INDEX "IDX_d09d285fe1645cd2f0db811e29"`)
    await q.query(`DROP INDEX "IDX_2acd6ad7e93a9d2317979a4c8e"`)
    await q.query(`DROP INDEX "IDX_473cce2ed7f0685bd66372eb95"`)
  }
}
