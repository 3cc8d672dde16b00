import { z } from 'zod'
import { channel, readOnly } from './channel'
import { catalogueCode, fen, halfWidth, id, landline, mobile, optionalText, plainDate, requiredText } from './fields'
import { isValidImei } from '../domain/imei'
import { codePointLabel, unprintableMessage } from './printable'
import type { ConditionCheck, WarrantyVerdict } from '../domain/warranty'
import type { PrintJobView } from './printing'

export const ACCESSORIES = ['battery', 'charger', 'cable', 'simTray', 'backCover', 'memoryCard', 'box'] as const
export const SERVICE_TYPES = ['warranty', 'paid', 'contract'] as const
/** Payment methods and kinds live in the payments domain. */
export { PAYMENT_METHODS, type PaymentMethod } from '../domain/payments'
import { PAYMENT_METHODS, type PaymentMethod } from '../domain/payments'
/** Statuses and their legal steps live in the order-status domain ('void': taken in by mistake, keeps its number). */
export { ORDER_STATUSES, type OrderStatus } from '../domain/order-status'
import type { OrderStatus } from '../domain/order-status'
export type ServiceType = (typeof SERVICE_TYPES)[number]

export const CustomerInput = z.object({
  /** Set when the clerk picked an existing customer; details are updated from the form. */
  id: id.optional(),
  name: requiredText(40),
  mobile,
  landline,
  address: optionalText(120)
})

/** IMEI / serial: typed or scanned, full-width digits normalised, spaces dropped. */
export const serialNumber = z
  .string()
  .overwrite((s) => halfWidth(s).replace(/\s+/g, '').toUpperCase())
  .max(40, { error: 'v.tooLong|max=40' })
  .superRefine((s, ctx) => {
    const message = unprintableMessage(s)
    if (message) ctx.addIssue({ code: 'custom', message, input: s })
  })
  .default('')

/**
 * Device passcode / unlock pattern (a pattern as the dots 1-9 in order, e.g. "1-5-9-6").
 * Write-only: stored encrypted, never printed, never in OrderView (only `hasPasscode`).
 */
export const passcode = z
  .string()
  .max(64, { error: 'v.tooLong|max=64' })
  .superRefine((s, ctx) => {
    const control = /[\u0000-\u001f\u007f-\u009f]/.exec(s)
    if (control) ctx.addIssue({ code: 'custom', message: `v.text.control|code=${codePointLabel(control[0].charCodeAt(0))}`, input: s })
  })
  .default('')

export const DeviceInput = z.object({
  category: catalogueCode,
  brand: requiredText(40),
  model: requiredText(60),
  serial: serialNumber,
  colour: optionalText(20),
  /** A phone taken in while its IMEI cannot be read (dark screen, no tray): the IMEI is filled in later. */
  imeiUnreadable: z.boolean().default(false),
  /** Required when imeiUnreadable. */
  imeiUnreadableReason: optionalText(100),
  passcode
})

export const ConditionInput = z.object({
  screenCracked: z.boolean().default(false),
  scratchesDents: z.boolean().default(false),
  waterDamage: z.boolean().default(false),
  sealsIntact: z.boolean().default(true),
  powersOn: z.boolean().default(true),
  other: optionalText(200)
}) satisfies z.ZodType<ConditionCheck, unknown>

/** What the warranty check needs; the intake screen asks for a verdict as the clerk types. */
export const WarrantyCheckInput = z.object({
  category: catalogueCode,
  component: catalogueCode.default('main'),
  serial: optionalText(40),
  invoiceDate: plainDate.nullable().default(null),
  condition: ConditionInput
})

/**
 * Contradictions that may be right (a second order for one IMEI, free service with a charge, paid
 * service while in warranty): shown before saving, saved only with a reason each (audited).
 */
export const WARNING_CODES = ['openOrderSameSerial', 'warrantyWithCharge', 'paidInWarranty'] as const
export type WarningCode = (typeof WARNING_CODES)[number]
export interface IntakeWarning {
  code: WarningCode
  /** openOrderSameSerial: the open order holding the same IMEI/serial (link to it). */
  orderId?: number
  orderNo?: string
}
export const AcknowledgedWarning = z.object({ code: z.enum(WARNING_CODES, { error: 'v.choice' }), reason: requiredText(200) })
export const acknowledgedWarnings = z.array(AcknowledgedWarning).max(WARNING_CODES.length).default([])

