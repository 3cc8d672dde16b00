import type { EntityManager } from 'typeorm'
import type { IntakeData, OrderView } from '@shared/contract/intake'
import type { PrintJobView } from '@shared/contract/printing'
import type { StoreSettings } from '@shared/contract/settings'
import { invoiceDateProblem, localDate } from '@shared/domain/dates'
import type { HandlerContext } from '../core/context'
import { validationError } from '../core/errors'
import { audit } from '../audit/audit'
import { User } from '../auth/user.entity'
import { Customer } from './customer.entity'
import { Payment } from './payment.entity'
import { WorkOrder } from './work-order.entity'
import { allocateOrderNo, newClaimCode } from './numbering'
import { loadOrderView } from './views'
import { warrantyVerdict } from './warranty'
import { auditAcknowledged, requireAcknowledged, warningsFor } from './warnings'
import { sealPasscode } from './passcode'
import { recordDevice } from '../devices/suggestions'

/** Rules that need the database or the store's settings; the shape rules live in the zod schema. */
async function checkReferences(em: EntityManager, input: IntakeData, settings: StoreSettings, today: string): Promise<void> {
  const fields: Record<string, string> = {}
  if (!settings.deviceCategories.some((c) => c.code === input.device.category)) fields['device.category'] = 'intake.v.category'
  const unknownCode = input.fault.codes.findIndex((code) => !settings.faultCodes.some((f) => f.code === code))
  if (unknownCode >= 0) fields['fault.codes'] = 'intake.v.faultCode'
  if (input.customer.id && !(await em.existsBy(Customer, { id: input.customer.id }))) fields['customer.id'] = 'intake.v.customerMissing'
  if (input.service.technicianId) {
    const tech = await em.findOneBy(User, { id: input.service.technicianId, active: true, role: 'technician' })
    if (!tech) fields['service.technicianId'] = 'intake.v.technician'
  }
  if (input.service.promisedDate < today) fields['service.promisedDate'] = 'intake.v.promisedPast'
  const invoiceDate = invoiceDateProblem(input.purchase.invoiceDate, today)
  if (invoiceDate) fields['purchase.invoiceDate'] = invoiceDate
  if (Object.keys(fields).length) throw validationError(fields)
}

/** Picks the customer the clerk chose, or the one with this mobile and name, or creates one. */
export async function upsertCustomer(em: EntityManager, input: IntakeData['customer'], now: string): Promise<Customer> {
  const existing = input.id
    ? await em.findOneByOrFail(Customer, { id: input.id })
    : await em.findOneBy(Customer, { mobile: input.mobile, name: input.name })
  const customer = existing ?? em.create(Customer, { createdAt: now })
  Object.assign(customer, { name: input.name, mobile: input.mobile, landline: input.landline, address: input.address, updatedAt: now })
  return em.save(customer)
}

/** Takes a device in: one transaction for customer, order number, order, deposit, audit and print jobs. */
export async function createIntake(
  ctx: HandlerContext,
  clerk: User,
  input: IntakeData
): Promise<{ order: OrderView; printJobs: PrintJobView[] }> {
  const { em, now } = ctx
  const settings = await ctx.services.settings.load(em)
  const today = localDate(now, settings.timeZone)
  await checkReferences(em, input, settings, today)

  const verdict = await warrantyVerdict(em, settings, now, {
    category: input.device.category,
    component: input.warranty.component,
    serial: input.device.serial,
    invoiceDate: input.purchase.invoiceDate,
    condition: input.condition
  })
  const override = input.warranty.override
  const inWarranty = override ? override.inWarranty : verdict.inWarranty
  if (input.service.type === 'warranty' && !inWarranty) throw validationError({ 'service.type': 'intake.v.notCovered' })
  const { estimateFen, depositFen } = input.service
  const warnings = await warningsFor(em, { serial: input.device.serial, serviceType: input.service.type, estimateFen, depositFen, finalInWarranty: inWarranty })
  requireAcknowledged(warnings, input.acknowledgedWarnings)

  const stamp = now.toISOString()
  const customer = await upsertCustomer(em, input.customer, stamp)
  const orderNo = await allocateOrderNo(em, today)
  const { passcode, ...device } = input.device
  const order = await em.save(
    em.create(WorkOrder, {
      orderNo,
      claimCode: await newClaimCode(em),
      status: 'received',
      receivedAt: stamp,
      returnedAt: null,
      customerId: customer.id,
      ...device,
      passcodeSealed: passcode ? sealPasscode(ctx.services.passcodeKeys, orderNo, passcode) : null,
      invoiceDate: input.purchase.invoiceDate,
      invoiceNo: input.purchase.invoiceNo,
      faultDescription: input.fault.description,
      faultCodes: input.fault.codes,
      condition: input.condition,
      accessories: input.accessories.items,
      accessoriesOther: input.accessories.other,
      warrantyVerdict: verdict,
      inWarranty,
      overrideInWarranty: override ? override.inWarranty : null,
      overrideReason: override ? override.reason : null,
      serviceType: input.service.type,
      estimateFen: input.service.estimateFen,
      depositFen: input.service.depositFen,
      depositMethod: input.service.depositFen > 0 ? input.service.depositMethod : null,
      promisedDate: input.service.promisedDate,
      technicianId: input.service.technicianId,
      createdById: clerk.id
    })
  )
  if (input.service.depositFen > 0 && input.service.depositMethod) {
    await em.insert(Payment, {
      orderId: order.id,
      kind: 'deposit',
      method: input.service.depositMethod,
      amountFen: input.service.depositFen,
      receivedAt: stamp,
      userId: clerk.id
    })
  }
  await audit(em, { at: now, userId: clerk.id, action: 'intake.create', entity: 'work_order', entityId: order.id, detail: { orderNo: order.orderNo } })
  // The brand and model become suggestions for the next clerk (devices/suggestions.ts).
  await recordDevice(em, input.device, now)
  await auditAcknowledged(ctx, clerk.id, order.id, warnings, input.acknowledgedWarnings)
  if (override) {
    await audit(em, {
      at: now,
      userId: clerk.id,
      action: 'warranty.override',
      entity: 'work_order',
      entityId: order.id,
      detail: { computed: verdict.inWarranty, reasonKey: verdict.reasonKey, final: override.inWarranty, reason: override.reason }
    })
  }

  const view = await loadOrderView(em, order.id)
  // No receipt printer set up: nothing is queued (the A4 PDF is the ticket), so enabling one later
  // does not print a backlog of old tickets.
  const kinds = !settings.printer.enabled ? [] : settings.printer.printDeviceTag ? (['claimTicket', 'deviceTag'] as const) : (['claimTicket'] as const)
  const printJobs: PrintJobView[] = []
  // Cash taken: the drawer opens through the receipt printer (queued like a print; printing/queue.ts).
  if (input.service.depositFen > 0 && input.service.depositMethod === 'cash') {
    const kick = await ctx.services.printQueue.openCashDrawer(em, { orderId: order.id, settings, userId: clerk.id, now })
    if (kick) printJobs.push(kick)
  }
  for (const kind of kinds) {
    printJobs.push(await ctx.services.printQueue.enqueue(em, { order: view, kind, settings, userId: clerk.id, now }))
  }
  ctx.afterCommit(() => ctx.services.printQueue.kick())
  return { order: view, printJobs }
}
