// Vocabulary for the generated parts catalogue: the spare parts a phone/tablet/laptop repair shop
// stocks, for the models it repairs, plus consumables. Deterministic for a given seed.
import { pick } from './data'

/** Compatible device models, newest first within each series (brand, model names). */
const SERIES: [string, string, string[]][] = [
  ['Apple', 'AP', ['iPhone 15 Pro Max', 'iPhone 15 Pro', 'iPhone 15 Plus', 'iPhone 15', 'iPhone 14 Pro Max', 'iPhone 14 Pro', 'iPhone 14 Plus', 'iPhone 14', 'iPhone 13 Pro Max', 'iPhone 13 Pro', 'iPhone 13 mini', 'iPhone 13', 'iPhone 12 Pro Max', 'iPhone 12 Pro', 'iPhone 12 mini', 'iPhone 12', 'iPhone 11 Pro Max', 'iPhone 11 Pro', 'iPhone 11', 'iPhone XS Max', 'iPhone XS', 'iPhone XR', 'iPhone X', 'iPhone 8 Plus', 'iPhone 8', 'iPhone 7 Plus', 'iPhone 7', 'iPhone SE 3', 'iPhone SE 2', 'iPad Air 5', 'iPad 10', 'iPad 9', 'iPad mini 6', 'MacBook Air M2', 'MacBook Air M1', 'MacBook Pro 14']],
  ['华为', 'HW', ['Mate 60 Pro', 'Mate 60', 'Mate X5', 'Mate 50 Pro', 'Mate 50', 'Mate 40 Pro', 'Mate 40', 'Mate 30 Pro', 'Mate 30', 'Mate 20 Pro', 'Mate 20', 'P60 Pro', 'P60', 'P50 Pro', 'P50', 'P40 Pro', 'P40', 'P30 Pro', 'P30', 'nova 12', 'nova 11 Pro', 'nova 11', 'nova 10', 'nova 9', 'nova 8', 'nova 7', '畅享 60', '畅享 50', '畅享 20', 'MatePad 11', 'MatePad Pro 13.2']],
  ['荣耀', 'HN', ['Magic6 Pro', 'Magic6', 'Magic5 Pro', 'Magic5', 'Magic4', '荣耀 90', '荣耀 80', '荣耀 70', '荣耀 60', '荣耀 50', '荣耀 X50', '荣耀 X40', '荣耀 Play 50', '荣耀 Play 40']],
  ['小米', 'MI', ['小米 14 Pro', '小米 14', '小米 13 Ultra', '小米 13', '小米 12S', '小米 12', '小米 11', '小米 10', 'Redmi K70 Pro', 'Redmi K70', 'Redmi K60', 'Redmi K50', 'Redmi K40', 'Redmi Note 13 Pro', 'Redmi Note 13', 'Redmi Note 12 Pro', 'Redmi Note 12', 'Redmi Note 11', 'Redmi Note 10', 'Redmi 12C', 'Redmi 10A']],
  ['OPPO', 'OP', ['Find X7 Ultra', 'Find X7', 'Find X6 Pro', 'Find X6', 'Find X5', 'Reno11 Pro', 'Reno11', 'Reno10 Pro', 'Reno10', 'Reno9', 'Reno8', 'Reno7', 'Reno6', 'A2', 'A58', 'A96', 'A57']],
  ['vivo', 'VI', ['X100 Pro', 'X100', 'X90 Pro', 'X90', 'X80', 'X70', 'S18', 'S17', 'S16', 'S15', 'Y78', 'Y77', 'Y53s', 'iQOO 12', 'iQOO 11', 'iQOO Neo9', 'iQOO Neo8', 'iQOO Z8']],
  ['三星', 'SS', ['Galaxy S24 Ultra', 'Galaxy S24', 'Galaxy S23 Ultra', 'Galaxy S23', 'Galaxy S22', 'Galaxy S21', 'Galaxy Note20', 'Galaxy A54', 'Galaxy A34', 'Galaxy Z Flip5', 'Galaxy Z Fold5']],
  ['一加', 'OA', ['一加 12', '一加 11', '一加 10 Pro', '一加 9', 'Ace 3', 'Ace 2']],
  ['realme', 'RM', ['GT5', 'GT Neo5', 'GT Neo3', '真我 11 Pro', '真我 10']],
  ['魅族', 'MZ', ['魅族 21', '魅族 20', '魅族 18']],
  ['联想', 'LN', ['小新 Pro 14', '小新 Air 14', 'ThinkPad X1 Carbon', 'ThinkPad T14', '拯救者 Y9000P', '拯救者 R7000P']]
]

