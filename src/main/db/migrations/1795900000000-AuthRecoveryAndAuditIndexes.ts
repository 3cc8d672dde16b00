import type { MigrationInterface, QueryRunner } from 'typeorm'

/**
 * Growing lock delays (user.lockCount), the manager recovery code (hash only), and the indexes the
 * audit screen's filters page through. ADD COLUMN rather than a table rebuild, which would drop the
 * user table's triggers.
 */
export class AuthRecoveryAndAuditIndexes1795900000000 implements MigrationInterface {
  name = 'AuthRecoveryAndAuditIndexes1795900000000'

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "user" ADD COLUMN "lockCount" integer NOT NULL DEFAULT (0)`)
    await q.query(`CREATE TABLE "recovery_code" ("id" integer PRIMARY KEY NOT NULL, "codeHash" text NOT NULL, "createdAt" text NOT NULL, "createdById" integer)`)
    await q.query(`CREATE INDEX "IDX_a6b8adfa094785bf8ed30f2688" ON "audit_log" ("action", "at") `)
    await q.query(`CREATE INDEX "IDX_d340a0550c47af68208e0f96bd" ON "audit_log" ("userId", "at") `)
    await q.query(`CREATE INDEX "IDX_ba27cef5b8b2b1a756e06ebcc5" ON "audit_log" ("at") `)
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IDX_ba27cef5b8b2b1a756e06ebcc5"`)
    await q.query(`DROP INDEX "IDX_d340a0550c47af68208e0f96bd"`)
    await q.query(`DROP INDEX "IDX_a6b8adfa094785bf8ed30f2688"`)
    await q.query(`DROP TABLE "recovery_code"`)
    await q.query(`ALTER TABLE "user" DROP COLUMN "lockCount"`)
  }
}
