import { byPinyin, pinyinMatches } from './pinyin'

describe('pinyin matching', () => {
  it.each([
    ['屏幕', 'pm'],
    ['屏幕', 'pingmu'],
    ['屏幕', 'pingm'],
    ['屏幕', 'PM'],
    ['屏幕碎裂', 'pm'],
    ['华为', 'hw'],
    ['王店长', 'wdz'],
    ['王店长', 'wang'],
    ['不开机', 'bkj'],
    ['iPhone 15', 'iphone'],
    ['Mate 60 Pro', '60'],
    ['屏幕', '屏']
  ])('%s matches %s', (label, query) => expect(pinyinMatches(label, query)).toBe(true))

  it.each([
    ['屏幕', 'pmx'],
    ['屏幕', 'hw'],
    ['华为', '1'],
    ['不开机', 'kai2']
  ])('%s does not match %s', (label, query) => expect(pinyinMatches(label, query)).toBe(false))

  it('matches everything for an empty query', () => {
    expect(pinyinMatches('屏幕', ' ')).toBe(true)
  })

  it('sorts names by pinyin', () => {
    expect(byPinyin(['王店长', '李四', '张三', 'Anna'], (x) => x)).toEqual(['Anna', '李四', '王店长', '张三'])
  })
})
