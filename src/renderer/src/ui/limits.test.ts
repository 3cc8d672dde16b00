import { IntakeInput } from '@shared/contract/intake'
import { maxLengthAt } from './limits'

describe('length limits read from the shared schema', () => {
  it('finds required, optional and nested limits', () => {
    expect(maxLengthAt(IntakeInput, 'fault.description')).toBe(500)
    expect(maxLengthAt(IntakeInput, 'customer.name')).toBe(40)
    expect(maxLengthAt(IntakeInput, 'customer.address')).toBe(120)
    expect(maxLengthAt(IntakeInput, 'condition.other')).toBe(200)
    expect(maxLengthAt(IntakeInput, 'device.serial')).toBe(40)
  })
  it('has none for non-text fields or unknown paths', () => {
    expect(maxLengthAt(IntakeInput, 'service.estimateFen')).toBeUndefined()
    expect(maxLengthAt(IntakeInput, 'nope.nothing')).toBeUndefined()
  })
})