export interface DeviceRef {
  brand: string
  brandCode: string
  model: string
  /** 0 = newest of its series. */
  age: number
}

export const PART_MODELS: DeviceRef[] = SERIES.flatMap(([brand, brandCode, models]) => models.map((model, i) => ({ brand, brandCode, model, age: i / models.length })))

/** Part kinds per device: [code, Chinese name, English name, unit, base cost in yuan, relative demand, variants]. */
export const PART_KINDS: [string, string, string, string, number, number, string[]][] = [
  ['SCR', '屏幕总成', 'Screen assembly', '个', 380, 10, ['原装', 'OLED', 'TFT', '拆机', '带框']],
  ['BAT', '电池', 'Battery', '块', 90, 8, ['原装', '高容量', '标准']],
  ['CHG', '尾插小板', 'Charging port board', '个', 45, 6, ['原装', '排线']],
  ['RCM', '后摄像头', 'Rear camera', '个', 160, 3, ['主摄', '广角', '长焦']],
  ['FCM', '前摄像头', 'Front camera', '个', 70, 2, ['标准']],
  ['EAR', '听筒', 'Earpiece speaker', '个', 25, 2, ['标准']],
  ['SPK', '扬声器', 'Loudspeaker', '个', 30, 2, ['标准']],
  ['BCV', '后盖', 'Back cover', '个', 60, 3, ['黑色', '白色', '蓝色', '金色', '紫色', '绿色']],
  ['FRM', '中框', 'Middle frame', '个', 120, 1, ['黑色', '银色']],
  ['BTN', '按键排线', 'Power/volume flex', '条', 20, 1, ['开机', '音量']],
  ['FPR', '指纹排线', 'Fingerprint flex', '条', 35, 1, ['标准']],
  ['SIM', 'SIM卡托', 'SIM tray', '个', 8, 1, ['黑色', '银色', '金色']],
  ['VIB', '振动马达', 'Vibration motor', '个', 18, 1, ['标准']],
  ['CAM', '镜头玻璃', 'Camera lens glass', '片', 12, 2, ['标准']],
  ['WLC', '无线充电线圈', 'Wireless charging coil', '个', 55, 1, ['标准']],
  ['MBD', '主板', 'Logic board', '块', 900, 0.3, ['128G', '256G']]
]

/** Shop-wide consumables: few parts, issued on most repairs. */
export const CONSUMABLES: [string, string, string, string, number, number][] = [
  ['GLU', 'B-7000 胶水 15ml', 'B-7000 adhesive 15 ml', '支', 6, 40],
  ['GLU', 'T-7000 黑胶 50ml', 'T-7000 black adhesive 50 ml', '支', 9, 25],
  ['TAP', '屏幕防水胶条', 'Screen waterproof adhesive strip', '片', 2, 60],
  ['TAP', '电池双面胶', 'Battery adhesive tape', '片', 1, 40],
  ['SCW', '底部螺丝 五星', 'Pentalobe bottom screws', '套', 1, 30],
  ['SCW', '内部螺丝套装', 'Internal screw set', '套', 3, 15],
  ['FLM', '钢化膜', 'Tempered glass protector', '张', 4, 50],
  ['CLN', '屏幕清洁剂 100ml', 'Screen cleaner 100 ml', '瓶', 5, 10],
  ['SLD', '无铅焊锡丝 0.3mm', 'Lead-free solder wire 0.3 mm', '卷', 35, 2],
  ['FLX', '助焊膏', 'Flux paste', '支', 15, 3]
]

/** Variants in English (for the parts stocked under English names). */
const VARIANT_EN: Record<string, string> = {
  原装: 'original', OLED: 'OLED', TFT: 'TFT', 拆机: 'refurbished', 带框: 'with frame', 高容量: 'high capacity', 标准: '', 排线: 'flex',
  主摄: 'main', 广角: 'wide', 长焦: 'tele', 黑色: 'black', 白色: 'white', 蓝色: 'blue', 金色: 'gold', 紫色: 'purple', 绿色: 'green',
  银色: 'silver', 开机: 'power', 音量: 'volume', '128G': '128 GB', '256G': '256 GB'
}
/** The same part from other sources (a second and third grade of a screen or battery). */
const MAKERS = ['国产A级', '原厂品质', 'OEM', '副厂', '高配版', '经济款', '售后版', 'Premium']

