import type { StoreSettings } from '@shared/contract/settings'
import { DEFAULT_TIME_ZONE } from '@shared/domain/dates'
import { DEFAULT_WARRANTY_POLICY } from '@shared/domain/warranty'

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
      interface: 'tcp://192.168.1.100:9100',
      widthMm: 80,
      type: 'epson',
      characterSet: 'GB18030',
      printDeviceTag: true
    }
  }
}
