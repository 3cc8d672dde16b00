import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm'
import type { PrintJobStatus, PrintKind } from '@shared/contract/printing'
import type { ReceiptDoc } from '@shared/receipt/layout'
import { instant, int, json, text } from '../db/columns'
import { WorkOrder } from '../intake/work-order.entity'

/**
 * A persisted print job: written in the same transaction as the sale/intake, sent after commit.
 * The document is frozen at creation so a retry prints exactly what was due; once the job is done
 * and past a short retention it is dropped (a preview or reprint is rebuilt from the order).
 */
@Entity('print_job')
// Open jobs oldest first (the queue, the indicator's count)
@Index(['status', 'id'])
// One order's jobs and its copy count
@Index(['orderId', 'kind'])
// Done jobs whose document is still kept: what the pruner looks at, and nothing else
@Index('IDX_print_job_kept_document', ['printedAt'], { where: '"document" IS NOT NULL' })
// An old part's label jobs (copy number of a reprint)
@Index('IDX_print_job_old_part', ['oldPartId'], { where: '"oldPartId" IS NOT NULL' })
export class PrintJob {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number

  @ManyToOne(() => WorkOrder, { nullable: true })
  @JoinColumn({ name: 'orderId' })
  order: WorkOrder | null

  @Column(int({ nullable: true }))
  orderId: number | null

  @Column(text())
  kind: PrintKind

  @Column(int({ default: 0 }))
  reprintNo: number

  @Column(text())
  status: PrintJobStatus

  @Column(int({ default: 0 }))
  attempts: number

  @Column(text({ nullable: true }))
  lastError: string | null

  /** Null for a drawer kick, and for a done job past retention. */
  @Column(json<ReceiptDoc>({ nullable: true }))
  document: ReceiptDoc | null

  @Column(instant())
  createdAt: string

  @Column(instant({ nullable: true }))
  printedAt: string | null

  @Column(int({ nullable: true }))
  createdById: number | null

  /** The old part (warehouse) an 'oldPartLabel' job prints. */
  @Column(int({ nullable: true }))
  oldPartId: number | null

  /**
   * Set (and committed) just before the first byte goes to the printer, cleared when the printer
   * refused before any byte left. A 'sending' job without it after a crash never reached the
   * printer and goes back to pending; with it, it may have printed and only a marked copy follows.
   */
  @Column(instant({ nullable: true }))
  transmitStartedAt: string | null
}
