import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm'
import type { PrintJobStatus, PrintKind } from '@shared/contract/printing'
import type { ReceiptDoc } from '@shared/receipt/layout'
import { instant, int, json, text } from '../db/columns'
import { WorkOrder } from '../intake/work-order.entity'

/**
 * A persisted print job: written in the same transaction as the sale/intake, sent after commit.
 * The document is frozen at creation so a retry prints exactly what was due.
 */
@Entity('print_job')
@Index(['status'])
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

  @Column(json<ReceiptDoc>())
  document: ReceiptDoc

  @Column(instant())
  createdAt: string

  @Column(instant({ nullable: true }))
  printedAt: string | null

  @Column(int({ nullable: true }))
  createdById: number | null
}
