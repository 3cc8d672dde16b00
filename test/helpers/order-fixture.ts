/**
 * Test helper: a realistic intake work order (Chinese customer, device and fault, amounts in fen)
 * and a ticket context, for printing tests that do not need a database.
 *
 *   const doc = buildClaimTicket(sampleOrderView(), sampleTicketContext('zh-CN'))
 */
import type { OrderView } from '@shared/contract/intake'
import { translator, type Locale } from '@shared/i18n'
import type { TicketContext } from '@shared/receipt/tickets'

type Patch = { [K in keyof OrderView]?: Partial<OrderView[K]> }

export function sampleOrderView(patch: Patch = {}): OrderView {
  const base: OrderView = {
    id: 12,
    orderNo: '2405-0012',
    claimCode: 'K7MXQ4',
    status: 'received',
    receivedAt: '2024-05-20T02:30:00.000Z', // 10:30 in Shanghai
    customer: { id: 5, name: '张三', mobile: '13812345678', landline: '', address: '' },
    device: {
      category: 'phone',
      brand: '华为',
      model: 'Mate 40 Pro',
      serial: '868012345678903',
      colour: '亮黑色',
      imeiUnreadable: false,
      imeiUnreadableReason: '',
      imeiPending: false,
      hasPasscode: false
    },
    purchase: { invoiceDate: '2023-12-01', invoiceNo: 'FP-2023-8812' },
    fault: { description: '屏幕破裂，触摸失灵，左上角有黑斑，开机后偶尔自动重启', codes: ['screen', 'touch'] },
    condition: { screenCracked: true, scratchesDents: false, waterDamage: false, sealsIntact: true, powersOn: true, other: '边框轻微掉漆' },
    accessories: { items: ['charger', 'simTray'], other: '手机壳' },
    warranty: {
      inWarranty: false,
      reasonKey: 'warranty.reason.humanDamage',
      reasonParams: { lastDay: '2024-12-02', months: 12, days: 3 },
      component: 'main',
      lastDay: '2024-12-02',
      daysInRepair: 3,
      movedForHoliday: true,
      components: [],
      finalInWarranty: false,
      override: null
    },
    service: {
      type: 'paid',
      estimateFen: 38_000,
      depositFen: 10_050,
      depositMethod: 'wechat',
      promisedDate: '2024-05-23',
      technician: { id: 3, displayName: '李工' }
    },
    createdBy: { id: 2, displayName: '王芳' },
    correctedAt: null,
    voided: null
  }
  const out = { ...base } as Record<string, unknown>
  for (const [k, v] of Object.entries(patch)) {
    const cur = out[k]
    out[k] = cur && typeof cur === 'object' && !Array.isArray(cur) ? { ...cur, ...(v as object) } : v
  }
  return out as unknown as OrderView
}

export function sampleTicketContext(locale: Locale = 'zh-CN', reprintNo = 0): TicketContext {
  const t = translator(locale)
  return {
    store: {
      name: locale === 'zh-CN' ? '诚信手机维修中心（人民路店）' : 'Chengxin Phone Repair',
      address: '杭州市西湖区人民路 88 号',
      phone: '0571-88886666',
      receiptFooter: locale === 'zh-CN' ? '感谢惠顾，营业时间 9:00-21:00' : 'Thank you! Open 9:00-21:00'
    },
    timeZone: 'Asia/Shanghai',
    t,
    reprintNo,
    categoryName: (code) => t(`category.${code}`),
    faultName: (code) => t(`fault.${code}`),
    ticket: { repairWarrantyMonths: 3, terms: '' }
  }
}
