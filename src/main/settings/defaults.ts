import type { StoreSettings } from '@shared/contract/settings'
import { DEFAULT_TIME_ZONE } from '@shared/domain/dates'
import { DEFAULT_WARRANTY_POLICY } from '@shared/domain/warranty'
import { REPAIR_WARRANTY_MONTHS } from '@shared/receipt/tickets'

/** The ready-for-pickup message the clerk copies (Settings; empty = this default). */
export const DEFAULT_NOTICE_TEMPLATE = {
  'zh-CN': '【{store}】{name}您好，您送修的{device}（单号 {orderNo}）已修好，请携带取机凭证到店取机。咨询电话：{phone}',
  en: 'Hello {name}, your {device} (order {orderNo}) is ready for pickup at {store}. Please bring your claim ticket. Phone: {phone}'
}

/** What a new store starts with; every section can be edited in Settings. */
export function defaultSettings(): StoreSettings {
  return {
    store: { name: '', address: '', phone: '', receiptFooter: '' },
    timeZone: DEFAULT_TIME_ZONE,
    locale: 'zh-CN',
    deviceCategories: ['phone', 'tablet', 'computer', 'appliance', 'other'].map((code) => ({ code, name: '' })),
    faultCodes: ['noPower', 'noCharge', 'screen', 'touch', 'audio', 'camera', 'network', 'water', 'other'].map((code) => ({
      code,
      name: ''
    })),
    warrantyPolicy: structuredClone(DEFAULT_WARRANTY_POLICY),
    // Public holidays change every year (State Council notice): the manager enters them in Settings.
    calendar: { holidays: [], makeupWorkdays: [] },
    printer: {
      enabled: false,
      // No default address: a guessed LAN address could print a customer's ticket on someone else's printer.
      interface: '',
      widthMm: 80,
      type: 'epson',
      characterSet: 'GB18030',
      printDeviceTag: true,
      reportsStatus: true,
      openDrawerOnCash: false
    },
    // The repair warranty of the service manual; the built-in terms until the store writes its own.
    ticket: { repairWarrantyMonths: REPAIR_WARRANTY_MONTHS, terms: '' },
    noticeTemplate: { ...DEFAULT_NOTICE_TEMPLATE },
    // Empty: `backups` in the user-data folder (the path depends on the PC, so it is not stored).
    backup: { folder: '' },
    // Follow-up calls: (visits − dissatisfied − very dissatisfied) / visits should reach this.
    followUp: { satisfactionTargetPercent: 95 }
  }
}
