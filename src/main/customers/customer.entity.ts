import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'
import { instant, text } from '../db/columns'

@Entity('customer')
// Last 4 of a mobile (global search): an expression index, created by migration SearchIndexes.
@Index('IDX_customer_mobile_last4', { synchronize: false })
export class Customer {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number

  @Column(text())
  name: string

  @Index()
  @Column(text())
  mobile: string

  @Column(text({ default: '' }))
  landline: string

  @Column(text({ default: '' }))
  address: string

  @Column(instant())
  createdAt: string

  @Column(instant())
  updatedAt: string
}
