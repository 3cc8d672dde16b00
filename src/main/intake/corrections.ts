/**
 * After intake: correcting an order before work starts, voiding one taken by mistake, filling in an
 * IMEI that could not be read, and reading the device passcode. Every change is audited with its
 * old and new values; order numbers are never deleted or reused.
 */
import type { CorrectionData, OrderView, PaymentMethod } from '@shared/contract/intake'
import type { PrintJobView } from '@shared/contract/printing'
import { localDate } from '@shared/domain/dates'
import { isImeiPending, isValidImei } from '@shared/domain/imei'
import type { HandlerContext } from '../core/context'
import { AppError, conflict, notFound, validationError } from '../core/errors'
import { audit, changes } from '../audit/audit'
import type { User } from '../auth/user.entity'
import { reprint } from '../printing/handlers'
import { supersedeUnsentCopies } from '../printing/queue'
import { Customer } from '../customers/customer.entity'
import { Payment } from '../payments/payment.entity'
import { heldForOrder, recordPayment } from '../payments/service'
import { moveOrder } from '../repairs/status'
import { openLoanerFor } from '../loaners/open-loan'
import { WorkOrder } from './work-order.entity'
import { erasePasscode, openPasscode, sealPasscode } from './passcode'
import { upsertCustomer } from '../customers/service'
import { detectComeback } from '../customers/comebacks'
import { loadOrderView } from './views'
import { auditAcknowledged, requireAcknowledged, warningsFor } from './warnings'
import { warrantyVerdict } from './warranty'

async function loadOrder(ctx: HandlerContext, orderId: number): Promise<WorkOrder> {
  const order = await ctx.em.findOne(WorkOrder, { where: { id: orderId }, relations: { customer: true } })
  if (!order) throw notFound()
  if (order.status === 'void') throw conflict('intake.v.isVoid')
  return order
}

/** What orders.correct may change, as one comparable record (customer by its details, not only its id). */
function correctable(o: WorkOrder, c: Customer) {
  return {
    customer: { id: c.id, name: c.name, mobile: c.mobile, landline: c.landline, address: c.address },
    device: {
      category: o.category,
      brand: o.brand,
      model: o.model,
      serial: o.serial,
      colour: o.colour,
      imeiUnreadable: o.imeiUnreadable,
      imeiUnreadableReason: o.imeiUnreadableReason
    },
    fault: { description: o.faultDescription, codes: [...o.faultCodes] },
    condition: { ...o.condition },
    accessories: { items: [...o.accessories], other: o.accessoriesOther },
    promisedDate: o.promisedDate,
    warranty: { inWarranty: o.inWarranty, reasonKey: o.warrantyVerdict.reasonKey }
  }
}

