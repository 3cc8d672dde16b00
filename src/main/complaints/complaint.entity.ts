import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm'
import type { ComplaintCategory, ComplaintSource, ComplaintStatus } from '@shared/contract/complaints'
import { instant, int, text } from '../db/columns'

/**
 * A complaint (投诉): numbered YYMM-NNN gap-free per month, owned by whoever first took it (首问负责),
 * stepping open → responded → resolved → confirmed (a trigger refuses any other step, and deletes).
 */
@Entity('complaint')
// The list by status and the overdue list: dueDate is the date the current step is due.
@Index('IDX_complaint_status_due', ['status', 'dueDate'])
@Index('IDX_complaint_created', ['createdAt'])
@Index('IDX_complaint_order', ['orderId'])
export class Complaint {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number

  @Column(text({ unique: true }))
  complaintNo: string

  @Column(text())
  status: ComplaintStatus

  @Column(text())
  source: ComplaintSource

  @Column(text())
  category: ComplaintCategory

  @Column(int({ nullable: true }))
  orderId: number | null

  /** The follow-up call that opened it (source followUp). */
  @Column(int({ nullable: true }))
  followUpId: number | null

  @Column(text({ default: '' }))
  customerName: string

  @Column(text({ default: '' }))
  mobile: string

  @Column(text())
  description: string

  @Column(instant())
  createdAt: string

  @Column(int())
  createdById: number

  @Column(int())
  ownerId: number

  @Column(instant({ nullable: true }))
  takenAt: string | null

  /** Store-local date the response is due (2 working days). */
  @Column(text())
  responseDue: string

  /** Due date of the step it waits for: responseDue while open, followUpDue while resolved, else null. */
  @Column(text({ nullable: true }))
  dueDate: string | null

  @Column(instant({ nullable: true }))
  respondedAt: string | null

  @Column(int({ nullable: true }))
  respondedById: number | null

  @Column(text({ default: '' }))
  response: string

  @Column(instant({ nullable: true }))
  resolvedAt: string | null

  @Column(int({ nullable: true }))
  resolvedById: number | null

  @Column(text({ default: '' }))
  resolution: string

  @Column(text({ default: '' }))
  correctiveAction: string

  /** Store-local date the second follow-up call is due (3 days after the resolution). */
  @Column(text({ nullable: true }))
  followUpDue: string | null

  @Column(instant({ nullable: true }))
  confirmedAt: string | null

  @Column(int({ nullable: true }))
  confirmedById: number | null

  @Column(text({ default: '' }))
  confirmNote: string
}

/** The complaint-number allocator: one row per month (YYMM), guarded like order_sequence. */
@Entity('complaint_sequence')
export class ComplaintSequence {
  @PrimaryColumn({ type: 'text' })
  period: string

  @Column(int())
  lastSerial: number
}