/** EAN-13 with a valid check digit; 69x = a Chinese GS1 prefix. Unique per n (< 10^9). */
export function ean13(n: number): string {
  const body = `69${String(31 + (n % 7)).padStart(2, '0')}${String((n * 7919 + 104729) % 1_000_000_000).padStart(9, '0')}`.slice(0, 12)
  let sum = 0
  for (let i = 0; i < 12; i++) sum += Number(body[i]) * (i % 2 ? 3 : 1)
  return body + String((10 - (sum % 10)) % 10)
}

export interface PartSpec {
  sku: string
  name: string
  spec: string
  models: string
  unit: string
  barcode: string
  bin: string
  minStock: number
  salePriceFen: number
  /** Supplier price when first stocked, in fen. */
  baseCostFen: number
  /** Relative demand (issues per day are proportional to it). */
  demand: number
  /** Issued per requisition line (screws, film: more than one). */
  perIssue: number
  /** 0..1: when in the five years the part enters the catalogue (0 = from the start). */
  introducedAt: number
}

/**
 * n parts: consumables first, then one part per (model, kind, variant) in a deterministic
 * shuffle until n is reached (then numbered batches of the same kinds, so any n works).
 */
export function partSpecs(n: number, r: () => number): PartSpec[] {
  const combos: [DeviceRef, number, string][] = []
  for (const dev of PART_MODELS) for (const [k, kind] of PART_KINDS.entries()) for (const v of kind[6]) combos.push([dev, k, v])
  for (let i = combos.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1))
    ;[combos[i], combos[j]] = [combos[j], combos[i]]
  }
  const out: PartSpec[] = []
  const aisles = 'ABCDEFGHJKLM'
  const bin = (i: number) => `${aisles[Math.floor(i / 400) % aisles.length]}-${String(1 + (Math.floor(i / 20) % 20)).padStart(2, '0')}-${String(1 + (i % 20)).padStart(2, '0')}`
  for (const [code, zh, en, unit, cost, demand] of CONSUMABLES.slice(0, Math.min(CONSUMABLES.length, Math.ceil(n / 20)))) {
    const i = out.length
    out.push({
      sku: `${code}-GEN${String(i + 1).padStart(5, '0')}`,
      name: r() < 0.8 ? zh : en,
      spec: en,
      models: '通用 universal',
      unit,
      barcode: ean13(i + 1),
      bin: `Z-01-${String(i + 1).padStart(2, '0')}`,
      minStock: 50,
      salePriceFen: cost * 250,
      baseCostFen: cost * 100,
      demand,
      perIssue: code === 'SCW' || code === 'TAP' ? 2 : 1,
      introducedAt: 0
    })
  }
  for (let c = 0; out.length < n; c++) {
    const [dev, k, variant] = combos[c % combos.length]
    const batch = Math.floor(c / combos.length)
    const [code, zh, en, unit, cost, demand] = PART_KINDS[k]
    const i = out.length
    const english = r() < 0.2
    const sibling = dev.model.replace(/ (Pro Max|Pro|Plus|mini|Ultra)$/, '')
    const models = [`${dev.brand} ${dev.model}`, sibling !== dev.model && r() < 0.3 ? `${dev.brand} ${sibling}` : ''].filter(Boolean).join(' / ')
    const costFen = Math.round(cost * 100 * (0.6 + r() * 0.9) * (1.3 - dev.age * 0.6))
    out.push({
      sku: `${code}-${dev.brandCode}${String(i + 1).padStart(5, '0')}`,
      name: english
        ? `${en} for ${dev.model}${VARIANT_EN[variant] ? ` (${VARIANT_EN[variant]})` : ''}${batch ? ` ${MAKERS[(batch + k) % MAKERS.length]}` : ''}`
        : `${dev.model} ${zh}${variant === '标准' ? '' : ` ${variant}`}${batch ? ` ${MAKERS[(batch + k) % MAKERS.length]}` : ''}`,
      spec: `${variant} ${pick(r, ['原厂品质', 'A 级', '国产优质', 'OEM', '拆机件', ''])}`.trim(),
      models,
      unit,
      barcode: r() < 0.85 ? ean13(i + 1) : '',
      bin: bin(i),
      minStock: 0,
      salePriceFen: Math.round((costFen * (1.6 + r())) / 100) * 100,
      baseCostFen: costFen,
      // Newer models and screens/batteries are what breaks; a long tail of rarely used parts.
      demand: demand * Math.pow(1 - dev.age, 2) * Math.pow(r(), 2.5) * (variant === PART_KINDS[k][6][0] ? 2 : 1),
      perIssue: 1,
      introducedAt: Math.min(0.85, Math.max(0, 0.9 - dev.age * 1.5 - r() * 0.1))
    })
  }
  return out
}
