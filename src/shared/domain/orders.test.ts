import fc from 'fast-check'
import { localDate } from './dates'
import { isOverdue, orderInShop, overdueReceivedBefore } from './orders'

const order = (o: Partial<Parameters<typeof isOverdue>[0]> = {}) => ({ status: 'repairing', returnedAt: null, promisedDate: '2026-12-10', receivedDate: '2026-12-01', ...o })

describe('overdue orders', () => {
  it('is overdue past its promised date, or after more than 7 days in the shop', () => {
    expect(isOverdue(order(), '2026-12-08')).toBe(false)
    expect(isOverdue(order(), '2026-12-09')).toBe(true) // 8 days in the shop
    expect(isOverdue(order({ receivedDate: '2026-12-05', promisedDate: '2026-12-06' }), '2026-12-07')).toBe(true)
    expect(isOverdue(order({ receivedDate: '2026-12-05', promisedDate: '2026-12-07' }), '2026-12-07')).toBe(false)
  })
  it('never counts a device that left the shop or a void order', () => {
    expect(isOverdue(order({ status: 'pickedUp', returnedAt: '2026-12-20T02:00:00.000Z' }), '2026-12-30')).toBe(false)
    expect(isOverdue(order({ status: 'void' }), '2026-12-30')).toBe(false)
    expect(orderInShop(order({ status: 'ready' }))).toBe(true)
  })
})

describe('the overdue rule in SQL', () => {
  it('receivedAt < overdueReceivedBefore(today) exactly when isOverdue counts the days in the shop', () => {
    const tz = 'Asia/Shanghai'
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 0, 1) }), fc.integer({ min: 0, max: 20 * 24 * 60 }), (receivedMs, minutesLater) => {
        const receivedAt = new Date(receivedMs).toISOString()
        const today = localDate(new Date(receivedMs + minutesLater * 60_000), tz)
        const byDays = isOverdue({ status: 'repairing', returnedAt: null, promisedDate: '2099-01-01', receivedDate: localDate(new Date(receivedMs), tz) }, today)
        expect(receivedAt < overdueReceivedBefore(today, tz)).toBe(byDays)
      })
    )
  })
})
