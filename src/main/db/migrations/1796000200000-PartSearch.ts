import type { MigrationInterface, QueryRunner } from 'typeorm'

/**
 * Single characters and bigrams of an expression (see migration SearchIndexes), frozen here on
 * purpose. Grouped in parentheses 20 characters at a time: one flat chain of 362 characters would
 * exceed SQLite's expression depth limit (1000).
 */
function gramsSql(expr: string, maxChars: number): string {
  const groups: string[] = []
  for (let start = 1; start <= maxChars; start += 20) {
    const parts: string[] = []
    for (let i = start; i < start + 20 && i <= maxChars; i++) parts.push(`substr(${expr}, ${i}, 1) || ' ' || substr(${expr}, ${i}, 2)`)
    groups.push(`(${parts.join(` || ' ' || `)})`)
  }
  return groups.join(` || ' ' || `)
}

/** name (60) + spec (100) + compatible models (200), as the contract caps them. */
const PART_GRAMS = (row: string) => gramsSql(`(${row}."name" || ' ' || ${row}."spec" || ' ' || ${row}."models")`, 362)

/**
 * Part search by words: an FTS5 table of single characters and bigrams of name, specification and
 * compatible models (Chinese needs bigrams: unicode61 has no CJK word breaking), kept in step by
 * triggers. SKU (prefix) and barcode (exact) use the part table's own unique indexes.
 */
export class PartSearch1796000200000 implements MigrationInterface {
  name = 'PartSearch1796000200000'

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE VIRTUAL TABLE "part_fts" USING fts5(grams, tokenize = 'unicode61')`)
    await q.query(`INSERT INTO "part_fts" (rowid, grams) SELECT "id", ${PART_GRAMS('"part"')} FROM "part"`)
    await q.query(`CREATE TRIGGER "part_fts_insert" AFTER INSERT ON "part" BEGIN
      INSERT INTO "part_fts" (rowid, grams) VALUES (new."id", ${PART_GRAMS('new')}); END`)
    await q.query(`CREATE TRIGGER "part_fts_update" AFTER UPDATE OF "name", "spec", "models" ON "part" BEGIN
      UPDATE "part_fts" SET grams = ${PART_GRAMS('new')} WHERE rowid = new."id"; END`)
    await q.query(`CREATE TRIGGER "part_fts_delete" AFTER DELETE ON "part" BEGIN
      DELETE FROM "part_fts" WHERE rowid = old."id"; END`)
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER "part_fts_delete"`)
    await q.query(`DROP TRIGGER "part_fts_update"`)
    await q.query(`DROP TRIGGER "part_fts_insert"`)
    await q.query(`DROP TABLE "part_fts"`)
  }
}
