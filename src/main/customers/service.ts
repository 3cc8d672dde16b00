import type { EntityManager } from 'typeorm'
import type { IntakeData } from '@shared/contract/intake'
import { notFound } from '../core/errors'
import { audit, changes } from '../audit/audit'
import { prepared } from '../db/prepared'
import { Customer } from './customer.entity'

/** Customers are shared by intake, pickup, notices and loaners: their rules live here. */
const CUSTOMER_COLUMNS = `id, name, mobile, landline, address, createdAt, updatedAt`
const CUSTOMER_BY_ID = `SELECT ${CUSTOMER_COLUMNS} FROM customer WHERE id = ?`
const CUSTOMER_BY_MOBILE_AND_NAME = `SELECT ${CUSTOMER_COLUMNS} FROM customer WHERE mobile = ? AND name = ? LIMIT 1`
// The name only when it changed: its FTS trigger (customer_fts_update) fires on any SET of "name".
const RENAME_CUSTOMER = `UPDATE customer SET name = ? WHERE id = ? AND name IS NOT ?`
const UPDATE_CUSTOMER = `UPDATE customer SET mobile = ?, landline = ?, address = ?, updatedAt = ? WHERE id = ?`
const INSERT_CUSTOMER = `INSERT INTO customer (name, mobile, landline, address, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?)`

type CustomerDetails = Pick<Customer, 'name' | 'mobile' | 'landline' | 'address'>

/**
 * Picks the customer the clerk chose, or the one with this mobile and name, or creates one. Details
 * typed over an existing customer's are written (and audited with the old values) only when they differ.
 */
export async function upsertCustomer(em: EntityManager, input: IntakeData['customer'], at: Date, userId: number): Promise<Customer> {
  const now = at.toISOString()
  const existing = (
    input.id ? prepared(em, CUSTOMER_BY_ID).get(input.id) : prepared(em, CUSTOMER_BY_MOBILE_AND_NAME).get(input.mobile, input.name)
  ) as (CustomerDetails & { id: number; createdAt: string; updatedAt: string }) | undefined
  if (input.id && !existing) throw notFound()
  const details: CustomerDetails = { name: input.name, mobile: input.mobile, landline: input.landline, address: input.address }
  if (existing) {
    const { id, createdAt, updatedAt: _, ...before } = existing
    const diff = changes(before, details)
    if (!Object.keys(diff).length) return Object.assign(new Customer(), existing)
    prepared(em, RENAME_CUSTOMER).run(input.name, id, input.name)
    prepared(em, UPDATE_CUSTOMER).run(input.mobile, input.landline, input.address, now, id)
    await audit(em, { at, userId, action: 'customer.update', entity: 'customer', entityId: id, changes: diff })
    return Object.assign(new Customer(), { id, createdAt, ...details, updatedAt: now })
  }
  const fields = { ...details, updatedAt: now }
  const id = Number(prepared(em, INSERT_CUSTOMER).run(input.name, input.mobile, input.landline, input.address, now, now).lastInsertRowid)
  return Object.assign(new Customer(), { id, createdAt: now, ...fields })
}
