import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'
import type { RequisitionStatus } from '@shared/contract/warehouse/moves'
import { instant, int, text } from '../db/columns'

/**
 * Requisition (领料单): parts asked for a work order. 'open' while a line still waits to be issued,
 * 'done' when every line is fully issued, 'cancelled' when nothing more will be issued (what was
 * issued stays on the order until returned).
 */
@Entity('requisition')
@Index(['orderId', 'id'])
@Index(['status', 'id'])
@Index(['requestedById', 'id'])
export class Requisition {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number

  /** RQ2611-0001 (doc-numbers.ts). */
  @Column(text({ unique: true }))
  reqNo: string

  @Column(int())
  orderId: number

  @Column(int())
  requestedById: number

  @Column(text())
  status: RequisitionStatus

  @Column(text({ default: '' }))
  note: string

  @Column(instant())
  createdAt: string

  @Column(instant({ nullable: true }))
  closedAt: string | null

  @Column(int({ nullable: true }))
  cancelledById: number | null

  @Column(text({ default: '' }))
  cancelReason: string
}

/**
 * One part asked for. issuedQty / returnedQty are kept with every issue and return in the same
 * transaction as their ledger rows; CHECKs keep 0 <= returned <= issued <= requested.
 */
@Entity('requisition_line')
@Check('CHK_requisition_line_qty', `"qty" > 0 AND "issuedQty" >= 0 AND "returnedQty" >= 0 AND "returnedQty" <= "issuedQty" AND "issuedQty" <= "qty"`)
@Index(['requisitionId', 'id'])
export class RequisitionLine {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number

  @Column(int())
  requisitionId: number

  @Column(int())
  partId: number

  @Column(int())
  qty: number

  @Column(int({ default: 0 }))
  issuedQty: number

  @Column(int({ default: 0 }))
  returnedQty: number
}
