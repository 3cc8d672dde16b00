import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'
import type { NoticeChannel, NoticeOutcome } from '@shared/contract/customers'
import { instant, int, text } from '../db/columns'

/** One "your device is ready" notice to the customer: a call (reached or not) or a copied message. */
@Entity('order_notice')
@Index(['orderId', 'at'])
export class OrderNotice {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number

  @Column(int())
  orderId: number

  @Column(text())
  channel: NoticeChannel

  @Column(text())
  outcome: NoticeOutcome

  /** The message text as copied (message notices); a note for calls. */
  @Column(text({ default: '' }))
  text: string

  @Column(instant())
  at: string

  @Column(int())
  userId: number
}
