import type { EntityManager } from 'typeorm'
import type { ChargeLine } from '@shared/domain/settlement'
import { prepared } from '../db/prepared'

/**
 * What the order will be charged: the repair card's labour and other charges, and the parts the
 * warehouse issued to it and did not take back, at their sale price. On a 三包 (warranty) order
 * parts and labour are free (shown, charged 0) — other charges (a diagnosis fee, a screen film)
 * are not; a comeback's labour is free unless un-flagged (see customers/comebacks.ts). Read by the repair card, pickup settlement and the receipt.
 */
const CHARGES = `SELECT id, kind, description, faultCode, minutes, amountFen, warrantyFree FROM repair_charge WHERE orderId = ? ORDER BY id`
const PARTS = `SELECT p.id AS partId, p.sku, p.name, SUM(l.issuedQty - l.returnedQty) AS qty, p.salePriceFen
  FROM requisition r JOIN requisition_line l ON l.requisitionId = r.id JOIN part p ON p.id = l.partId
  WHERE r.orderId = ? GROUP BY p.id HAVING SUM(l.issuedQty - l.returnedQty) > 0 ORDER BY MIN(l.id)`
const SERVICE_TYPE = `SELECT serviceType FROM work_order WHERE id = ?`
const COMEBACK_FLAGGED = `SELECT 1 FROM comeback WHERE orderId = ? AND flagged = 1`

export function orderCharges(em: EntityManager, orderId: number): ChargeLine[] {
  const warranty = (prepared(em, SERVICE_TYPE).get(orderId) as { serviceType: string } | undefined)?.serviceType === 'warranty'
  const charges = prepared(em, CHARGES).all(orderId) as {
    id: number
    kind: 'labour' | 'other'
    description: string
    faultCode: string
    minutes: number
    amountFen: number
    warrantyFree: number
  }[]
  const comeback = !!prepared(em, COMEBACK_FLAGGED).get(orderId)
  const parts = prepared(em, PARTS).all(orderId) as { partId: number; sku: string; name: string; qty: number; salePriceFen: number }[]
  return [
    ...charges
      .filter((c) => c.kind === 'labour')
      .map((c): ChargeLine => ({ kind: 'labour', chargeId: c.id, description: c.description, faultCode: c.faultCode, minutes: c.minutes, qty: 1, unitFen: c.amountFen, amountFen: c.amountFen, warrantyFree: warranty || comeback || c.warrantyFree === 1 })),
    ...parts.map((p): ChargeLine => ({ kind: 'part', partId: p.partId, description: `${p.name} (${p.sku})`, qty: p.qty, unitFen: p.salePriceFen, amountFen: p.qty * p.salePriceFen, warrantyFree: warranty })),
    ...charges
      .filter((c) => c.kind === 'other')
      .map((c): ChargeLine => ({ kind: 'other', chargeId: c.id, description: c.description, qty: 1, unitFen: c.amountFen, amountFen: c.amountFen, warrantyFree: c.warrantyFree === 1 }))
  ]
}
