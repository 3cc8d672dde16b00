import type { EntityManager } from 'typeorm'
import type { CustomerView, OrderSummary, OrderView } from '@shared/contract/intake'
import { notFound } from '../core/errors'
import type { Customer } from '../customers/customer.entity'
import type { WorkOrder } from './work-order.entity'
import type { WarrantyVerdict } from '@shared/domain/warranty'
import { isImeiPending } from '@shared/domain/imei'
import { prepared } from '../db/prepared'
import { openLoanerFor } from '../loaners/open-loan'

export function customerView(c: Customer): CustomerView {
  return { id: c.id, name: c.name, mobile: c.mobile, landline: c.landline, address: c.address }
}

export function orderSummary(o: WorkOrder): OrderSummary {
  return {
    id: o.id,
    orderNo: o.orderNo,
    status: o.status,
    receivedAt: o.receivedAt,
    customerName: o.customer.name,
    customerMobile: o.customer.mobile,
    deviceLabel: `${o.brand} ${o.model}`,
    serial: o.serial,
    serviceType: o.serviceType,
    promisedDate: o.promisedDate,
    returnedAt: o.returnedAt
  }
}

/** One order with its customer and the staff it names: one indexed join (primary keys only), no entity hydration. */
const ORDER_VIEW_SQL = `SELECT w.id, w.orderNo, w.claimCode, w.status, w.receivedAt,
    c.id AS customerId, c.name AS customerName, c.mobile AS customerMobile, c.landline AS customerLandline, c.address AS customerAddress,
    w.category, w.brand, w.model, w.serial, w.colour, w.imeiUnreadable, w.imeiUnreadableReason,
    w.passcodeSealed IS NOT NULL AS hasPasscode,
    w.invoiceDate, w.invoiceNo, w.faultDescription, w.faultCodes, w.condition, w.accessories, w.accessoriesOther,
    w.warrantyVerdict, w.inWarranty, w.overrideInWarranty, w.overrideReason,
    w.serviceType, w.estimateFen, w.depositFen, w.depositMethod, w.promisedDate,
    t.id AS technicianId, t.displayName AS technicianName,
    u.id AS createdById, u.displayName AS createdByName,
    w.correctedAt, w.voidedAt, w.voidReason, v.id AS voidedById, v.displayName AS voidedByName
  FROM work_order w
  LEFT JOIN customer c ON c.id = w.customerId
  LEFT JOIN "user" t ON t.id = w.technicianId
  LEFT JOIN "user" u ON u.id = w.createdById
  LEFT JOIN "user" v ON v.id = w.voidedById
  WHERE w.id = ?`

interface OrderViewRow {
  id: number
  orderNo: string
  claimCode: string
  status: OrderView['status']
  receivedAt: string
  customerId: number
  customerName: string
  customerMobile: string
  customerLandline: string
  customerAddress: string
  category: string
  brand: string
  model: string
  serial: string
  colour: string
  imeiUnreadable: number
  imeiUnreadableReason: string
  hasPasscode: number
  invoiceDate: string | null
  invoiceNo: string
  faultDescription: string
  faultCodes: string
  condition: string
  accessories: string
  accessoriesOther: string
  warrantyVerdict: string
  inWarranty: number
  overrideInWarranty: number | null
  overrideReason: string | null
  serviceType: OrderView['service']['type']
  estimateFen: number
  depositFen: number
  depositMethod: OrderView['service']['depositMethod']
  promisedDate: string
  technicianId: number | null
  technicianName: string | null
  createdById: number
  createdByName: string
  correctedAt: string | null
  voidedAt: string | null
  voidReason: string | null
  voidedById: number | null
  voidedByName: string | null
}

function orderView(o: OrderViewRow): OrderView {
  const imeiUnreadable = !!o.imeiUnreadable
  return {
    id: o.id,
    orderNo: o.orderNo,
    claimCode: o.claimCode,
    status: o.status,
    receivedAt: o.receivedAt,
    customer: { id: o.customerId, name: o.customerName, mobile: o.customerMobile, landline: o.customerLandline, address: o.customerAddress },
    device: {
      category: o.category,
      brand: o.brand,
      model: o.model,
      serial: o.serial,
      colour: o.colour,
      imeiUnreadable,
      imeiUnreadableReason: o.imeiUnreadableReason,
      imeiPending: isImeiPending(o),
      // Never the passcode itself (orders.revealPasscode, audited).
      hasPasscode: !!o.hasPasscode
    },
    purchase: { invoiceDate: o.invoiceDate, invoiceNo: o.invoiceNo },
    fault: { description: o.faultDescription, codes: JSON.parse(o.faultCodes) as string[] },
    condition: JSON.parse(o.condition) as OrderView['condition'],
    accessories: { items: JSON.parse(o.accessories) as OrderView['accessories']['items'], other: o.accessoriesOther },
    warranty: {
      ...(JSON.parse(o.warrantyVerdict) as WarrantyVerdict),
      finalInWarranty: !!o.inWarranty,
      override: o.overrideReason !== null ? { inWarranty: !!o.overrideInWarranty, reason: o.overrideReason } : null
    },
    service: {
      type: o.serviceType,
      estimateFen: o.estimateFen,
      depositFen: o.depositFen,
      depositMethod: o.depositMethod,
      promisedDate: o.promisedDate,
      technician: o.technicianId !== null ? { id: o.technicianId, displayName: o.technicianName ?? '' } : null
    },
    createdBy: { id: o.createdById, displayName: o.createdByName },
    correctedAt: o.correctedAt,
    voided: o.voidedAt ? { at: o.voidedAt, by: { id: o.voidedById ?? 0, displayName: o.voidedByName ?? '' }, reason: o.voidReason ?? '' } : null
  }
}

/** Exactly what the counter shows for one order (orders.get, tickets, corrections); lean SQL, prepared once. */
export async function loadOrderView(em: EntityManager, orderId: number): Promise<OrderView> {
  const row = prepared(em, ORDER_VIEW_SQL).get(orderId) as OrderViewRow | undefined
  if (!row) throw notFound()
  // A loaner out on the order: printed on the claim ticket (no key at all when none is out).
  const loan = openLoanerFor(em, orderId)
  return loan ? { ...orderView(row), loaner: { code: loan.code, device: loan.device, serial: loan.serial, depositFen: loan.depositFen, dueDate: loan.dueDate } } : orderView(row)
}
