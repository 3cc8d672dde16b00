import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
import { bool, instant, int, text } from '../db/columns'

/** A shop-owned device lent to a customer while theirs is in for repair (备用机). */
@Entity('loaner')
export class Loaner {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number

  /** The shop's own label on the device (e.g. "BY-03"); unique. */
  @Column(text({ unique: true }))
  code: string

  /** Brand and model as the clerk says it ("华为 畅享 20"). */
  @Column(text())
  device: string

  @Column(text({ default: '' }))
  serial: string

  /** Condition when last checked in (scratches, battery...). */
  @Column(text({ default: '' }))
  condition: string

  /** The deposit asked for when it is lent. */
  @Column(int())
  depositFen: number

  /** Retired devices stay for their history but are not lent. */
  @Column(bool({ default: true }))
  active: boolean

  @Column(instant())
  createdAt: string

  @Column(instant())
  updatedAt: string
}