/** Fixes typos before work starts (status 'received'); the ticket is printed again marked 更正. */
export async function correctOrder(ctx: HandlerContext, clerk: User, input: CorrectionData): Promise<{ order: OrderView; printJobs: PrintJobView[] }> {
  const { em, now } = ctx
  const order = await loadOrder(ctx, input.orderId)
  if (order.status !== 'received') throw conflict('intake.v.notReceived')
  const settings = await ctx.services.settings.load(em)
  const today = localDate(now, settings.timeZone)

  const fields: Record<string, string> = {}
  if (!settings.deviceCategories.some((c) => c.code === input.device.category)) fields['device.category'] = 'intake.v.category'
  if (input.fault.codes.some((code) => !settings.faultCodes.some((f) => f.code === code))) fields['fault.codes'] = 'intake.v.faultCode'
  if (input.customer.id && !(await em.existsBy(Customer, { id: input.customer.id }))) fields['customer.id'] = 'intake.v.customerMissing'
  if (input.promisedDate !== order.promisedDate && input.promisedDate < today) fields.promisedDate = 'intake.v.promisedPast'
  if (Object.keys(fields).length) throw validationError(fields)

  const before = correctable(order, order.customer)
  const { passcode, ...device } = input.device

  // The verdict depends on the device and its condition: judge again only when those changed.
  const judgedAgain =
    device.category !== order.category || device.serial !== order.serial || JSON.stringify(input.condition) !== JSON.stringify(before.condition)
  let inWarranty = order.inWarranty
  if (judgedAgain) {
    const verdict = await warrantyVerdict(em, settings, now, {
      category: device.category,
      component: order.warrantyVerdict.component,
      serial: device.serial,
      invoiceDate: order.invoiceDate,
      condition: input.condition
    })
    inWarranty = order.overrideInWarranty ?? verdict.inWarranty
    if (order.serviceType === 'warranty' && !inWarranty) throw new AppError('VALIDATION', 'intake.v.notCovered', {}, { condition: 'intake.v.notCovered' })
    order.warrantyVerdict = verdict
    order.inWarranty = inWarranty
  }
  // Only what this correction could have changed is warned about again.
  const warnings = (
    await warningsFor(em, {
      serial: device.serial === order.serial ? '' : device.serial,
      excludeOrderId: order.id,
      serviceType: judgedAgain && inWarranty !== before.warranty.inWarranty ? order.serviceType : null,
      estimateFen: order.estimateFen,
      depositFen: order.depositFen,
      finalInWarranty: inWarranty
    })
  ).filter((w) => w.code !== 'warrantyWithCharge')
  requireAcknowledged(warnings, input.acknowledgedWarnings)

  const customer = await upsertCustomer(em, input.customer, now, clerk.id)
  Object.assign(order, {
    customerId: customer.id,
    customer,
    ...device,
    faultDescription: input.fault.description,
    faultCodes: input.fault.codes,
    condition: input.condition,
    accessories: input.accessories.items,
    accessoriesOther: input.accessories.other,
    promisedDate: input.promisedDate
  })
  const diff = changes(before, correctable(order, customer))
  if (passcode !== undefined) {
    const had = order.passcodeSealed !== null
    // Never the passcode itself in the audit: only that it was set, replaced or erased.
    if (passcode || had) diff['device.passcode'] = { old: had ? 'set' : 'none', new: passcode ? (had ? 'replaced' : 'set') : 'none' }
    order.passcodeSealed = passcode ? sealPasscode(ctx.services.passcodeKeys, order.orderNo, passcode) : null
  }
  if (!Object.keys(diff).length) throw new AppError('VALIDATION', 'intake.v.noChange')
  order.correctedAt = now.toISOString()
  await em.save(order)
  await audit(em, { at: now, userId: clerk.id, action: 'order.correct', entity: 'work_order', entityId: order.id, detail: { orderNo: order.orderNo }, changes: diff })
  await auditAcknowledged(ctx, clerk.id, order.id, warnings, input.acknowledgedWarnings)

  // The customer holds the old ticket: a corrected one replaces it (numbered after every earlier copy).
  // Copies still waiting for the printer show the old details: they never print.
  const superseded = supersedeUnsentCopies(em, order.id)
  const kinds = !settings.printer.enabled ? [] : settings.printer.printDeviceTag ? (['claimTicket', 'deviceTag'] as const) : (['claimTicket'] as const)
  const printJobs: PrintJobView[] = []
  for (const kind of kinds) printJobs.push(await reprint(ctx, order.id, kind, superseded.find((j) => j.kind === kind)?.id ?? null))
  return { order: await loadOrderView(em, order.id), printJobs }
}

/**
 * Cancels an order taken by mistake (manager). It keeps its number and shows as void everywhere; a
 * deposit still held is paid back as a new 'refund' payment row (payments are never edited).
 */
