import { Column, Entity, PrimaryColumn } from 'typeorm'
import { instant, int, text } from '../db/columns'

/**
 * The store's manager recovery code: one row (id 1), only its scrypt hash. Shown once when made
 * (first-run setup, a manager renewing it, after each use); it unlocks a manager and sets a new PIN.
 */
@Entity('recovery_code')
export class RecoveryCode {
  @PrimaryColumn({ type: 'integer' })
  id: number

  /** scrypt$N$r$p$salt$hash */
  @Column(text())
  codeHash: string

  @Column(instant())
  createdAt: string

  @Column(int({ nullable: true }))
  createdById: number | null
}
