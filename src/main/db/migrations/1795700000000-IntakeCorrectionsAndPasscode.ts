import type { MigrationInterface, QueryRunner } from 'typeorm'

/**
 * Work orders: IMEI not readable (and why), the sealed device passcode, correction and void marks.
 * ADD COLUMN only: a table rebuild would drop work_order's tamper-guard triggers.
 */
export class IntakeCorrectionsAndPasscode1795700000000 implements MigrationInterface {
  name = 'IntakeCorrectionsAndPasscode1795700000000'

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "work_order" ADD COLUMN "imeiUnreadable" boolean NOT NULL DEFAULT (0)`)
    await q.query(`ALTER TABLE "work_order" ADD COLUMN "imeiUnreadableReason" text NOT NULL DEFAULT ('')`)
    await q.query(`ALTER TABLE "work_order" ADD COLUMN "passcodeSealed" text`)
    await q.query(`ALTER TABLE "work_order" ADD COLUMN "correctedAt" text`)
    await q.query(`ALTER TABLE "work_order" ADD COLUMN "voidedAt" text`)
    await q.query(`ALTER TABLE "work_order" ADD COLUMN "voidedById" integer`)
    await q.query(`ALTER TABLE "work_order" ADD COLUMN "voidReason" text`)
  }

  async down(q: QueryRunner): Promise<void> {
    for (const column of ['voidReason', 'voidedById', 'voidedAt', 'correctedAt', 'passcodeSealed', 'imeiUnreadableReason', 'imeiUnreadable']) {
      await q.query(`ALTER TABLE "work_order" DROP COLUMN "${column}"`)
    }
  }
}
