import type { MigrationInterface, QueryRunner } from 'typeorm'

/**
 * The manager's reports (src/main/reports/): orders taken in during a date range, and status steps
 * of one kind in a date range (repairs finished, QC verdicts, pickups), read from the index alone.
 * Indexes only.
 */
export class ReportIndexes1796700000000 implements MigrationInterface {
  name = 'ReportIndexes1796700000000'

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "IDX_work_order_received_at" ON "work_order" ("receivedAt") `)
    await q.query(`CREATE INDEX "IDX_order_event_to_status_at" ON "order_event" ("toStatus", "at", "kind", "userId", "orderId") `)
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IDX_order_event_to_status_at"`)
    await q.query(`DROP INDEX "IDX_work_order_received_at"`)
  }
}
