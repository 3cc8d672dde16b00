import { Column, Entity, PrimaryColumn } from 'typeorm'
import { text } from '../db/columns'

/** One row per settings section (store, printer, warrantyPolicy, ...), value as JSON. */
@Entity('setting')
export class Setting {
  @PrimaryColumn({ type: 'text' })
  key: string

  @Column(text())
  value: string
}
