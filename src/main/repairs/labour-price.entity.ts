import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'
import { instant, int, text } from '../db/columns'

/** The labour price list: one price per device category and fault code (manager edits it on the bench). */
@Entity('labour_price')
@Index(['category', 'faultCode'], { unique: true })
export class LabourPrice {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number

  @Column(text())
  category: string

  @Column(text())
  faultCode: string

  /** Shown on the repair card and the receipt ('' = the fault code's name). */
  @Column(text({ default: '' }))
  description: string

  @Column(int())
  amountFen: number

  @Column(int({ default: 0 }))
  minutes: number

  @Column(instant())
  updatedAt: string
}
