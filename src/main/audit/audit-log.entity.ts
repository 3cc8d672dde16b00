import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'
import { instant, int, json, text } from '../db/columns'

/** Who did what, when: written in the same transaction as the change it records. */
@Entity('audit_log')
@Index(['entity', 'entityId'])
// The audit screen pages newest-first by (at, id), filtered by user or action: each filter has its index.
@Index(['at'])
@Index(['userId', 'at'])
@Index(['action', 'at'])
export class AuditLog {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number

  @Column(instant())
  at: string

  @Column(int({ nullable: true }))
  userId: number | null

  @Column(text())
  action: string

  @Column(text())
  entity: string

  @Column(int({ nullable: true }))
  entityId: number | null

  @Column(json<Record<string, unknown>>({ nullable: true }))
  detail: Record<string, unknown> | null
}
