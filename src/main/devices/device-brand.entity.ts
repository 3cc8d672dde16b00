import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'
import { instant, int, text } from '../db/columns'

/** A brand this store has taken in, per category, with how often: the brand field's suggestions. */
@Entity('device_brand')
@Index('IDX_device_brand_key', ['category', 'brandKey'], { unique: true })
@Index('IDX_device_brand_uses', ['category', 'uses'])
export class DeviceBrand {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number

  @Column(text())
  category: string

  /** As first typed ("Apple"); later spellings differing only in case/width count as the same brand. */
  @Column(text())
  brand: string

  /** deviceKey(brand): what makes two spellings the same, and what a typed prefix is compared with. */
  @Column(text())
  brandKey: string

  @Column(int({ default: 0 }))
  uses: number

  @Column(instant())
  lastUsedAt: string
}
