/**
 * Test support (imported by the pickup tests only): walk an order to a hand-back status with the
 * lead's moveOrder, and put charges on its repair card, without the bench's channels.
 */
import type { DataSource } from 'typeorm'
import type { OrderStatus } from '../../src/shared/domain/order-status'
import { moveOrder } from '../../src/main/repairs/status'

const TO_READY: OrderStatus[] = ['received', 'diagnosing', 'repairing', 'qualityCheck', 'ready']

export interface TestCharge {
  kind: 'labour' | 'other'
  description: string
  amountFen: number
  warrantyFree?: boolean
}

/** received → diagnosing → repairing → qualityCheck → ready (or → unrepairable / cancelled), in one transaction. */
export async function walkOrder(ds: DataSource, orderId: number, userId: number, to: 'ready' | 'unrepairable' | 'cancelled' = 'ready', at = new Date()): Promise<void> {
  await ds.transaction(async (em) => {
    const path: OrderStatus[] = to === 'ready' ? TO_READY : ['received', 'diagnosing', to]
    for (let i = 1; i < path.length; i++) moveOrder(em, { orderId, from: path[i - 1], to: path[i], at, userId })
  })
}

export async function addCharges(ds: DataSource, orderId: number, userId: number, charges: TestCharge[]): Promise<void> {
  for (const c of charges) {
    await ds.query(
      `INSERT INTO repair_charge (orderId, kind, description, faultCode, minutes, amountFen, warrantyFree, createdAt, userId) VALUES (?, ?, ?, '', 30, ?, ?, ?, ?)`,
      [orderId, c.kind, c.description, c.amountFen, c.warrantyFree ? 1 : 0, new Date().toISOString(), userId]
    )
  }
}
