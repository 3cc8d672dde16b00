import { Column, Entity, PrimaryColumn } from 'typeorm'
import { int } from '../db/columns'

/** Last serial per document prefix and month (GR2611 -> 3): gap-free numbers like order numbers. */
@Entity('doc_sequence')
export class DocSequence {
  @PrimaryColumn({ type: 'text' })
  prefix: string

  @PrimaryColumn({ type: 'text' })
  period: string

  @Column(int())
  lastSerial: number
}
