import { Column, Entity, PrimaryColumn } from 'typeorm'
import { instant, int, json, text } from '../db/columns'

/** The repair card (修护卡) of one order: what the technician found and did. Charges are repair_charge rows. */
@Entity('repair_card')
export class RepairCard {
  @PrimaryColumn({ type: 'integer' })
  orderId: number

  @Column(text({ default: '' }))
  faultFound: string

  /** Codes from Settings → fault codes. */
  @Column(json<string[]>())
  faultCodes: string[]

  @Column(text({ default: '' }))
  workDone: string

  @Column(int({ default: 0 }))
  labourMinutes: number

  @Column(instant())
  updatedAt: string

  @Column(int())
  updatedById: number
}
