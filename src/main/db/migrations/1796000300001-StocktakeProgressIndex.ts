import type { MigrationInterface, QueryRunner } from 'typeorm'

/**
 * The progress of a count (lines, counted, uncounted lines with stock on the book) is read after
 * every scan and for each row of the stocktake list: a covering index keeps it off the table rows
 * of a 20,000-line count.
 */
export class StocktakeProgressIndex1796000300001 implements MigrationInterface {
  name = 'StocktakeProgressIndex1796000300001'

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "IDX_stocktake_line_progress" ON "stocktake_line" ("stocktakeId", "countedQty", "expectedQty") `)
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IDX_stocktake_line_progress"`)
  }
}