function checkImei(
  device: Pick<z.output<typeof DeviceInput>, 'category' | 'serial' | 'imeiUnreadable' | 'imeiUnreadableReason'>,
  ctx: z.RefinementCtx, path: (string | number)[]): void {
  if (device.imeiUnreadable) {
    if (!device.imeiUnreadableReason) ctx.addIssue({ code: 'custom', path: [...path, 'imeiUnreadableReason'], message: 'v.required' })
    // "Not readable" and a typed IMEI contradict each other; the clerk clears one of them.
    if (device.serial) ctx.addIssue({ code: 'custom', path: [...path, 'serial'], message: 'intake.v.imeiUnreadableButGiven' })
    return
  }
  if (device.category === 'phone' && device.serial && !isValidImei(device.serial)) {
    ctx.addIssue({ code: 'custom', path: [...path, 'serial'], message: 'v.imei' })
  }
  if (device.category === 'phone' && !device.serial) {
    ctx.addIssue({ code: 'custom', path: [...path, 'serial'], message: 'intake.v.imeiRequired' })
  }
}

export const IntakeInput = z
  .object({
    customer: CustomerInput,
    device: DeviceInput,
    purchase: z.object({ invoiceDate: plainDate.nullable().default(null), invoiceNo: optionalText(40) }),
    fault: z.object({ description: requiredText(500, { multiline: true }), codes: z.array(catalogueCode).max(20).default([]) }),
    condition: ConditionInput,
    accessories: z.object({ items: z.array(z.enum(ACCESSORIES)).default([]), other: optionalText(100) }),
    warranty: z.object({
      component: catalogueCode.default('main'),
      /** The clerk's override of the computed verdict; the reason is audited. */
      override: z.object({ inWarranty: z.boolean(), reason: requiredText(200) }).nullable().default(null)
    }),
    service: z.object({
      type: z.enum(SERVICE_TYPES, { error: 'v.choice' }),
      estimateFen: fen,
      depositFen: fen,
      depositMethod: z.enum(PAYMENT_METHODS, { error: 'v.choice' }).nullable().default(null),
      promisedDate: plainDate,
      technicianId: id.nullable().default(null)
    }),
    /** Warnings the clerk has seen and saves anyway, each with a reason (see intake.warnings). */
    acknowledgedWarnings
  })
  .superRefine((v, ctx) => {
    checkImei(v.device, ctx, ['device'])
    if (v.service.depositFen > v.service.estimateFen) {
      ctx.addIssue({ code: 'custom', path: ['service', 'depositFen'], message: 'intake.v.depositOverEstimate' })
    }
    if (v.service.depositFen > 0 && !v.service.depositMethod) {
      ctx.addIssue({ code: 'custom', path: ['service', 'depositMethod'], message: 'v.required' })
    }
  })
export type IntakeInput = z.input<typeof IntakeInput>
export type IntakeData = z.output<typeof IntakeInput>

/** Missing or not (yet) valid -> the fallback, so a half-typed form is still answered. */
const lenient = <T extends z.ZodType>(schema: T, fallback: z.output<T>) =>
  schema
    .optional()
    .transform((v) => (v === undefined ? fallback : v) as z.output<T>)
    .catch(fallback as never)

/**
 * intake.warnings: the same shape as intake.create's input, read leniently (a half-typed form still
 * gets its warnings; what is not valid yet counts as absent). Unknown keys are ignored.
 */
export const IntakeWarningsInput = z.object({
  /** When correcting an order: that order itself is not "another open order". */
  orderId: lenient(id.nullable(), null),
  device: lenient(z.object({ category: lenient(catalogueCode, 'other'), serial: lenient(serialNumber, '') }), { category: 'other', serial: '' }),
  purchase: lenient(z.object({ invoiceDate: lenient(plainDate.nullable(), null) }), { invoiceDate: null }),
  condition: lenient(ConditionInput, { screenCracked: false, scratchesDents: false, waterDamage: false, sealsIntact: true, powersOn: true, other: '' }),
  warranty: lenient(
    z.object({
      component: lenient(catalogueCode, 'main'),
      override: lenient(z.object({ inWarranty: z.boolean() }).nullable(), null)
    }),
    { component: 'main', override: null }
  ),
  service: lenient(
    z.object({ type: lenient(z.enum(SERVICE_TYPES).nullable(), null), estimateFen: lenient(fen, 0), depositFen: lenient(fen, 0) }),
    { type: null, estimateFen: 0, depositFen: 0 }
  )
})
export type IntakeWarningsInput = z.input<typeof IntakeWarningsInput>

/** orders.correct: what a clerk may fix before work starts (status 'received'). */
export const CorrectionInput = z
  .object({
    orderId: id,
    customer: CustomerInput,
    /** passcode: absent = unchanged, '' = erase, text = replace. */
    device: DeviceInput.extend({ passcode: passcode.removeDefault().optional() }),
    fault: z.object({ description: requiredText(500, { multiline: true }), codes: z.array(catalogueCode).max(20).default([]) }),
    condition: ConditionInput,
    accessories: z.object({ items: z.array(z.enum(ACCESSORIES)).default([]), other: optionalText(100) }),
    promisedDate: plainDate,
    acknowledgedWarnings
  })
  .superRefine((v, ctx) => checkImei(v.device, ctx, ['device']))
