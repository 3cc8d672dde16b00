import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'
import { instant, int, text } from '../db/columns'

/** Goods receipt (入库单): one supplier delivery, checked line by line; only accepted quantities post to 'main'. */
@Entity('goods_receipt')
@Index(['at'])
@Index(['supplier', 'supplierDocNo'])
export class GoodsReceipt {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number

  /** GR2611-0001 (doc-numbers.ts). */
  @Column(text({ unique: true }))
  receiptNo: string

  @Column(text())
  supplier: string

  /** The supplier's delivery note / invoice number. */
  @Column(text())
  supplierDocNo: string

  @Column(text({ default: '' }))
  note: string

  /** Σ accepted × unit cost (fen). */
  @Column(int())
  acceptedFen: number

  @Column(int())
  userId: number

  @Column(instant())
  at: string
}

/** One delivered part: delivered = accepted + rejected (a CHECK); rejected needs a reason. */
@Entity('goods_receipt_line')
@Check('CHK_goods_receipt_line_qty', `"acceptedQty" >= 0 AND "rejectedQty" >= 0 AND "deliveredQty" > 0 AND "deliveredQty" = "acceptedQty" + "rejectedQty"`)
@Index(['receiptId', 'id'])
export class GoodsReceiptLine {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number

  @Column(int())
  receiptId: number

  @Column(int())
  partId: number

  @Column(int())
  deliveredQty: number

  @Column(int())
  acceptedQty: number

  @Column(int())
  rejectedQty: number

  @Column(text({ default: '' }))
  rejectReason: string

  @Column(int())
  unitCostFen: number

  /** The ledger row of the accepted quantity; null when nothing was accepted. */
  @Column(int({ nullable: true }))
  moveId: number | null
}
