import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'
import { instant, text } from '../db/columns'

@Entity('customer')
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
