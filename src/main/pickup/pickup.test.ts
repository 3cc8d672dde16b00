/**
 * Pickup through the real router on a real SQLite file: find (scan, code, mobile, order number),
 * the quote, hand-back with a split payment, the void ticket, lost ticket with a manager's PIN,
 * discounts, deposit refunds, the IMEI and loaner blocks, refunds after pickup, roles.
 */
import { claimQrData } from '@shared/receipt/tickets'
import { MANAGER, sampleIntake, setUpStore, startTestCore, userWithRole, type Caller, type TestCore } from '../../../test/helpers/core'
import { addCharges, walkOrder } from '../../../test/helpers/pickup'

let tc: TestCore
let manager: Caller
let clerk: Caller & { id: number }
const approval = { username: MANAGER.username, pin: MANAGER.pin }

/** Out of warranty, paid, ¥50 cash deposit: money to settle. */
const paid = (depositFen = 5000, mobile = '13812345678') => ({
  customer: { name: '张三', mobile, landline: '', address: '深圳市南山区' },
  purchase: { invoiceDate: '2024-01-05', invoiceNo: 'FP-0002' },
  service: { ...sampleIntake().service, type: 'paid', estimateFen: 30000, depositFen, depositMethod: depositFen ? 'cash' : null }
})

async function readyOrder(overrides: Record<string, unknown> = paid(), charges = [{ kind: 'labour' as const, description: '更换屏幕', amountFen: 12000 }, { kind: 'other' as const, description: '清洁', amountFen: 3000 }], to: 'ready' | 'unrepairable' | 'cancelled' = 'ready') {
  const { order } = await clerk.ok('intake.create', sampleIntake(overrides))
  await addCharges(tc.core.dataSource, order.id, clerk.id, charges)
  await walkOrder(tc.core.dataSource, order.id, clerk.id, to)
  return order
}

const payments = (orderId: number) =>
  tc.core.dataSource.query(`SELECT kind, method, amountFen FROM payment WHERE orderId = ? ORDER BY id`, [orderId]) as Promise<{ kind: string; method: string; amountFen: number }[]>
const auditRows = (action: string) => tc.core.dataSource.query(`SELECT entityId, detail FROM audit_log WHERE action = ? ORDER BY id`, [action]) as Promise<{ entityId: number; detail: string }[]>

beforeEach(async () => {
  tc = await startTestCore({ now: '2026-11-23T02:00:00Z' })
  manager = await setUpStore(tc)
  clerk = await userWithRole(tc, manager, 'counter')
})
afterEach(() => tc.close())

describe('pickup.find', () => {
  it('finds an order by its scanned ticket, claim code, mobile and order number; only orders still in the shop', async () => {
    const order = await readyOrder()
    const other = await clerk.ok('intake.create', sampleIntake(paid(0)))
    const scan = await clerk.ok('pickup.find', { query: claimQrData(order) })
    expect(scan.candidates.map((c) => [c.orderNo, c.matchedBy, c.canHandBack])).toEqual([[order.orderNo, 'ticket', true]])
    expect(scan.proof).toEqual({ kind: 'ticket', value: claimQrData(order) })
    // A candidate carries what the overdue rule reads (red on the counter's list).
    expect(scan.candidates[0]).toMatchObject({ promisedDate: order.service.promisedDate, returnedAt: null })
    const code = await clerk.ok('pickup.find', { query: order.claimCode.toLowerCase() })
    expect(code.candidates.map((c) => c.id)).toEqual([order.id])
    expect(code.proof).toEqual({ kind: 'code', value: order.claimCode })
    const byNo = await clerk.ok('pickup.find', { query: order.orderNo })
    expect(byNo).toMatchObject({ candidates: [{ id: order.id, matchedBy: 'orderNo' }], proof: null })
    // The customer's orders in the shop: newest first; the one still at the bench cannot be handed back yet.
    const mobile = await clerk.ok('pickup.find', { query: '138 1234 5678' })
    expect(mobile.candidates.map((c) => [c.id, c.canHandBack])).toEqual([
      [other.order.id, false],
      [order.id, true]
    ])
    expect((await clerk.ok('pickup.find', { query: '13999999999' })).candidates).toEqual([])
  })
})

