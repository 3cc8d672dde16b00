import type { EntityManager } from 'typeorm'
import type { CustomerView, OrderSummary, OrderView } from '@shared/contract/intake'
import { notFound } from '../core/errors'
import type { Customer } from './customer.entity'
import { WorkOrder } from './work-order.entity'
import { User } from '../auth/user.entity'

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
    serviceType: o.serviceType
  }
}

export function orderView(o: WorkOrder): OrderView {
  return {
    id: o.id,
    orderNo: o.orderNo,
    claimCode: o.claimCode,
    status: o.status,
    receivedAt: o.receivedAt,
    customer: customerView(o.customer),
    device: {
      category: o.category,
      brand: o.brand,
      model: o.model,
      serial: o.serial,
      colour: o.colour,
      imeiUnreadable: o.imeiUnreadable,
      imeiUnreadableReason: o.imeiUnreadableReason,
      imeiPending: o.imeiUnreadable && !o.serial,
      hasPasscode: o.passcodeSealed !== null
    },
    purchase: { invoiceDate: o.invoiceDate, invoiceNo: o.invoiceNo },
    fault: { description: o.faultDescription, codes: o.faultCodes },
    condition: o.condition,
    accessories: { items: o.accessories as OrderView['accessories']['items'], other: o.accessoriesOther },
    warranty: {
      ...o.warrantyVerdict,
      finalInWarranty: o.inWarranty,
      override: o.overrideReason !== null ? { inWarranty: !!o.overrideInWarranty, reason: o.overrideReason } : null
    },
    service: {
      type: o.serviceType,
      estimateFen: o.estimateFen,
      depositFen: o.depositFen,
      depositMethod: o.depositMethod,
      promisedDate: o.promisedDate,
      technician: o.technician ? { id: o.technician.id, displayName: o.technician.displayName } : null
    },
    createdBy: { id: o.createdBy.id, displayName: o.createdBy.displayName },
    correctedAt: o.correctedAt,
    voided: null
  }
}

export async function loadOrderView(em: EntityManager, orderId: number): Promise<OrderView> {
  const order = await em.findOne(WorkOrder, {
    where: { id: orderId },
    relations: { customer: true, technician: true, createdBy: true }
  })
  if (!order) throw notFound()
  const view = orderView(order)
  if (order.voidedAt) {
    const by = order.voidedById ? await em.findOneBy(User, { id: order.voidedById }) : null
    view.voided = { at: order.voidedAt, by: { id: by?.id ?? 0, displayName: by?.displayName ?? '' }, reason: order.voidReason ?? '' }
  }
  return view
}
