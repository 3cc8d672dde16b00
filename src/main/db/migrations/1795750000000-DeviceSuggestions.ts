import type { MigrationInterface, QueryRunner } from 'typeorm'

/** Frozen copy of devices/suggestions.ts deviceKey: a migration must build the same keys forever. */
const key = (name: string) => name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase()

/**
 * Brands and models the store has taken in (suggestions at intake), filled from the orders
 * already on file so a store upgrading mid-life is offered its own history at once.
 */
export class DeviceSuggestions1795750000000 implements MigrationInterface {
  name = 'DeviceSuggestions1795750000000'

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "device_brand" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "category" text NOT NULL, "brand" text NOT NULL, "brandKey" text NOT NULL, "uses" integer NOT NULL DEFAULT (0), "lastUsedAt" text NOT NULL)`
    )
    await q.query(`CREATE INDEX "IDX_device_brand_uses" ON "device_brand" ("category", "uses") `)
    await q.query(`CREATE UNIQUE INDEX "IDX_device_brand_key" ON "device_brand" ("category", "brandKey") `)
    await q.query(
      `CREATE TABLE "device_model" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "category" text NOT NULL, "brandKey" text NOT NULL, "model" text NOT NULL, "modelKey" text NOT NULL, "uses" integer NOT NULL DEFAULT (0), "lastUsedAt" text NOT NULL)`
    )
    await q.query(`CREATE INDEX "IDX_device_model_uses" ON "device_model" ("category", "brandKey", "uses") `)
    await q.query(`CREATE UNIQUE INDEX "IDX_device_model_key" ON "device_model" ("category", "brandKey", "modelKey") `)

    // Grouped in SQL (a few thousand rows even for a five-year store), keyed in JS (NFKC, case).
    const groups: { category: string; brand: string; model: string; uses: number; last: string }[] = await q.query(
      `SELECT "category", "brand", "model", COUNT(*) AS uses, MAX("receivedAt") AS last FROM "work_order" GROUP BY "category", "brand", "model"`
    )
    for (const g of groups) {
      if (!g.brand.trim()) continue
      const brandKey = key(g.brand)
      await q.query(
        `INSERT INTO "device_brand" ("category", "brand", "brandKey", "uses", "lastUsedAt") VALUES (?, ?, ?, ?, ?)
         ON CONFLICT ("category", "brandKey") DO UPDATE SET "uses" = "uses" + excluded."uses", "lastUsedAt" = max("lastUsedAt", excluded."lastUsedAt")`,
        [g.category, g.brand.trim(), brandKey, g.uses, g.last]
      )
      if (!g.model.trim()) continue
      await q.query(
        `INSERT INTO "device_model" ("category", "brandKey", "model", "modelKey", "uses", "lastUsedAt") VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT ("category", "brandKey", "modelKey") DO UPDATE SET "uses" = "uses" + excluded."uses", "lastUsedAt" = max("lastUsedAt", excluded."lastUsedAt")`,
        [g.category, brandKey, g.model.trim(), key(g.model), g.uses, g.last]
      )
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "device_model"`)
    await q.query(`DROP TABLE "device_brand"`)
  }
}