describe('pickup.complete', () => {
  it('split cash + WeChat: payments net of change, 已取机, returnedAt, warranty to pickup + 3 months; then the ticket is void', async () => {
    const order = await readyOrder()
    const quote = await clerk.ok('pickup.quote', { orderId: order.id })
    expect(quote.lines.map((l) => [l.kind, l.amountFen])).toEqual([
      ['labour', 12000],
      ['other', 3000]
    ])
    expect(quote).toMatchObject({ heldFen: 5000, canHandBack: true, blocks: [], totals: { chargedFen: 15000, balanceFen: 10000 }, warrantyUntil: '2027-02-23' })

    tc.clock.set('2026-11-24T09:30:00Z') // 17:30 in Shanghai
    const done = await clerk.ok('pickup.complete', {
      orderId: order.id,
      proof: { kind: 'ticket', value: claimQrData(order) },
      tenders: [
        { method: 'wechat', amountFen: 6000 },
        { method: 'cash', amountFen: 5000 }
      ]
    })
    expect(done.settlement).toMatchObject({ dueFen: 15000, heldFen: 5000, changeFen: 1000, refundFen: 0 })
    expect(done.pickup).toMatchObject({ proofKind: 'ticket', changeFen: 1000, warrantyUntil: '2027-02-24', netPaidFen: 15000, by: { id: clerk.id } })
    expect(await payments(order.id)).toEqual([
      { kind: 'deposit', method: 'cash', amountFen: 5000 },
      { kind: 'payment', method: 'wechat', amountFen: 6000 },
      { kind: 'payment', method: 'cash', amountFen: 4000 }
    ])
    const view = await clerk.ok('orders.get', { orderId: order.id })
    expect(view.status).toBe('pickedUp')
    const [row] = (await tc.core.dataSource.query(`SELECT returnedAt FROM work_order WHERE id = ?`, [order.id])) as { returnedAt: string }[]
    expect(row.returnedAt).toBe('2026-11-24T09:30:00.000Z')
    expect((await auditRows('pickup.complete')).map((r) => r.entityId)).toEqual([order.id])
    // Printer off in this store: no job, the receipt is still returned for the PDF.
    expect(done.printJobs).toEqual([])
    expect(done.receipt.blocks.some((b) => b.kind === 'text' && b.text.includes('2027-02-24'))).toBe(true)

    // The same ticket again (scan or code): refused with the date and who collected it.
    const again = await clerk.call('pickup.find', { query: claimQrData(order) })
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    const msg = !again.ok ? again.error.message : ''
    expect(msg).toContain('已作废')
    expect(msg).toContain('2026-11-24 17:30')
    expect(msg).toContain('张三')
    expect(msg).toContain('counter 员工')
    const byCode = await clerk.call('pickup.find', { query: order.claimCode })
    expect(!byCode.ok && byCode.error.message).toBe(msg)
    const second = await clerk.call('pickup.complete', { orderId: order.id, proof: { kind: 'code', value: order.claimCode }, tenders: [] })
    expect(!second.ok && second.error.message).toBe(msg)
    expect(await payments(order.id)).toHaveLength(3)
  })

  it('refuses a wrong claim code, underpayment and card overpayment with translated messages', async () => {
    const order = await readyOrder()
    const wrong = await clerk.call('pickup.complete', { orderId: order.id, proof: { kind: 'code', value: 'XXXXXX' }, tenders: [{ method: 'cash', amountFen: 10000 }] })
    expect(wrong).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { 'proof.value': '取机码不正确' } } })
    const under = await clerk.call('pickup.complete', { orderId: order.id, proof: { kind: 'code', value: order.claimCode }, tenders: [{ method: 'cash', amountFen: 9000 }] })
    expect(under).toMatchObject({ ok: false, error: { fields: { tenders: '付款不足：还需收 ¥100.00' } } })
    const card = await clerk.call('pickup.complete', { orderId: order.id, proof: { kind: 'code', value: order.claimCode }, tenders: [{ method: 'card', amountFen: 10001 }] })
    expect(card).toMatchObject({ ok: false, error: { fields: { tenders: expect.stringContaining('只有现金可以找零') } } })
    expect((await clerk.ok('orders.get', { orderId: order.id })).status).toBe('ready')
  })

  it('a deposit larger than what is owed is refunded (the way it was paid); tenders are refused then', async () => {
    const order = await readyOrder(paid(20000), [{ kind: 'labour', description: '检测费', amountFen: 5000 }], 'unrepairable')
    const quote = await clerk.ok('pickup.quote', { orderId: order.id })
    expect(quote).toMatchObject({ canHandBack: true, totals: { balanceFen: -15000 }, warrantyUntil: null })
    const paying = await clerk.call('pickup.complete', { orderId: order.id, proof: { kind: 'code', value: order.claimCode }, tenders: [{ method: 'cash', amountFen: 100 }] })
    expect(paying).toMatchObject({ ok: false, error: { fields: { tenders: expect.stringContaining('无需付款') } } })
    const done = await clerk.ok('pickup.complete', { orderId: order.id, proof: { kind: 'code', value: order.claimCode } })
    expect(done.settlement).toMatchObject({ dueFen: 5000, refundFen: 15000 })
    expect(done.pickup).toMatchObject({ fromStatus: 'unrepairable', refundFen: 15000, refundMethod: 'cash', warrantyUntil: null, netPaidFen: 5000 })
    expect(await payments(order.id)).toEqual([
      { kind: 'deposit', method: 'cash', amountFen: 20000 },
      { kind: 'refund', method: 'cash', amountFen: -15000 }
    ])
  })

  it('三包 order: parts and labour free, shown as such; nothing to pay', async () => {
    const { order } = await clerk.ok('intake.create', sampleIntake())
    await addCharges(tc.core.dataSource, order.id, clerk.id, [{ kind: 'labour', description: '主板维修', amountFen: 20000 }])
    await walkOrder(tc.core.dataSource, order.id, clerk.id)
    const quote = await clerk.ok('pickup.quote', { orderId: order.id })
    expect(quote.lines[0]).toMatchObject({ amountFen: 20000, warrantyFree: true })
    expect(quote.totals).toMatchObject({ grossFen: 20000, coverageFen: 20000, chargedFen: 0, balanceFen: 0 })
    const done = await clerk.ok('pickup.complete', { orderId: order.id, proof: { kind: 'code', value: order.claimCode } })
    expect(done.settlement).toMatchObject({ dueFen: 0, refundFen: 0, payments: [] })
  })

  it('a discount needs a manager PIN and a reason; too large is refused; it is audited', async () => {
    const order = await readyOrder()
    const base = { orderId: order.id, proof: { kind: 'code' as const, value: order.claimCode } }
    const wrongPin = await clerk.call('pickup.complete', { ...base, discount: { kind: 'percent', percent: 10, reason: '老客户', approval: { ...approval, pin: '0000' } }, tenders: [{ method: 'cash', amountFen: 8500 }] })
    expect(wrongPin).toMatchObject({ ok: false, error: { fields: { 'approval.pin': expect.stringContaining('PIN') } } })
    const noReason = await clerk.call('pickup.complete', { ...base, discount: { kind: 'amount', amountFen: 1000, reason: '', approval }, tenders: [] })
    expect(noReason).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { 'discount.reason': expect.any(String) } } })
    const tooLarge = await clerk.call('pickup.complete', { ...base, discount: { kind: 'amount', amountFen: 15001, reason: '老客户', approval }, tenders: [] })
    expect(tooLarge).toMatchObject({ ok: false, error: { fields: { 'discount.amountFen': '优惠不能超过应收金额' } } })
    // 10 % of ¥150 = ¥15: due ¥135, deposit ¥50, ¥85 to pay.
    const done = await clerk.ok('pickup.complete', { ...base, discount: { kind: 'percent', percent: 10, reason: '老客户', approval }, tenders: [{ method: 'alipay', amountFen: 8500 }] })
    expect(done.pickup).toMatchObject({ discountFen: 1500, discountBasisPoints: 1000, discountReason: '老客户', discountApprovedBy: { displayName: MANAGER.displayName } })
    const [a] = await auditRows('pickup.discount')
    expect(JSON.parse(a.detail)).toMatchObject({ discountFen: 1500, reason: '老客户', approvedBy: 'boss' })
  })

  it('lost ticket: collector ID and a manager PIN on the same screen; a wrong PIN is refused and counted', async () => {
    const order = await readyOrder()
    const lost = { kind: 'lost' as const, collectorName: '李四', idType: 'idCard' as const, idNumber: '440301199001011234' }
    const tenders = [{ method: 'cash' as const, amountFen: 10000 }]
    const wrong = await clerk.call('pickup.complete', { orderId: order.id, proof: { ...lost, approval: { ...approval, pin: '1111' } }, tenders })
    expect(wrong).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { 'approval.pin': expect.any(String) } } })
    expect(await auditRows('auth.wrongPin')).toHaveLength(1)
    const notManager = await clerk.call('pickup.complete', { orderId: order.id, proof: { ...lost, approval: { username: 'counter1', pin: '1357' } }, tenders })
    expect(notManager).toMatchObject({ ok: false, error: { fields: { 'approval.username': expect.any(String) } } })
    expect((await clerk.ok('orders.get', { orderId: order.id })).status).toBe('ready')

    const done = await clerk.ok('pickup.complete', { orderId: order.id, proof: { ...lost, approval }, tenders })
    expect(done.pickup).toMatchObject({ proofKind: 'lost', collectorName: '李四', idType: 'idCard', approvedBy: { displayName: MANAGER.displayName } })
    const [a] = await auditRows('pickup.lostTicket')
    expect(JSON.parse(a.detail)).toMatchObject({ collectorName: '李四', idType: 'idCard', idNumber: '440301199001011234', approvedBy: 'boss' })
    // Who collected, for the void-ticket message: the person with the ID, not the customer on the order.
    const again = await clerk.call('pickup.find', { query: order.claimCode })
    expect(!again.ok && again.error.message).toContain('李四')
  })

  it('refuses while the order is at the bench, while its IMEI is pending, and while a loaner is out', async () => {
    const { order: bench } = await clerk.ok('intake.create', sampleIntake(paid()))
    const notReady = await clerk.call('pickup.complete', { orderId: bench.id, proof: { kind: 'code', value: bench.claimCode } })
    expect(notReady).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('已收机') } })

    const imei = await readyOrder({ ...paid(0), device: { ...sampleIntake().device, serial: '', imeiUnreadable: true, imeiUnreadableReason: '黑屏' } }, [])
    const quote = await clerk.ok('pickup.quote', { orderId: imei.id })
    expect(quote).toMatchObject({ imeiPending: true, canHandBack: false, blocks: [{ kind: 'imeiPending' }] })
    const blocked = await clerk.call('pickup.complete', { orderId: imei.id, proof: { kind: 'code', value: imei.claimCode } })
    expect(blocked).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('IMEI') } })
    await clerk.ok('orders.supplyImei', { orderId: imei.id, serial: '352099001761481' })
    await clerk.ok('pickup.complete', { orderId: imei.id, proof: { kind: 'code', value: imei.claimCode } })

    const lent = await readyOrder(paid(0), [])
    await tc.core.dataSource.query(`INSERT INTO loaner (code, device, serial, condition, depositFen, active, createdAt, updatedAt) VALUES ('BY-01', '红米 Note 12', 'SN1', '', 20000, 1, '', '')`)
    await tc.core.dataSource.query(
      `INSERT INTO loaner_loan (loanerId, orderId, depositFen, dueDate, lentAt, lentById) VALUES ((SELECT id FROM loaner WHERE code = 'BY-01'), ?, 20000, '2026-11-30', '2026-11-23T02:00:00Z', ?)`,
      [lent.id, clerk.id]
    )
    const loanQuote = await clerk.ok('pickup.quote', { orderId: lent.id })
    expect(loanQuote).toMatchObject({ canHandBack: false, loaner: { code: 'BY-01' }, blocks: [{ kind: 'loanerOut', message: expect.stringContaining('BY-01') }] })
    const out = await clerk.call('pickup.complete', { orderId: lent.id, proof: { kind: 'code', value: lent.claimCode } })
    expect(out).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('备用机 BY-01') } })
  })
})

