import fc from 'fast-check'
import { MANAGER, setUpStore, startTestCore, userWithRole, type Caller, type TestCore } from '../helpers/core'
import { checkLedger, createPart, takeIn } from '../helpers/warehouse'

/**
 * Property: whatever sequence of movements is tried through the router (receipts, requisitions,
 * issues, returns, transfers, adjustment requests/approvals/rejections, voided orders, direct SQL
 * tampering), refused ones included, after every step
 *   - every stock_balance row equals the sum of its ledger rows (and every ledger pair has a balance),
 *   - nothing is negative,
 *   - a refused step changed neither the ledger nor any balance,
 *   - the balances equal a simple model that applies only the accepted steps.
 */
const PARTS = 3
const LOCS = ['main', 'quarantine'] as const
type Loc = (typeof LOCS)[number]

const step = fc.oneof(
  fc.record({ kind: fc.constant('receipt' as const), part: fc.nat(PARTS - 1), delivered: fc.integer({ min: 1, max: 6 }), rejected: fc.nat(3) }),
  fc.record({ kind: fc.constant('request' as const), part: fc.nat(PARTS - 1), qty: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ kind: fc.constant('issue' as const), line: fc.nat(20), qty: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('issueForeignLine' as const), line: fc.nat(20) }),
  fc.record({ kind: fc.constant('return' as const), line: fc.nat(20), qty: fc.integer({ min: 1, max: 2 }), loc: fc.constantFrom(...LOCS) }),
  fc.record({ kind: fc.constant('transfer' as const), part: fc.nat(PARTS - 1), qty: fc.integer({ min: 1, max: 4 }), toMain: fc.boolean(), approve: fc.boolean() }),
  fc.record({ kind: fc.constant('adjust' as const), part: fc.nat(PARTS - 1), loc: fc.constantFrom(...LOCS), qty: fc.integer({ min: -5, max: 5 }).filter((n) => n !== 0) }),
  fc.record({ kind: fc.constant('decide' as const), adj: fc.nat(20), approve: fc.boolean(), goodPin: fc.boolean() }),
  fc.record({ kind: fc.constant('voidOrder' as const) }),
  fc.record({ kind: fc.constant('tamper' as const), sql: fc.constantFrom('UPDATE stock_move SET qty = qty + 1', 'DELETE FROM stock_move', 'UPDATE stock_balance SET qty = qty + 1', 'DELETE FROM stock_balance') })
)
type Step = typeof step extends fc.Arbitrary<infer S> ? S : never

