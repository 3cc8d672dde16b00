// Realistic vocabulary for the generated five-year store: names, mobiles, devices, faults.
// Deterministic (seeded) so two runs build the same store and figures compare.

export function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]

// The most common surnames come first and are picked more often (roughly as in China).
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'
const COMPOUND = ['欧阳', '司马', '诸葛', '上官', '东方']
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬鹏辉建国志强俊峰文博子涵梓轩浩然宇航思远欣怡雨桐佳琪晨曦嘉懿一诺梦瑶雅婷晓东海龙春梅永红'

export function chineseName(r: () => number): string {
  const u = r()
  const surname = u < 0.01 ? pick(r, COMPOUND) : SURNAMES[Math.floor(Math.pow(r(), 2.2) * SURNAMES.length)]
  const given = Array.from(GIVEN)
  return surname + pick(r, given) + (r() < 0.7 ? pick(r, given) : '')
}

const MOBILE_PREFIXES = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '155', '156', '157', '158', '159', '166', '176', '177', '178', '180', '181', '182', '183', '185', '186', '187', '188', '189', '191', '199']

/** Unique per index: the last 8 digits alone are a bijection of i (48271 is coprime to 10^8). */
export function uniqueMobile(i: number): string {
  const prefix = MOBILE_PREFIXES[i % MOBILE_PREFIXES.length]
  const tail = (i * 48271 + 12345) % 100_000_000
  return prefix + String(tail).padStart(8, '0')
}

export interface DeviceModel {
  category: string
  brand: string
  model: string
  /** 8-digit type allocation code for phones (IMEI prefix), '' for serial-numbered devices. */
  tac: string
}

const PHONES: [string, string[]][] = [
  ['华为', ['Mate 60 Pro', 'Mate 60', 'Mate 50', 'P60 Pro', 'P50', 'nova 12', 'nova 11', 'nova 9', '畅享 60', 'Mate X5']],
  ['Apple', ['iPhone 15 Pro Max', 'iPhone 15 Pro', 'iPhone 15', 'iPhone 14 Pro', 'iPhone 14', 'iPhone 13', 'iPhone 12', 'iPhone 11', 'iPhone SE']],
  ['小米', ['小米 14', '小米 13', '小米 12S', 'Redmi K70', 'Redmi Note 13 Pro', 'Redmi Note 12', 'Redmi 12C']],
  ['OPPO', ['Find X7', 'Find X6', 'Reno11', 'Reno10 Pro', 'A2', 'A58']],
  ['vivo', ['X100 Pro', 'X100', 'X90', 'S18', 'Y78', 'iQOO 12', 'iQOO Neo9']],
  ['荣耀', ['Magic6 Pro', 'Magic5', '荣耀 90', '荣耀 X50', '荣耀 Play 50']],
  ['三星', ['Galaxy S24 Ultra', 'Galaxy S23', 'Galaxy A54', 'Galaxy Z Flip5']],
  ['一加', ['一加 12', '一加 11', 'Ace 3']],
  ['realme', ['GT5', 'GT Neo5', '真我 11 Pro']],
  ['魅族', ['魅族 21', '魅族 20']]
]
const OTHERS: [string, string, string[]][] = [
  ['tablet', '华为', ['MatePad 11', 'MatePad Pro 13.2']],
  ['tablet', 'Apple', ['iPad Air 5', 'iPad 10']],
  ['computer', '联想', ['小新 Pro 14', 'ThinkPad X1 Carbon', '拯救者 Y9000P']],
  ['computer', 'Apple', ['MacBook Air M2', 'MacBook Pro 14']],
  ['appliance', '美的', ['微波炉 M1-L213B', '电饭煲 MB-FB40']],
  ['appliance', '格力', ['空调 KFR-35GW']],
  ['other', '大疆', ['Mini 3', 'Osmo Pocket 3']]
]

export const DEVICES: DeviceModel[] = [
  ...PHONES.flatMap(([brand, models], b) =>
    models.map((model, m) => ({ category: 'phone', brand, model, tac: `86${String(100 + b).slice(1)}${String(1000 + m * 7).slice(0, 4)}` }))
  ),
  ...OTHERS.flatMap(([category, brand, models]) => models.map((model) => ({ category, brand, model, tac: '' })))
]

export const COLOURS = ['黑色', '白色', '蓝色', '金色', '紫色', '绿色', '银色', '']

export const FAULTS: [string, string[]][] = [
  ['屏幕碎裂，触摸失灵', ['screen', 'touch']],
  ['不开机，充电无反应', ['noPower', 'noCharge']],
  ['电池鼓包，续航很短', ['noCharge']],
  ['进水后无法开机', ['water', 'noPower']],
  ['听筒无声音，通话对方听不到', ['audio']],
  ['后摄像头模糊对不上焦', ['camera']],
  ['信号差，经常无服务', ['network']],
  ['屏幕闪烁，偶尔黑屏', ['screen']],
  ['充电口松动，接触不良', ['noCharge']],
  ['系统卡顿，反复重启', ['other']]
]
