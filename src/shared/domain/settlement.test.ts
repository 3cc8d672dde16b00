import fc from 'fast-check'
import { PAYMENT_METHODS } from './payments'
import { percentOf, percentToBasisPoints, settle, type Discount, type SettlementLine, type Tender } from './settlement'

const amount = fc.integer({ min: 0, max: 5_000_00 })
const line = fc.record({ kind: fc.constantFrom('labour' as const, 'part' as const, 'other' as const), amountFen: amount, warrantyFree: fc.boolean() })
const lines = fc.array(line, { maxLength: 8 })
const tender = fc.record({ method: fc.constantFrom(...PAYMENT_METHODS), amountFen: amount })
const discount = fc.option(
  fc.oneof(
    fc.record({ kind: fc.constant('amount' as const), fen: fc.integer({ min: 0, max: 2_000_00 }) }),
    fc.record({ kind: fc.constant('percent' as const), basisPoints: fc.integer({ min: 0, max: 10_000 }) })
  ),
  { nil: null }
)

const charged = (ls: SettlementLine[]) => ls.filter((l) => !l.warrantyFree).reduce((a, l) => a + l.amountFen, 0)

describe('settle(): pickup arithmetic in fen', () => {
  it('held + net payments − refund = due, for every accepted settlement; change only from cash', () => {
    fc.assert(
      fc.property(lines, amount, discount, fc.array(tender, { maxLength: 5 }), (ls, held, d, tenders) => {
        const r = settle({ lines: ls, heldFen: held, discount: d, tenders })
        if (!r.ok) return
        const s = r.value
        const net = s.payments.reduce((a, p) => a + p.amountFen, 0)
        expect(held + net - s.refundFen).toBe(s.dueFen)
        expect(s.chargedFen).toBe(charged(ls))
        expect(s.coverageFen + s.chargedFen).toBe(s.grossFen)
        const cash = tenders.filter((t) => t.method === 'cash').reduce((a, t) => a + t.amountFen, 0)
        expect(s.changeFen).toBeLessThanOrEqual(cash)
        // Every non-cash method keeps exactly what was handed over: no change is given from it.
        for (const m of PAYMENT_METHODS.filter((x) => x !== 'cash')) {
          const given = tenders.filter((t) => t.method === m).reduce((a, t) => a + t.amountFen, 0)
          expect(s.payments.find((p) => p.method === m)?.amountFen ?? 0).toBe(given)
        }
        expect(s.changeFen === 0 || s.refundFen === 0).toBe(true)
        expect(s.payments.every((p) => p.amountFen > 0)).toBe(true)
        expect(Object.is(s.refundFen, -0)).toBe(false) // a -0 would print as "-¥0.00"
      })
    )
  })

  it('a discount stays within 0 … charged, and larger ones are refused', () => {
    fc.assert(
      fc.property(lines, discount, (ls, d) => {
        const r = settle({ lines: ls, heldFen: 0, discount: d, tenders: [] })
        const c = charged(ls)
        const want = d === null ? 0 : d.kind === 'amount' ? d.fen : percentOf(c, d.basisPoints)
        if (want > c) expect(r).toEqual({ ok: false, problem: 'discountTooLarge' })
        else if (!r.ok) expect(r.problem).toBe('underpaid')
        else expect(r.value.discountFen).toBe(want)
      })
    )
  })

  it('percent discounts round half-up to the fen, never past the amount', () => {
    expect(percentOf(333, 1000)).toBe(33) // 33.3
    expect(percentOf(335, 1000)).toBe(34) // 33.5 → 34
    expect(percentOf(5, 5000)).toBe(3) // 2.5 → 3
    expect(percentOf(1999, 10_000)).toBe(1999)
    fc.assert(
      fc.property(amount, fc.integer({ min: 0, max: 10_000 }), (fen, bp) => {
        const d = percentOf(fen, bp)
        expect(Number.isInteger(d)).toBe(true)
        expect(d).toBeGreaterThanOrEqual(0)
        expect(d).toBeLessThanOrEqual(fen)
        expect(Math.abs(d - (fen * bp) / 10_000)).toBeLessThanOrEqual(0.5)
      })
    )
  })

  it('underpaid, overpaid by card, and tenders when a refund is due are refused', () => {
    const ls: SettlementLine[] = [{ kind: 'labour', amountFen: 10000, warrantyFree: false }]
    const pay = (tenders: Tender[], heldFen = 0, d: Discount | null = null) => settle({ lines: ls, heldFen, discount: d, tenders })
    expect(pay([{ method: 'cash', amountFen: 9999 }])).toEqual({ ok: false, problem: 'underpaid' })
    expect(pay([{ method: 'wechat', amountFen: 10001 }])).toEqual({ ok: false, problem: 'overpaidNonCash' })
    expect(pay([{ method: 'cash', amountFen: 100 }], 20000)).toEqual({ ok: false, problem: 'nothingOwed' })
    // Split cash/WeChat: WeChat 60, cash 50 for 40 owed in cash → change 10.
    const split = pay([{ method: 'wechat', amountFen: 6000 }, { method: 'cash', amountFen: 5000 }])
    expect(split.ok && split.value).toMatchObject({ changeFen: 1000, payments: [{ method: 'wechat', amountFen: 6000 }, { method: 'cash', amountFen: 4000 }] })
    // Deposit bigger than what is owed after a discount: the rest is refunded.
    const refund = pay([], 10000, { kind: 'percent', basisPoints: 2000 })
    expect(refund.ok && refund.value).toMatchObject({ dueFen: 8000, refundFen: 2000, changeFen: 0, payments: [] })
    // 三包: everything free, the whole deposit comes back.
    const free = settle({ lines: [{ kind: 'part', amountFen: 30000, warrantyFree: true }], heldFen: 5000, tenders: [] })
    expect(free.ok && free.value).toMatchObject({ grossFen: 30000, coverageFen: 30000, dueFen: 0, refundFen: 5000 })
  })
})

describe('percentToBasisPoints (review of issue 8: one conversion for the screen and main)', () => {
  it('turns every two-decimal percentage into exact basis points, despite float representation', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 10_000 }), (bp) => percentToBasisPoints(bp / 100) === bp))
    expect(percentToBasisPoints(12.5)).toBe(1250)
    expect(percentToBasisPoints(0.07)).toBe(7)
  })
})
