import { z } from 'zod'
import { channel } from './channel'
import { catalogueCode, fen, halfWidth, id, landline, mobile, optionalText, plainDate, requiredText } from './fields'
import { isValidImei } from '../domain/imei'
import type { ConditionCheck, WarrantyVerdict } from '../domain/warranty'
import type { PrintJobView } from './printing'

export const ACCESSORIES = ['battery', 'charger', 'cable', 'simTray', 'backCover', 'memoryCard', 'box'] as const
export const SERVICE_TYPES = ['warranty', 'paid', 'contract'] as const
export const PAYMENT_METHODS = ['cash', 'wechat', 'alipay', 'card', 'other'] as const
export const ORDER_STATUSES = ['received'] as const
export type ServiceType = (typeof SERVICE_TYPES)[number]
export type PaymentMethod = (typeof PAYMENT_METHODS)[number]
export type OrderStatus = (typeof ORDER_STATUSES)[number]

export const CustomerInput = z.object({
  /** Set when the clerk picked an existing customer; details are updated from the form. */
  id: id.optional(),
  name: requiredText(40),
  mobile,
  landline,
  address: optionalText(120)
})

export const DeviceInput = z.object({
  category: catalogueCode,
  brand: requiredText(40),
  model: requiredText(60),
  /** IMEI / serial: typed or scanned, full-width digits normalised, spaces dropped. */
  serial: z.string().overwrite((s) => halfWidth(s).replace(/\s+/g, '').toUpperCase()).max(40, { error: 'v.tooLong|max=40' }).default(''),
  colour: optionalText(20)
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

export const IntakeInput = z
  .object({
    customer: CustomerInput,
    device: DeviceInput,
    purchase: z.object({ invoiceDate: plainDate.nullable().default(null), invoiceNo: optionalText(40) }),
    fault: z.object({ description: requiredText(500), codes: z.array(catalogueCode).max(20).default([]) }),
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
    })
  })
  .superRefine((v, ctx) => {
    if (v.device.category === 'phone' && v.device.serial && !isValidImei(v.device.serial)) {
      ctx.addIssue({ code: 'custom', path: ['device', 'serial'], message: 'v.imei' })
    }
    if (v.device.category === 'phone' && !v.device.serial) {
      ctx.addIssue({ code: 'custom', path: ['device', 'serial'], message: 'v.required' })
    }
    if (v.service.depositFen > v.service.estimateFen) {
      ctx.addIssue({ code: 'custom', path: ['service', 'depositFen'], message: 'intake.v.depositOverEstimate' })
    }
    if (v.service.depositFen > 0 && !v.service.depositMethod) {
      ctx.addIssue({ code: 'custom', path: ['service', 'depositMethod'], message: 'v.required' })
    }
  })
export type IntakeInput = z.input<typeof IntakeInput>
export type IntakeData = z.output<typeof IntakeInput>

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
}

export interface OrderView {
  id: number
  orderNo: string
  claimCode: string
  status: OrderStatus
  receivedAt: string
  customer: CustomerView
  device: z.output<typeof DeviceInput>
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
}

export interface CustomerHistory {
  customer: CustomerView
  orders: OrderSummary[]
}

export const intakeContract = {
  /** Find customers by mobile (prefix) or name (contains) as the clerk types. */
  'customers.search': channel<CustomerView[]>()(z.object({ query: z.string().trim().max(40) }), ['counter', 'manager']),
  'customers.history': channel<CustomerHistory>()(z.object({ customerId: id }), ['counter', 'manager']),
  'intake.checkWarranty': channel<WarrantyVerdict>()(WarrantyCheckInput, ['counter', 'manager']),
  'intake.technicians': channel<{ id: number; displayName: string }[]>()(z.object({}).default({}), ['counter', 'manager']),
  'intake.create': channel<{ order: OrderView; printJobs: PrintJobView[] }>()(IntakeInput, ['counter', 'manager']),
  'orders.get': channel<OrderView>()(z.object({ orderId: id }), 'signedIn'),
  'orders.list': channel<OrderSummary[]>()(
    z.object({ query: z.string().trim().max(40).default(''), limit: z.number().int().min(1).max(200).default(50) }),
    'signedIn'
  )
}
