import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'
import type { ChargeLine } from '@shared/domain/settlement'
import type { PaymentMethod } from '@shared/domain/payments'
import type { PickupProofKind } from '@shared/contract/pickup'
import { instant, int, json, text } from '../db/columns'

/**
 * One hand-back of an order (issue 8): who collected it, on what proof, and the settlement as it was
 * agreed at the counter (charge lines, discount, tenders, change), frozen so the final receipt can
 * be printed again exactly. At most one per order. The money itself is `payment` rows.
 */
@Entity('pickup')
export class Pickup {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number

  @Index({ unique: true })
  @Column(int())
  orderId: number

  @Column(instant())
  at: string

  /** The clerk who handed the device back. */
  @Column(int())
  userId: number

  /** The status the order was handed back from (ready, unrepairable, cancelled). */
  @Column(text())
  fromStatus: string

  @Column(text())
  proofKind: PickupProofKind

  /** Lost ticket (遗失): the person who collected, their ID, and the approving manager. */
  @Column(text({ default: '' }))
  collectorName: string

  @Column(text({ default: '' }))
  idType: string

  @Column(text({ default: '' }))
  idNumber: string

  @Column(int({ nullable: true }))
  approvedById: number | null

  @Column(json<ChargeLine[]>())
  lines: ChargeLine[]

  /** Held for the order before pickup (deposits minus refunds). */
  @Column(int())
  heldFen: number

  @Column(int({ default: 0 }))
  discountFen: number

  /** Percent discounts: basis points (1000 = 10 %); null for an amount. */
  @Column(int({ nullable: true }))
  discountBasisPoints: number | null

  @Column(text({ default: '' }))
  discountReason: string

  @Column(int({ nullable: true }))
  discountApprovedById: number | null

  @Column(int())
  dueFen: number

  /** What the customer handed over per method (cash may exceed what was owed: see changeFen). */
  @Column(json<{ method: PaymentMethod; amountFen: number }[]>())
  tenders: { method: PaymentMethod; amountFen: number }[]

  @Column(int({ default: 0 }))
  changeFen: number

  /** Deposit paid back at pickup (nothing owed), and how. */
  @Column(int({ default: 0 }))
  refundFen: number

  @Column(text({ nullable: true }))
  refundMethod: PaymentMethod | null

  /** Store-local last day of the repair warranty (pickup day + the store's months); null = none. */
  @Column(text({ nullable: true }))
  warrantyUntil: string | null

  /** The order's last payment row at pickup: refund rows after it are the later partial refunds. */
  @Column(int({ nullable: true }))
  lastPaymentId: number | null
}