describe('the stock ledger under random movements (fast-check)', () => {
  let tc: TestCore
  let manager: Caller
  let clerk: Caller
  let tech: Caller
  let counter: Caller
  /** Voids orders. Not the approving manager: five wrong approval PINs lock that one and end its sessions. */
  let voider: Caller
  let parts: number[]
  let docSeq = 0

  beforeAll(async () => {
    tc = await startTestCore()
    manager = await setUpStore(tc)
    clerk = await userWithRole(tc, manager, 'warehouse')
    tech = await userWithRole(tc, manager, 'technician')
    counter = await userWithRole(tc, manager, 'counter')
    voider = await userWithRole(tc, manager, 'manager', 'boss2')
    parts = []
    for (let i = 0; i < PARTS; i++) parts.push(await createPart(clerk))
    // Some stock to start from (and rows for the tampering steps to aim at).
    await clerk.ok('warehouse.receipts.create', { supplier: 'P', supplierDocNo: 'P-0', lines: parts.map((partId) => ({ partId, deliveredQty: 3, acceptedQty: 3, unitCostFen: 100 })) })
  })
  afterAll(async () => {
    await tc.close()
  })

  const q = (sql: string) => tc.core.dataSource.query(sql)
  const state = async () => ({
    moves: ((await q(`SELECT count(*) AS n, coalesce(max(id), 0) AS last FROM stock_move`)) as { n: number; last: number }[])[0],
    balances: (await q(`SELECT partId, location, qty FROM stock_balance ORDER BY partId, location`)) as { partId: number; location: Loc; qty: number }[]
  })

  it('keeps balance = Σ ledger, never negative, refused steps change nothing', async () => {
    const seen = new Map<string, number>()
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 25 }), async (steps) => {
        // Each run: a fresh work order; the model starts from what is in the database now.
        let orderId = await takeIn(counter, tc)
        const model = new Map<string, number>()
        for (const b of (await state()).balances) model.set(`${b.partId}:${b.location}`, b.qty)
        const add = (partId: number, loc: Loc, qty: number) => model.set(`${partId}:${loc}`, (model.get(`${partId}:${loc}`) ?? 0) + qty)
        const lines: { id: number; requisitionId: number; partId: number }[] = []
        const adjustments: { id: number; partId: number; loc: Loc; qty: number }[] = []

        for (const s of steps) {
          tc.clock.set(new Date(tc.clock.current.getTime() + 61 * 60_000).toISOString()) // past any approval lockout
          const before = await state()
          let ok = false
          const apply = await run(s)
          ok = apply !== null
          if (ok) apply!()
          const tally = `${s.kind}:${ok ? 'posted' : 'refused'}`
          seen.set(tally, (seen.get(tally) ?? 0) + 1)
          const after = await state()
          const check = await checkLedger(tc)
          expect(check.mismatches, JSON.stringify(s)).toEqual([])
          expect(check.negatives).toBe(0)
          if (!ok) expect(after, `refused ${JSON.stringify(s)} changed stock`).toEqual(before)
          for (const b of after.balances) expect(b.qty, `${JSON.stringify(s)} ${b.partId}:${b.location}`).toBe(model.get(`${b.partId}:${b.location}`) ?? 0)
        }

        /** Runs one step; answers how the model changes when the app accepted it, or null when refused. */
        async function run(s: Step): Promise<(() => void) | null> {
          switch (s.kind) {
            case 'receipt': {
              const rejected = Math.min(s.rejected, s.delivered)
              const r = await clerk.call('warehouse.receipts.create', {
                supplier: 'P',
                supplierDocNo: `P-${++docSeq}`,
                lines: [{ partId: parts[s.part], deliveredQty: s.delivered, acceptedQty: s.delivered - rejected, unitCostFen: 100 + s.part, rejectReason: rejected ? '不良' : '' }]
              })
              return r.ok ? () => add(parts[s.part], 'main', s.delivered - rejected) : null
            }
            case 'request': {
              const r = await tech.call('warehouse.requisitions.create', { orderId, lines: [{ partId: parts[s.part], qty: s.qty }] })
              if (r.ok) lines.push({ id: r.value.lineViews[0].id, requisitionId: r.value.id, partId: parts[s.part] })
              return r.ok ? () => undefined : null
            }
            case 'issue': {
              const line = lines[s.line % Math.max(lines.length, 1)]
              if (!line) return null
              const r = await clerk.call('warehouse.requisitions.issue', { requisitionId: line.requisitionId, lines: [{ lineId: line.id, qty: s.qty }] })
              return r.ok ? () => add(line.partId, 'main', -s.qty) : null
            }
            case 'issueForeignLine': {
              // A line of another requisition (or none): "no issue without a requisition line".
              const line = lines[s.line % Math.max(lines.length, 1)]
              const other = lines.find((l) => line && l.requisitionId !== line.requisitionId)
              const r = await clerk.call('warehouse.requisitions.issue', { requisitionId: line?.requisitionId ?? 999999, lines: [{ lineId: other?.id ?? 999999, qty: 1 }] })
              expect(r.ok).toBe(false)
              return null
            }
            case 'return': {
              const line = lines[s.line % Math.max(lines.length, 1)]
              if (!line) return null
              const r = await clerk.call('warehouse.returns.create', { lineId: line.id, qty: s.qty, location: s.loc, note: '' })
              return r.ok ? () => add(line.partId, s.loc, s.qty) : null
            }
            case 'transfer': {
              const [from, to]: [Loc, Loc] = s.toMain ? ['quarantine', 'main'] : ['main', 'quarantine']
              const approval = s.approve ? { username: MANAGER.username, pin: MANAGER.pin } : undefined
              const r = await clerk.call('warehouse.transfers.create', { partId: parts[s.part], qty: s.qty, from, to, reason: '检验', approval })
              if (s.toMain && !s.approve) expect(r.ok).toBe(false)
              return r.ok ? () => (add(parts[s.part], from, -s.qty), add(parts[s.part], to, s.qty)) : null
            }
            case 'adjust': {
              const r = await clerk.call('warehouse.adjustments.request', { partId: parts[s.part], location: s.loc, qty: s.qty, reason: '核对' })
              if (r.ok) adjustments.push({ id: r.value.id, partId: parts[s.part], loc: s.loc, qty: s.qty })
              return null // a request changes no stock: checked like a refused step
            }
            case 'decide': {
              const a = adjustments[s.adj % Math.max(adjustments.length, 1)]
              if (!a) return null
              const approval = { username: MANAGER.username, pin: s.goodPin ? MANAGER.pin : '0000' }
              const r = s.approve
                ? await clerk.call('warehouse.adjustments.approve', { adjustmentId: a.id, approval })
                : await clerk.call('warehouse.adjustments.reject', { adjustmentId: a.id, reason: '不批', approval })
              if (!s.goodPin) expect(r.ok).toBe(false)
              return r.ok && s.approve ? () => add(a.partId, a.loc, a.qty) : null
            }
            case 'voidOrder': {
              await voider.ok('orders.void', { orderId, reason: '客户取消' })
              orderId = await takeIn(counter, tc)
              return null // voiding moves no stock; later issues on its requisitions are refused
            }
            case 'tamper': {
              await expect(q(s.sql)).rejects.toThrow(/append-only|kept by the ledger/)
              return null
            }
          }
        }
      }),
      // Enough runs that every step is seen both posted and refused (checked below) on any seed.
      { numRuns: 80 }
    )
    // The runs did exercise both sides of every stock-moving step.
    for (const k of ['receipt:posted', 'issue:posted', 'issue:refused', 'return:posted', 'return:refused', 'transfer:posted', 'transfer:refused', 'decide:posted', 'decide:refused']) {
      expect(seen.get(k) ?? 0, `${k} in ${JSON.stringify([...seen])}`).toBeGreaterThan(0)
    }
  }, 180_000)
})
