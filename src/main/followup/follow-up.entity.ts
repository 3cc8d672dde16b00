import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'
import type { FollowUpOutcome, Rating } from '@shared/contract/followup'
import { bool, instant, int, text } from '../db/columns'

/**
 * One follow-up call (回访) after pickup. "No answer" rows keep the order on the call list; a
 * reached or refused call is final. An unhappy overall rating opens a complaint (complaintId).
 */
@Entity('follow_up')
@Index('IDX_follow_up_order', ['orderId', 'at'])
@Index('IDX_follow_up_at', ['at', 'outcome'])
export class FollowUp {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number

  @Column(int())
  orderId: number

  @Column(instant())
  at: string

  @Column(int())
  userId: number

  @Column(text())
  outcome: FollowUpOutcome

  @Column(text({ nullable: true }))
  rating: Rating | null

  @Column(text({ nullable: true }))
  attitude: Rating | null

  @Column(text({ nullable: true }))
  skill: Rating | null

  @Column(text({ nullable: true }))
  timeliness: Rating | null

  @Column(text({ nullable: true }))
  fees: Rating | null

  @Column(bool({ nullable: true }))
  depositRefunded: boolean | null

  @Column(text({ default: '' }))
  note: string

  @Column(int({ nullable: true }))
  complaintId: number | null
}
