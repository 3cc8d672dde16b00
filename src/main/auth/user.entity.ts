import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
import type { Role } from '@shared/contract/roles'
import { bool, instant, int, text } from '../db/columns'

@Entity('user')
export class User {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number

  @Column(text({ unique: true }))
  username: string

  @Column(text())
  displayName: string

  @Column(text())
  role: Role

  /** scrypt$N$r$p$salt$hash */
  @Column(text())
  pinHash: string

  @Column(int({ default: 0 }))
  failedPins: number

  @Column(instant({ nullable: true }))
  lockedUntil: string | null

  /** Locks since the last successful sign-in: each lock lasts twice as long as the one before. */
  @Column(int({ default: 0 }))
  lockCount: number

  @Column(bool({ default: true }))
  active: boolean

  @Column(instant())
  createdAt: string
}