export type CorrectionInput = z.input<typeof CorrectionInput>
export type CorrectionData = z.output<typeof CorrectionInput>

export interface CustomerView {
  id: number
  name: string
  mobile: string
  landline: string
  address: string
}

export interface OrderSummary {
  id: number
  orderNo: string
  status: OrderStatus
  receivedAt: string
  customerName: string
  customerMobile: string
  deviceLabel: string
  serial: string
  serviceType: ServiceType
  promisedDate: string
  /** When the device left the shop (handed back); null while it is here. */
  returnedAt: string | null
}

export interface DeviceView {
  category: string
  brand: string
  model: string
  serial: string
  colour: string
  imeiUnreadable: boolean
  imeiUnreadableReason: string
  /** The IMEI still has to be filled in (orders.supplyImei) before the device may leave the shop. */
  imeiPending: boolean
  /** A passcode is stored (encrypted); technicians/managers read it with orders.revealPasscode. */
  hasPasscode: boolean
}

export interface OrderView {
  id: number
  orderNo: string
  claimCode: string
  status: OrderStatus
  receivedAt: string
  customer: CustomerView
  device: DeviceView
  purchase: { invoiceDate: string | null; invoiceNo: string }
  fault: { description: string; codes: string[] }
  condition: ConditionCheck
  accessories: { items: (typeof ACCESSORIES)[number][]; other: string }
  /** The computed verdict at intake, and the final one after any override. */
  warranty: WarrantyVerdict & { finalInWarranty: boolean; override: { inWarranty: boolean; reason: string } | null }
  service: {
    type: ServiceType
    estimateFen: number
    depositFen: number
    depositMethod: PaymentMethod | null
    promisedDate: string
    technician: { id: number; displayName: string } | null
  }
  createdBy: { id: number; displayName: string }
  /** Last correction (orders.correct); tickets printed after it are marked "更正". */
  correctedAt: string | null
  /** Set when status is 'void'. */
  voided: { at: string; by: { id: number; displayName: string }; reason: string } | null
  /** The loaner (备用机) the customer has out on this order, printed on the claim ticket (loaners/). */
  loaner?: { code: string; device: string; serial: string; depositFen: number; dueDate: string } | null
}

export interface CustomerHistory {
  customer: CustomerView
  orders: OrderSummary[]
}

export const intakeContract = {
  /** Find customers by mobile (prefix) or name (contains) as the clerk types. */
  'customers.search': readOnly(channel<CustomerView[]>()(z.object({ query: z.string().trim().max(40) }), ['counter', 'manager'])),
  'customers.history': readOnly(channel<CustomerHistory>()(z.object({ customerId: id }), ['counter', 'manager'])),
  'intake.checkWarranty': readOnly(channel<WarrantyVerdict>()(WarrantyCheckInput, ['counter', 'manager'])),
  'intake.technicians': readOnly(channel<{ id: number; displayName: string }[]>()(z.object({}).default({}), ['counter', 'manager'])),
  /** Live warnings for the intake (or correction) form; intake.create refuses while any is unacknowledged. */
  'intake.warnings': channel<IntakeWarning[]>()(IntakeWarningsInput, ['counter', 'manager']),
  'intake.create': channel<{ order: OrderView; printJobs: PrintJobView[] }>()(IntakeInput, ['counter', 'manager']),
  /** Fix an order before work starts; every change audited (old/new), the ticket reprinted marked "更正". */
  'orders.correct': channel<{ order: OrderView; printJobs: PrintJobView[] }>()(CorrectionInput, ['counter', 'manager']),
  /** Cancel an order taken by mistake: keeps its number; a held deposit is refunded (a 'refund' payment row). */
  'orders.void': channel<{ order: OrderView; refund: { amountFen: number; method: PaymentMethod } | null }>()(
    z.object({ orderId: id, reason: requiredText(200) }),
    ['manager']
  ),
  /** The IMEI of an order taken in as "IMEI not readable", once it can be read (any time before hand-back). */
  'orders.supplyImei': channel<OrderView>()(
    z.object({ orderId: id, serial: serialNumber }).superRefine((v, ctx) => {
      if (!v.serial) ctx.addIssue({ code: 'custom', path: ['serial'], message: 'v.required' })
    }),
    ['counter', 'technician', 'manager']
  ),
  /** The device passcode, on demand (audited). Never in OrderView, never printed. */
  'orders.revealPasscode': channel<{ passcode: string }>()(z.object({ orderId: id }), ['technician', 'manager']),
  'orders.get': readOnly(channel<OrderView>()(z.object({ orderId: id }), 'signedIn')),
  'orders.list': readOnly(channel<OrderSummary[]>()(
    z.object({ query: z.string().trim().max(40).default(''), limit: z.number().int().min(1).max(200).default(50) }),
    'signedIn'
  ))
}
