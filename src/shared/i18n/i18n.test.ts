import { messageTables, translate } from './index'

describe('translations', () => {
  it('has every key in both languages, none empty', () => {
    const { 'zh-CN': zh, en } = messageTables()
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort())
    for (const [key, text] of [...Object.entries(zh), ...Object.entries(en)]) expect(text, key).not.toBe('')
  })

  it('keeps the same placeholders in both languages', () => {
    const { 'zh-CN': zh, en } = messageTables()
    const names = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort().join()
    for (const key of Object.keys(zh)) expect(names(en[key]), key).toBe(names(zh[key]))
  })

  it('fills placeholders', () => {
    expect(translate('en', 'err.LOCKED', { seconds: 60 })).toContain('60 s')
    expect(translate('zh-CN', 'err.LOCKED', { seconds: 60 })).toContain('60 秒')
  })
})
