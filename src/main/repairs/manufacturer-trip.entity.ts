import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'
import type { ManufacturerResult } from '@shared/contract/repairs'
import { instant, int, text } from '../db/columns'

/** A trip to the manufacturer (返厂): sent (date, carrier, reference), and back (date, result). */
@Entity('manufacturer_trip')
@Index(['orderId', 'id'])
export class ManufacturerTrip {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number

  @Column(int())
  orderId: number

  @Column(text())
  sentDate: string

  @Column(text())
  carrier: string

  @Column(text())
  reference: string

  @Column(text({ default: '' }))
  sentNote: string

  @Column(instant())
  sentAt: string

  @Column(int())
  sentById: number

  @Column(text({ nullable: true }))
  backDate: string | null

  @Column(text({ nullable: true }))
  result: ManufacturerResult | null

  @Column(text({ default: '' }))
  backNote: string

  @Column(instant({ nullable: true }))
  backAt: string | null

  @Column(int({ nullable: true }))
  backById: number | null
}
