import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'
import type { RtmStatus } from '@shared/contract/warehouse/old-parts'
import { instant, int, text } from '../db/columns'

/**
 * A return-to-manufacturer batch (旧件返厂): open (parts added and removed) → sent (date, carrier
 * reference) → credited (credit note, amount). A trigger refuses any other status change.
 */
@Entity('rtm_batch')
@Index(['status', 'id'])
export class RtmBatch {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number

  /** RB2611-0001 */
  @Column(text({ unique: true }))
  batchNo: string

  /** The maker or supplier the parts go back to. */
  @Column(text())
  maker: string

  @Column(text({ default: '' }))
  note: string

  @Column(text())
  status: RtmStatus

  @Column(instant())
  createdAt: string

  @Column(int())
  createdById: number

  /** Store-local date the parcel left. */
  @Column(text({ nullable: true }))
  sentDate: string | null

  @Column(text({ nullable: true }))
  carrierRef: string | null

  @Column(instant({ nullable: true }))
  sentAt: string | null

  @Column(int({ nullable: true }))
  sentById: number | null

  @Column(text({ nullable: true }))
  creditNoteNo: string | null

  @Column(int({ nullable: true }))
  creditFen: number | null

  @Column(instant({ nullable: true }))
  creditedAt: string | null

  @Column(int({ nullable: true }))
  creditedById: number | null
}
