import type { EntityManager } from 'typeorm'
import type { IntakeData, OrderView } from '@shared/contract/intake'
import type { PrintJobView } from '@shared/contract/printing'
import type { StoreSettings } from '@shared/contract/settings'
import { invoiceDateProblem, localDate } from '@shared/domain/dates'
import type { HandlerContext } from '../core/context'
import { validationError } from '../core/errors'
import { audit } from '../audit/audit'
import type { User } from '../auth/user.entity'
import { prepared } from '../db/prepared'
import { upsertCustomer } from '../customers/service'
import { detectComeback } from '../customers/comebacks'
import { recordPayment } from '../payments/service'
import { logOrderEvent } from '../repairs/status'
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
  if (input.customer.id && !prepared(em, CUSTOMER_EXISTS).get(input.customer.id)) fields['customer.id'] = 'intake.v.customerMissing'
  if (input.service.technicianId && !prepared(em, ACTIVE_TECHNICIAN).get(input.service.technicianId)) fields['service.technicianId'] = 'intake.v.technician'
  if (input.service.promisedDate < today) fields['service.promisedDate'] = 'intake.v.promisedPast'
  const invoiceDate = invoiceDateProblem(input.purchase.invoiceDate, today)
  if (invoiceDate) fields['purchase.invoiceDate'] = invoiceDate
  if (Object.keys(fields).length) throw validationError(fields)
}

const CUSTOMER_EXISTS = `SELECT 1 FROM customer WHERE id = ?`
const ACTIVE_TECHNICIAN = `SELECT 1 FROM "user" WHERE id = ? AND active = 1 AND role = 'technician'`
const INSERT_ORDER = `INSERT INTO work_order (orderNo, claimCode, status, receivedAt, returnedAt, customerId,
    category, brand, model, serial, colour, imeiUnreadable, imeiUnreadableReason, passcodeSealed,
    invoiceDate, invoiceNo, faultDescription, faultCodes, condition, accessories, accessoriesOther,
    warrantyVerdict, inWarranty, overrideInWarranty, overrideReason,
    serviceType, estimateFen, depositFen, depositMethod, promisedDate, technicianId, createdById)
  VALUES (?, ?, 'received', ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
const bit = (b: boolean) => (b ? 1 : 0)

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
  const customer = await upsertCustomer(em, input.customer, now, clerk.id)
  const orderNo = await allocateOrderNo(em, today)
  const { passcode, ...device } = input.device
  const claimCode = await newClaimCode(em)
  const orderId = Number(
    prepared(em, INSERT_ORDER).run(
      orderNo,
      claimCode,
      stamp,
      customer.id,
      device.category,
      device.brand,
      device.model,
      device.serial,
      device.colour,
      bit(device.imeiUnreadable),
      device.imeiUnreadableReason,
      passcode ? sealPasscode(ctx.services.passcodeKeys, orderNo, passcode) : null,
      input.purchase.invoiceDate,
      input.purchase.invoiceNo,
      input.fault.description,
      JSON.stringify(input.fault.codes),
      JSON.stringify(input.condition),
      JSON.stringify(input.accessories.items),
      input.accessories.other,
      JSON.stringify(verdict),
      bit(inWarranty),
      override ? bit(override.inWarranty) : null,
      override ? override.reason : null,
      input.service.type,
      input.service.estimateFen,
      input.service.depositFen,
      input.service.depositFen > 0 ? input.service.depositMethod : null,
      input.service.promisedDate,
      input.service.technicianId,
      clerk.id
    ).lastInsertRowid
  )
  const order = { id: orderId, orderNo }
  // The timeline starts here (repairs/status.ts logs every later step).
  logOrderEvent(em, { orderId, at: now, userId: clerk.id, kind: 'status', toStatus: 'received' })
  if (input.service.depositFen > 0 && input.service.depositMethod) {
    recordPayment(em, { orderId, kind: 'deposit', method: input.service.depositMethod, amountFen: input.service.depositFen, at: now, userId: clerk.id })
  }
  // Same device picked up here within 3 months: a comeback (返修), labour free while flagged.
  await detectComeback(em, { orderId, serial: device.serial, at: now, userId: clerk.id, timeZone: settings.timeZone })
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
