import { z } from 'zod'
import { channel } from './channel'
import { catalogueCode, optionalText, plainDate, timeZone } from './fields'
import { StoreProfileInput, type SessionView } from './auth'
import { LOCALES, type Locale } from '../i18n/define'
import { EXCLUSIONS, type WarrantyPolicy } from '../domain/warranty'
import type { WorkCalendar } from '../domain/dates'
import { BackupSettingsInput, type BackupSettings } from './backup'

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

export const CalendarInput = z
  .object({
    holidays: z.array(plainDate).max(400),
    makeupWorkdays: z.array(plainDate).max(100)
  })
  // A day is a holiday or a make-up workday, not both: the clerk is told which, nothing is dropped.
  .superRefine((c, ctx) => {
    const holidays = new Set(c.holidays)
    c.makeupWorkdays.forEach((d) => {
      if (holidays.has(d)) ctx.addIssue({ code: 'custom', path: ['makeupWorkdays'], message: `settings.calendar.bothKinds|day=${d}` })
    })
  })

export const PRINTER_WIDTHS = [58, 80] as const
export const PRINTER_TYPES = ['epson', 'star'] as const
export const CHARACTER_SETS = ['GB18030', 'PC437_USA'] as const

/**
 * Interface forms: tcp://host:port (network printer), printer:NAME (an OS print queue, raw via lp),
 * or a device path that can only be a printer port: /dev/usb/lpN, /dev/lpN, serial /dev/ttyS|USB|ACMN,
 * COMn, LPTn, or a shared Windows printer \\\\host\\share. Nothing else is ever opened for writing (no
 * regular file, directory, socket, /dev/fd/*, /proc/*); the send path checks the device again.
 */
export const PRINTER_DEVICE_PATH = /^(\/dev\/usb\/lp\d{1,3}|\/dev\/lp\d{1,3}|\/dev\/tty(S|USB|ACM)\d{1,3}|COM\d{1,3}|LPT\d)$|^\\\\[A-Za-z0-9][A-Za-z0-9._-]{0,62}\\[A-Za-z0-9][A-Za-z0-9 ._$-]{0,79}$/i

export function isPrinterInterface(s: string): boolean {
  const tcp = /^tcp:\/\/[A-Za-z0-9.\-]+:(\d{1,5})$/.exec(s)
  if (tcp) return +tcp[1] > 0 && +tcp[1] < 65536
  if (/^printer:[A-Za-z0-9][A-Za-z0-9._@-]{0,126}$/.test(s)) return true
  return PRINTER_DEVICE_PATH.test(s)
}

/** Empty until the manager types one: no network default that could reach someone else's printer. */
export const printerInterface = z
  .string()
  .trim()
  .max(200)
  .refine((s) => s === '' || isPrinterInterface(s), 'printing.v.interface')

export const PrinterSettingsInput = z
  .object({
    enabled: z.boolean(),
    interface: printerInterface,
    widthMm: z.union([z.literal(58), z.literal(80)]),
    type: z.enum(PRINTER_TYPES),
    characterSet: z.enum(CHARACTER_SETS),
    /** Print the device tag (修护卡) along with the claim ticket at intake. */
    printDeviceTag: z.boolean(),
    /**
     * The printer answers status requests (DLE EOT): jobs wait while it reports a fault and are done
     * only when it answers after the last byte. Off for write-only devices: done once written.
     */
    reportsStatus: z.boolean().default(true),
    /** A cash deposit opens the cash drawer wired to this printer (ESC p). */
    openDrawerOnCash: z.boolean().default(false)
  })
  .superRefine((p, ctx) => {
    if (p.enabled && p.interface === '') ctx.addIssue({ code: 'custom', path: ['interface'], message: 'printing.v.interfaceRequired' })
  })
export type PrinterSettings = z.output<typeof PrinterSettingsInput>

/** What the claim ticket promises: the repair warranty and the store's own terms (empty = the built-in terms). */
export const TicketSettingsInput = z.object({
  /** Months of warranty on the repair itself (the service manual's default is 3); 0 = none. */
  repairWarrantyMonths: z.number({ error: 'v.number' }).int('v.integer').min(0, 'v.invalid').max(36, 'intake.v.repairWarrantyMonths'),
  /** One term per line, printed as typed; the repair-warranty line is always added from the months. */
  terms: optionalText(1000, { multiline: true })
})
export type TicketSettings = z.output<typeof TicketSettingsInput>

/** The "your device is ready" message per language; {name} {orderNo} {device} {store} {phone} are filled in. */
export const NoticeTemplateInput = z.object({ 'zh-CN': optionalText(300, { multiline: true }), en: optionalText(300, { multiline: true }) })
export type NoticeTemplate = z.output<typeof NoticeTemplateInput>

/** Follow-up calls (回访): the monthly satisfaction target, in percent (default 95). */
export const FollowUpSettingsInput = z.object({
  satisfactionTargetPercent: z.number({ error: 'v.number' }).int('v.integer').min(1, 'v.invalid').max(100, 'v.invalid')
})
export type FollowUpSettings = z.output<typeof FollowUpSettingsInput>

export interface StoreSettings {
  store: z.output<typeof StoreProfileInput>
  timeZone: string
  locale: Locale
  deviceCategories: CatalogueEntry[]
  faultCodes: CatalogueEntry[]
  warrantyPolicy: WarrantyPolicy
  calendar: WorkCalendar
  printer: PrinterSettings
  ticket: TicketSettings
  noticeTemplate: NoticeTemplate
  /** Where backups go (empty = `backups` in the user-data folder); see src/main/backup/. */
  backup: BackupSettings
  followUp: FollowUpSettings
}

export const SettingsPatch = z.object({
  store: StoreProfileInput.optional(),
  timeZone: timeZone.optional(),
  locale: z.enum(LOCALES).optional(),
  deviceCategories: z.array(CatalogueEntry).min(1).max(50).optional(),
  faultCodes: z.array(CatalogueEntry).max(200).optional(),
  warrantyPolicy: WarrantyPolicyInput.optional(),
  calendar: CalendarInput.optional(),
  printer: PrinterSettingsInput.optional(),
  ticket: TicketSettingsInput.optional(),
  noticeTemplate: NoticeTemplateInput.optional(),
  backup: BackupSettingsInput.optional(),
  followUp: FollowUpSettingsInput.optional()
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
