import fc from 'fast-check'
import { imeiCheckDigit, isValidImei } from './imei'

describe('IMEI check digit', () => {
  it('accepts a real IMEI and rejects a one-digit typo', () => {
    expect(isValidImei('490154203237518')).toBe(true)
    expect(isValidImei('490154203237517')).toBe(false)
    expect(isValidImei('49015420323751')).toBe(false)
    expect(isValidImei('49015420323751X')).toBe(false)
  })

  it('detects every single-digit substitution', () => {
    const body = fc.stringMatching(/^\d{14}$/)
    fc.assert(
      fc.property(body, fc.integer({ min: 0, max: 14 }), fc.integer({ min: 1, max: 9 }), (b, pos, delta) => {
        const imei = b + imeiCheckDigit(b)
        const typo = imei.slice(0, pos) + String((Number(imei[pos]) + delta) % 10) + imei.slice(pos + 1)
        return isValidImei(imei) && !isValidImei(typo)
      })
    )
  })
})
