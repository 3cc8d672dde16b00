import { MANAGER, setUpStore, startTestCore, userWithRole, type Caller, type TestCore } from '../helpers/core'
import { createPart, stockUp, takeIn } from '../helpers/warehouse'

describe('probe', () => {
  let tc: TestCore
  let manager: Caller
  let clerk: Caller
  let tech: Caller
  let counter: Caller
  let p: number
  let orderId: number
  beforeAll(async () => {
    tc = await startTestCore()
    manager = await setUpStore(tc)
    clerk = await userWithRole(tc, manager, 'warehouse', 'store1')
    tech = await userWithRole(tc, manager, 'technician', 'tech1')
    counter = await userWithRole(tc, manager, 'counter', 'counter1')
    p = await createPart(clerk, { sku: 'P1', name: 'Part1' })
    orderId = await takeIn(counter)
  })
  afterAll(async () => tc.close())
  const show = (label: string, r: unknown) => console.log(label, JSON.stringify(r).slice(0, 400))
  it('probes', async () => {
    const line = (o: object) => ({ supplier: 'S', supplierDocNo: 'D' + Math.random(), lines: [{ partId: p, deliveredQty: 1, acceptedQty: 1, unitCostFen: 100, ...o }] })
    for (const o of [{ deliveredQty: 0, acceptedQty: 0 }, { deliveredQty: -1 }, { deliveredQty: 1e9, acceptedQty: 1e9 }, { deliveredQty: 1.5 }, { deliveredQty: '5' }, { unitCostFen: 0 }, { unitCostFen: -1 }, { unitCostFen: 1.5 }, { partId: 9999 }, { partId: -1 }, { deliveredQty: 2, acceptedQty: -1 }, { deliveredQty: 1, acceptedQty: 0, rejectReason: '坏' }]) {
      show('receipt ' + JSON.stringify(o), await clerk.call('warehouse.receipts.create', line(o) as never))
    }
    show('huge total', await clerk.call('warehouse.receipts.create', { supplier: 'S', supplierDocNo: 'HUGE', lines: Array.from({ length: 100 }, () => ({ partId: p, deliveredQty: 100000, acceptedQty: 100000, unitCostFen: 100_000_000_00 })) }))
    show('parts.get', await clerk.call('warehouse.parts.get', { partId: p }))
    show('dup receipt lines', await clerk.call('warehouse.receipts.create', { supplier: 'S', supplierDocNo: 'DUP', lines: [{ partId: p, deliveredQty: 1, acceptedQty: 1, unitCostFen: 100 }, { partId: p, deliveredQty: 1, acceptedQty: 1, unitCostFen: 300 }] }))
    show('dup req lines', await tech.call('warehouse.requisitions.create', { orderId, lines: [{ partId: p, qty: 100000 }, { partId: p, qty: 100000 }] }))
    const req = await tech.ok('warehouse.requisitions.create', { orderId, lines: [{ partId: p, qty: 3 }] })
    show('issue dup lineIds', await clerk.call('warehouse.requisitions.issue', { requisitionId: req.id, lines: [{ lineId: req.lineViews[0].id, qty: 2 }, { lineId: req.lineViews[0].id, qty: 2 }] }))
    show('issue 0', await clerk.call('warehouse.requisitions.issue', { requisitionId: req.id, lines: [{ lineId: req.lineViews[0].id, qty: 0 }] }))
    show('issue empty', await clerk.call('warehouse.requisitions.issue', { requisitionId: req.id, lines: [] }))
    show('return unknown', await clerk.call('warehouse.returns.create', { lineId: 99999, qty: 1, location: 'main', note: '' }))
    show('return bad loc', await clerk.call('warehouse.returns.create', { lineId: req.lineViews[0].id, qty: 1, location: 'x' as never, note: '' }))
    show('receipts.get unknown', await clerk.call('warehouse.receipts.get', { receiptId: 99999 }))
    show('receipts.pdf unknown', await clerk.call('warehouse.receipts.pdf', { receiptId: 99999 }))
    show('list beforeId 0', await clerk.call('warehouse.receipts.list', { beforeId: 0 }))
    show('list undefined', await clerk.call('warehouse.receipts.list', undefined as never))
    show('adj approve unknown', await clerk.call('warehouse.adjustments.approve', { adjustmentId: 9999, approval: { username: MANAGER.username, pin: MANAGER.pin } }))
    show('adj unknown part', await clerk.call('warehouse.adjustments.request', { partId: 9999, location: 'main', qty: 1, reason: 'x' }))
    show('transfer unknown part', await clerk.call('warehouse.transfers.create', { partId: 9999, qty: 1, from: 'main', to: 'quarantine', reason: 'x' }))
    show('transfer same', await clerk.call('warehouse.transfers.create', { partId: p, qty: 1, from: 'main', to: 'main', reason: 'x' }))
    show('approval bad', await clerk.call('warehouse.transfers.create', { partId: p, qty: 1, from: 'quarantine', to: 'main', reason: 'x', approval: { username: 'x', pin: 'abcd' } }))
    show('orderParts unknown', await clerk.call('warehouse.orderParts', { orderId: 9999 }))
    show('req get unknown', await clerk.call('warehouse.requisitions.get', { requisitionId: 9999 }))
    show('req cancel unknown', await clerk.call('warehouse.requisitions.cancel', { requisitionId: 9999, reason: 'x' }))
    show('req list status bogus', await clerk.call('warehouse.requisitions.list', { status: 'x' as never }))
    show('tech list open', await tech.call('warehouse.requisitions.list', { status: 'open' }))
    show('inactive', await clerk.call('warehouse.parts.update' as never, {} as never))
    // zero stock then receipt
    await stockUp(clerk, [{ partId: p, qty: 1, unitCostFen: 333 }])
  })
})