export async function voidOrder(
  ctx: HandlerContext,
  manager: User,
  orderId: number,
  reason: string
): Promise<{ order: OrderView; refund: { amountFen: number; method: PaymentMethod } | null }> {
  const { em, now } = ctx
  const order = await loadOrder(ctx, orderId)
  if (order.returnedAt) throw conflict('intake.v.alreadyReturned')
  // A loaner lent on this order comes back first (its deposit is settled at its return).
  const loaner = openLoanerFor(em, orderId)
  if (loaner) throw conflict('intake.err.voidLoanerOut', { code: loaner.code, device: loaner.device })
  // The status machine first: only an order nobody has started on may be voided.
  moveOrder(em, { orderId, from: order.status, to: 'void', at: now, userId: manager.id, note: reason })
  const held = heldForOrder(em, orderId)
  let refund: { amountFen: number; method: PaymentMethod } | null = null
  if (held > 0) {
    // Paid back the way it was paid (the deposit's method).
    const method = (await em.findOne(Payment, { where: { orderId, kind: 'deposit' }, order: { id: 'ASC' } }))?.method ?? order.depositMethod ?? 'cash'
    recordPayment(em, { orderId, kind: 'refund', method, amountFen: -held, at: now, userId: manager.id })
    refund = { amountFen: held, method }
  }
  await em.update(WorkOrder, { id: orderId }, { voidedAt: now.toISOString(), voidedById: manager.id, voidReason: reason })
  await erasePasscode(em, orderId, now, manager.id)
  // A ticket or tag still waiting for the printer would come out clean, as if valid: it is
  // replaced by one marked 作废 (only then; a void prints nothing otherwise).
  const superseded = supersedeUnsentCopies(em, orderId)
  for (const kind of new Set(superseded.map((j) => j.kind))) await reprint(ctx, orderId, kind, superseded.find((j) => j.kind === kind)!.id)
  await audit(em, {
    at: now,
    userId: manager.id,
    action: 'order.void',
    entity: 'work_order',
    entityId: orderId,
    detail: { orderNo: order.orderNo, reason, refundFen: refund?.amountFen ?? 0 },
    changes: { status: { old: order.status, new: 'void' } }
  })
  return { order: await loadOrderView(em, orderId), refund }
}

/** Fills in the IMEI of an order taken in as "IMEI not readable now". */
export async function supplyImei(ctx: HandlerContext, user: User, orderId: number, serial: string): Promise<OrderView> {
  const order = await loadOrder(ctx, orderId)
  if (!isImeiPending(order)) throw conflict('intake.v.imeiNotPending')
  if (order.category === 'phone' && !isValidImei(serial)) throw validationError({ serial: 'v.imei' })
  await ctx.em.update(WorkOrder, { id: orderId }, { serial })
  await audit(ctx.em, {
    at: ctx.now,
    userId: user.id,
    action: 'order.supplyImei',
    entity: 'work_order',
    entityId: orderId,
    changes: { 'device.serial': { old: '', new: serial } }
  })
  // The IMEI was unknown at intake, so the comeback check (返修) runs now that it is known.
  const { timeZone } = await ctx.services.settings.load(ctx.em)
  await detectComeback(ctx.em, { orderId, serial, at: ctx.now, userId: user.id, timeZone })
  return loadOrderView(ctx.em, orderId)
}

/** The passcode for the technician who tests the device; who read it and when is audited. */
export async function revealPasscode(ctx: HandlerContext, user: User, orderId: number): Promise<{ passcode: string }> {
  const order = await ctx.em.findOne(WorkOrder, { where: { id: orderId }, select: { id: true, orderNo: true, passcodeSealed: true } })
  if (!order) throw notFound()
  if (!order.passcodeSealed) throw new AppError('NOT_FOUND', 'intake.v.noPasscode')
  const passcode = openPasscode(ctx.services.passcodeKeys, order.orderNo, order.passcodeSealed)
  await audit(ctx.em, { at: ctx.now, userId: user.id, action: 'order.revealPasscode', entity: 'work_order', entityId: orderId })
  return { passcode }
}
