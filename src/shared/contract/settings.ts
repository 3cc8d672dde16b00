import { z } from 'zod'
import { channel } from './channel'
import { catalogueCode, optionalText, plainDate, timeZone } from './fields'
import { StoreProfileInput, type SessionView } from './auth'
import { LOCALES, type Locale } from '../i18n/define'
import { EXCLUSIONS, type WarrantyPolicy } from '../domain/warranty'
import type { WorkCalendar } from '../domain/dates'

/** An editable list entry; built-in entries have no name and are shown translated by code. */
export const CatalogueEntry = z.object({ code: catalogueCode, name: optionalText(40) })
export type CatalogueEntry = z.output<typeof CatalogueEntry>

export const WarrantyPolicyInput = z.object({
  rules: z
    .array(z.object({ category: catalogueCode, component: catalogueCode, months: z.number().int().min(0).max(120) }))
    .max(200),
  exclusions: z.array(z.enum(EXCLUSIONS)),
  humanDamageSigns: z.array(z.enum(['screenCracked', 'scratchesDents']))
})

export const CalendarInput = z.object({
  holidays: z.array(plainDate).max(400),
  makeupWorkdays: z.array(plainDate).max(100)
})

export const PRINTER_WIDTHS = [58, 80] as const
export const PRINTER_TYPES = ['epson', 'star'] as const
export const CHARACTER_SETS = ['GB18030', 'PC437_USA'] as const

/**
 * Interface forms: tcp://host:port (network printer), a device path (/dev/usb/lp0, COM3,
 * \\\\host\\share) written raw, or printer:NAME for an OS print queue (raw via lp).
 */
export const printerInterface = z
  .string()
  .trim()
  .min(1, 'v.required')
  .max(200)
  .refine((s) => {
    const tcp = /^tcp:\/\/[A-Za-z0-9.\-]+:(\d{1,5})$/.exec(s)
    if (tcp) return +tcp[1] > 0 && +tcp[1] < 65536
    if (/^printer:.+$/.test(s)) return true
    // Device paths: never '..' (the path is opened for writing)
    return /^(\/dev\/|COM\d+$|\\\\)/i.test(s) && !/(^|[\\/])\.\.([\\/]|$)/.test(s)
  }, 'printing.v.interface')

export const PrinterSettingsInput = z.object({
  enabled: z.boolean(),
  interface: printerInterface,
  widthMm: z.union([z.literal(58), z.literal(80)]),
  type: z.enum(PRINTER_TYPES),
  characterSet: z.enum(CHARACTER_SETS),
  /** Print the device tag (修护卡) along with the claim ticket at intake. */
  printDeviceTag: z.boolean()
})
export type PrinterSettings = z.output<typeof PrinterSettingsInput>

export interface StoreSettings {
  store: z.output<typeof StoreProfileInput>
  timeZone: string
  locale: Locale
  deviceCategories: CatalogueEntry[]
  faultCodes: CatalogueEntry[]
  warrantyPolicy: WarrantyPolicy
  calendar: WorkCalendar
  printer: PrinterSettings
}

export const SettingsPatch = z.object({
  store: StoreProfileInput.optional(),
  timeZone: timeZone.optional(),
  locale: z.enum(LOCALES).optional(),
  deviceCategories: z.array(CatalogueEntry).min(1).max(50).optional(),
  faultCodes: z.array(CatalogueEntry).max(200).optional(),
  warrantyPolicy: WarrantyPolicyInput.optional(),
  calendar: CalendarInput.optional(),
  printer: PrinterSettingsInput.optional()
})

export const settingsContract = {
  'settings.get': channel<StoreSettings>()(z.object({}).default({}), 'signedIn'),
  /**
   * This window's screen language (anyone, any time). The store's language, used on receipts and as
   * every window's default, is `locale` in settings.update (manager).
   */
  'settings.setLocale': channel<SessionView>()(z.object({ locale: z.enum(LOCALES) }), 'public'),
  'settings.update': channel<StoreSettings>()(SettingsPatch, ['manager'])
}
