import { ACCESSORIES, IntakeInput, type PaymentMethod, type ServiceType, type WarningCode } from '@shared/contract/intake'
import { splitMessage } from '@shared/contract/fields'
import { parseTypedDate, readTypedDate } from '@shared/domain/date-input'
import type { StoreSettings } from '@shared/contract/settings'
import type { ConditionCheck } from '@shared/domain/warranty'
import { addDays, localDate } from '@shared/domain/dates'
import { parseYuan } from '@shared/domain/money'
import type { Translate } from '@shared/i18n'
import { validate, type FieldErrors } from '../ui/validation'

export type Accessory = (typeof ACCESSORIES)[number]

/** What the intake screen edits: close to IntakeInput, but money as typed text and the override as a toggle. */
export interface IntakeForm {
  customer: { id?: number; name: string; mobile: string; landline: string; address: string }
  device: {
    category: string
    brand: string
    model: string
    serial: string
    colour: string
    imeiUnreadable: boolean
    imeiUnreadableReason: string
    passcode: string
  }
  /** invoiceDate as typed ('' = no invoice): read by the shared date parser, never reformatted mid-typing. */
  purchase: { invoiceDate: string; invoiceNo: string }
  fault: { description: string; codes: string[] }
  condition: ConditionCheck
  accessories: { items: Accessory[]; other: string }
  warranty: { component: string; overrideOn: boolean; overrideIn: boolean; overrideReason: string }
  service: {
    type: ServiceType
    /** False until the clerk picks a type: until then it follows the warranty verdict. */
    typeChosen: boolean
    estimate: string
    deposit: string
    depositMethod: PaymentMethod | null
    /** As typed, like the invoice date. */
    promisedDate: string
    technicianId: number | null
  }
  /** The clerk's reason for each contradiction they save anyway (see intake.warnings). */
  warningReasons: Partial<Record<WarningCode, string>>
}

export const PROMISE_DAYS = 7

export function storeToday(settings: StoreSettings): string {
  return localDate(new Date(), settings.timeZone)
}

export function emptyIntake(settings: StoreSettings): IntakeForm {
  return {
    customer: { name: '', mobile: '', landline: '', address: '' },
    device: {
      category: settings.deviceCategories[0]?.code ?? 'phone',
      brand: '',
      model: '',
      serial: '',
      colour: '',
      imeiUnreadable: false,
      imeiUnreadableReason: '',
      passcode: ''
    },
    purchase: { invoiceDate: '', invoiceNo: '' },
    fault: { description: '', codes: [] },
    condition: { screenCracked: false, scratchesDents: false, waterDamage: false, sealsIntact: true, powersOn: true, other: '' },
    accessories: { items: [], other: '' },
    warranty: { component: 'main', overrideOn: false, overrideIn: false, overrideReason: '' },
    service: {
      type: 'paid',
      typeChosen: false,
      estimate: '',
      deposit: '',
      depositMethod: null,
      promisedDate: addDays(storeToday(settings), PROMISE_DAYS),
      technicianId: null
    },
    warningReasons: {}
  }
}

/** The date a typed field saves; text that is no date goes through as typed so the schema refuses it. */
export function typedDate(text: string): string | null {
  const r = parseTypedDate(text)
  return r.ok ? r.date : text
}

/** Empty money means zero; text that is not an amount becomes NaN so the schema rejects it. */
function money(text: string): number {
  if (!text.trim()) return 0
  return parseYuan(text) ?? Number.NaN
}

export function toIntakeInput(f: IntakeForm): IntakeInput {
  const { id, ...customer } = f.customer
  return {
    customer: id ? { id, ...customer } : customer,
    device: f.device,
    purchase: { invoiceDate: typedDate(f.purchase.invoiceDate), invoiceNo: f.purchase.invoiceNo },
    fault: f.fault,
    condition: f.condition,
    accessories: f.accessories,
    warranty: {
      component: f.warranty.component,
      override: f.warranty.overrideOn ? { inWarranty: f.warranty.overrideIn, reason: f.warranty.overrideReason } : null
    },
    service: {
      type: f.service.type,
      estimateFen: money(f.service.estimate),
      depositFen: money(f.service.deposit),
      depositMethod: f.service.depositMethod,
      promisedDate: typedDate(f.service.promisedDate) ?? '',
      technicianId: f.service.technicianId
    },
    acknowledgedWarnings: Object.entries(f.warningReasons)
      .filter(([, reason]) => reason?.trim())
      .map(([code, reason]) => ({ code: code as WarningCode, reason: reason ?? '' }))
  }
}

/** Each date field's own limits: an invoice is not from the future, a promise not in the past. */
export function dateErrors(f: IntakeForm, t: Translate, today: string): FieldErrors {
  const out: FieldErrors = {}
  const invoice = readTypedDate(f.purchase.invoiceDate, { max: today, today })
  const promised = readTypedDate(f.service.promisedDate, { min: today, today }, true)
  for (const [path, r] of [['purchase.invoiceDate', invoice], ['service.promisedDate', promised]] as const) {
    if (r.ok) continue
    const { key, params } = splitMessage(r.message)
    out[path] = t(key, params)
  }
  return out
}

/** "fault.codes.2" -> "fault.codes": list items have no field of their own, their list does. */
export function collapseItemPaths(errors: FieldErrors): FieldErrors {
  const out: FieldErrors = {}
  for (const [path, message] of Object.entries(errors)) {
    const owner = path.replace(/\.\d+(\..*)?$/, '')
    if (!(owner in out)) out[owner] = message
  }
  return out
}

/** The same schema main checks with, plus the money text the schema never sees. */
export function checkIntake(f: IntakeForm, t: Translate, today: string): FieldErrors {
  const errors = { ...collapseItemPaths(validate(IntakeInput, toIntakeInput(f), t).errors), ...dateErrors(f, t, today) }
  for (const [text, path] of [
    [f.service.estimate, 'service.estimateFen'],
    [f.service.deposit, 'service.depositFen']
  ] as const) {
    if (text.trim() && parseYuan(text) === null) errors[path] = t('v.money')
  }
  return errors
}

/** Final verdict after the clerk's override, or null while the check has not answered. */
export function finalInWarranty(f: IntakeForm, computed: boolean | undefined): boolean | undefined {
  return f.warranty.overrideOn ? f.warranty.overrideIn : computed
}
