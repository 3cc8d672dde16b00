import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'
import { instant, int, text } from '../db/columns'

/** A model this store has taken in, per category and brand: the model field's suggestions. */
@Entity('device_model')
@Index('IDX_device_model_key', ['category', 'brandKey', 'modelKey'], { unique: true })
@Index('IDX_device_model_uses', ['category', 'brandKey', 'uses'])
export class DeviceModel {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number

  @Column(text())
  category: string

  @Column(text())
  brandKey: string

  @Column(text())
  model: string

  @Column(text())
  modelKey: string

  @Column(int({ default: 0 }))
  uses: number

  @Column(instant())
  lastUsedAt: string
}
