import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'
import type { OldPartStatus } from '@shared/contract/warehouse/old-parts'
import { instant, int, text } from '../db/columns'

/**
 * A defective part taken out of a device under warranty (旧件). Not stock: it never enters the
 * ledger. It waits in the store until it goes back to the maker in a batch (batchId, set once;
 * status mirrors the batch: batched / sent / credited).
 */
@Entity('old_part')
@Index(['orderId', 'id'])
@Index(['status', 'id'])
@Index(['batchId', 'id'])
export class OldPart {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number

  /** OP2611-0001 (doc-numbers.ts), printed with its barcode on the label. */
  @Column(text({ unique: true }))
  opNo: string

  @Column(int())
  orderId: number

  @Column(int())
  technicianId: number

  @Column(int({ nullable: true }))
  partId: number | null

  @Column(text())
  partText: string

  @Column(int({ nullable: true }))
  requisitionLineId: number | null

  @Column(text())
  faultSymptom: string

  @Column(text())
  faultCode: string

  @Column(text())
  status: OldPartStatus

  @Column(int({ nullable: true }))
  batchId: number | null

  @Column(instant())
  createdAt: string

  @Column(int())
  createdById: number
}
