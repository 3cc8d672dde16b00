import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'
import { bool, instant, int, text } from '../db/columns'

/**
 * A labour or other charge on the repair card (parts are charged from the requisitions the
 * warehouse issued: repairs/charges.ts). Editable until the order is handed back.
 */
@Entity('repair_charge')
@Index(['orderId', 'id'])
// The day close's technician report: one business day's charges by time.
@Index(['createdAt'])
export class RepairCharge {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number

  @Column(int())
  orderId: number

  /** 'labour' | 'other' */
  @Column(text())
  kind: 'labour' | 'other'

  @Column(text())
  description: string

  /** The fault code the labour price came from ('' when typed by hand or an other charge). */
  @Column(text({ default: '' }))
  faultCode: string

  /** Labour time in minutes (0 for other charges). */
  @Column(int({ default: 0 }))
  minutes: number

  @Column(int())
  amountFen: number

  /** Covered by 三包 / a comeback: shown on the receipt, charged at 0. */
  @Column(bool({ default: false }))
  warrantyFree: boolean

  @Column(instant())
  createdAt: string

  @Column(int())
  userId: number
}