describe('pickup.refund (after pickup, manager approval)', () => {
  it('refunds part of what was paid; more than the net paid is refused; shown on the receipt', async () => {
    const order = await readyOrder()
    await clerk.ok('pickup.complete', { orderId: order.id, proof: { kind: 'code', value: order.claimCode }, tenders: [{ method: 'wechat', amountFen: 10000 }] })
    const tooMuch = await clerk.call('pickup.refund', { orderId: order.id, amountFen: 15001, method: 'wechat', reason: '屏幕色差，退部分工时', approval })
    expect(tooMuch).toMatchObject({ ok: false, error: { fields: { amountFen: '退款不能超过实收 ¥150.00' } } })
    const wrongPin = await clerk.call('pickup.refund', { orderId: order.id, amountFen: 2000, method: 'wechat', reason: '屏幕色差', approval: { ...approval, pin: '9999' } })
    expect(wrongPin).toMatchObject({ ok: false, error: { fields: { 'approval.pin': expect.any(String) } } })
    const r = await clerk.ok('pickup.refund', { orderId: order.id, amountFen: 2000, method: 'wechat', reason: '屏幕色差', approval })
    expect(r.pickup).toMatchObject({ netPaidFen: 13000, laterRefunds: [{ method: 'wechat', amountFen: -2000 }] })
    expect((await auditRows('pickup.refund')).length).toBe(1)
    const notPicked = await readyOrder()
    const refused = await clerk.call('pickup.refund', { orderId: notPicked.id, amountFen: 100, method: 'cash', reason: 'x', approval })
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  })
})

describe('roles', () => {
  it('technicians and the warehouse cannot hand devices back or take money', async () => {
    const order = await readyOrder()
    const tech = await userWithRole(tc, manager, 'technician')
    const store = await userWithRole(tc, manager, 'warehouse')
    for (const who of [tech, store]) {
      expect(await who.call('pickup.find', { query: order.claimCode })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
      expect(await who.call('pickup.complete', { orderId: order.id, proof: { kind: 'code', value: order.claimCode }, tenders: [{ method: 'cash', amountFen: 10000 }] })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' }
      })
    }
    expect((await manager.ok('pickup.find', { query: order.claimCode })).candidates).toHaveLength(1)
  })
})
