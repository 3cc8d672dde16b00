import { MANAGER, sampleIntake, userWithRole, type Caller, type TestCore } from '../../../test/helpers/core'
import { closeCounterWithPrinter, startCounterWithPrinter } from '../../../test/helpers/counter-with-printer'
import { decodeEscPos } from '../../../test/helpers/escpos-decode'
import type { PrinterEmulator } from '../../../test/helpers/printer-emulator'
import type { OrderStatus } from '../../shared/domain/order-status'
import { moveOrder } from '../repairs/status'
import { heldForOrder } from '../payments/service'
import { openLoanerFor } from './open-loan'

let tc: TestCore
let manager: Caller
let clerk: Caller
let printer: PrinterEmulator

const loaner = { code: 'BY-01', device: '华为 畅享 20', serial: '860000000000001', condition: '九成新，背面划痕', depositFen: 50000 }
const approval = { username: MANAGER.username, pin: MANAGER.pin }
const payments = (orderId: number) =>
  tc.core.dataSource.query(`SELECT kind, method, amountFen, loanId FROM payment WHERE orderId = ? ORDER BY id`, [orderId]) as Promise<
    { kind: string; method: string; amountFen: number; loanId: number | null }[]
  >

beforeEach(async () => {
  ;({ tc, manager, clerk, printer } = await startCounterWithPrinter())
})
afterEach(() => closeCounterWithPrinter({ tc, printer }))

describe('loaners (备用机)', () => {
  it('pool: the manager adds and edits loaners; a code is unique; others may only look', async () => {
    const created = await manager.ok('loaners.create', loaner)
    expect(created).toMatchObject({ ...loaner, active: true, loan: null })
    expect(await manager.call('loaners.create', { ...loaner, device: '另一台' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { code: '这个编号已被另一台备用机使用' } } })
    expect(await clerk.call('loaners.create', { ...loaner, code: 'BY-02' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await clerk.call('loaners.update', { ...loaner, loanerId: created.id, active: false })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const edited = await manager.ok('loaners.update', { ...loaner, loanerId: created.id, condition: '屏幕有划痕', active: true })
    expect(edited.condition).toBe('屏幕有划痕')
    expect((await clerk.ok('loaners.list', {})).map((l) => l.code)).toEqual(['BY-01'])
  })

  it('lends against a deposit (not money held for the repair), one open loan per loaner and per order, overdue after the due date', async () => {
    const by1 = await manager.ok('loaners.create', loaner)
    const by2 = await manager.ok('loaners.create', { ...loaner, code: 'BY-02', serial: '' })
    const { order } = await clerk.ok('intake.create', sampleIntake())
    const { order: other } = await clerk.ok('intake.create', sampleIntake())

    const { loan } = await clerk.ok('loaners.lend', { orderId: order.id, loanerId: by1.id, depositMethod: 'wechat' })
    expect(loan).toMatchObject({ code: 'BY-01', orderNo: order.orderNo, depositFen: 50000, depositMethod: 'wechat', dueDate: '2026-11-30', overdue: false, conditionOut: loaner.condition })
    expect(await payments(order.id)).toEqual([{ kind: 'deposit', method: 'wechat', amountFen: 50000, loanId: loan.loanId }])
    expect(heldForOrder(tc.core.dataSource.manager, order.id)).toBe(0)
    expect(openLoanerFor(tc.core.dataSource.manager, order.id)).toMatchObject({ loanId: loan.loanId, code: 'BY-01' })

    const busy = await clerk.call('loaners.lend', { orderId: other.id, loanerId: by1.id, depositMethod: 'cash' })
    expect(busy).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: `备用机 BY-01 已借给工单 ${order.orderNo}` } })
    const twice = await clerk.call('loaners.lend', { orderId: order.id, loanerId: by2.id, depositMethod: 'cash' })
    expect(twice).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: `工单 ${order.orderNo} 已借出备用机 BY-01，请先归还` } })
    expect(await clerk.call('loaners.lend', { orderId: other.id, loanerId: by2.id, depositMethod: 'cash', dueDate: '2026-11-20' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { dueDate: '应还日期不能早于今天' } }
    })
    expect(await manager.call('loaners.update', { ...loaner, loanerId: by1.id, active: false })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })

    const pool = await clerk.ok('loaners.list', {})
    expect(pool.map((l) => [l.code, l.loan?.orderNo ?? null])).toEqual([
      ['BY-01', order.orderNo],
      ['BY-02', null]
    ])
    // 1 Dec in Shanghai: past the due date (30 Nov).
    tc.clock.set('2026-11-30T16:30:00Z')
    const [out] = await clerk.ok('loaners.out', {})
    expect(out).toMatchObject({ code: 'BY-01', overdue: true, customerName: '张三' })
  })

  it('return: the deposit is refunded, or kept only with a reason and a manager’s PIN', async () => {
    const by1 = await manager.ok('loaners.create', loaner)
    const { order } = await clerk.ok('intake.create', sampleIntake())
    const { loan } = await clerk.ok('loaners.lend', { orderId: order.id, loanerId: by1.id, depositMethod: 'cash' })

    const noReason = await clerk.call('loaners.return', { loanId: loan.loanId, conditionIn: '屏幕碎', outcome: 'kept', approval })
    expect(noReason).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { reason: '扣留押金必须写明原因' } } })
    const noApproval = await clerk.call('loaners.return', { loanId: loan.loanId, conditionIn: '屏幕碎', outcome: 'kept', reason: '屏幕摔碎' })
    expect(noApproval).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { 'approval.username': '必填' } } })
    const wrongPin = await clerk.call('loaners.return', { loanId: loan.loanId, conditionIn: '屏幕碎', outcome: 'kept', reason: '屏幕摔碎', approval: { ...approval, pin: '0000' } })
    expect(wrongPin).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { 'approval.pin': expect.any(String) } } })
    expect((await clerk.ok('loaners.out', {})).length).toBe(1)

    const kept = await clerk.ok('loaners.return', { loanId: loan.loanId, conditionIn: '屏幕碎', outcome: 'kept', reason: '屏幕摔碎', approval })
    expect(kept).toMatchObject({ outcome: 'kept', keptReason: '屏幕摔碎', conditionIn: '屏幕碎' })
    expect(kept.returnedAt).not.toBeNull()
    expect(await payments(order.id)).toEqual([{ kind: 'deposit', method: 'cash', amountFen: 50000, loanId: loan.loanId }])
    expect(await clerk.ok('loaners.out', {})).toEqual([])
    expect(openLoanerFor(tc.core.dataSource.manager, order.id)).toBeNull()
    const [approved] = (await tc.core.dataSource.query(`SELECT approvedById FROM loaner_loan WHERE id = ?`, [loan.loanId])) as { approvedById: number }[]
    expect(approved.approvedById).toBe(1)
    expect((await clerk.ok('loaners.list', {}))[0].condition).toBe('屏幕碎')
    expect(await clerk.call('loaners.return', { loanId: loan.loanId, conditionIn: '', outcome: 'refunded' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })

    // Lent again (same order): refunded this time, the way it was paid.
    const again = await clerk.ok('loaners.lend', { orderId: order.id, loanerId: by1.id, depositMethod: 'alipay' })
    const refunded = await clerk.ok('loaners.return', { loanId: again.loan.loanId, conditionIn: '', outcome: 'refunded' })
    expect(refunded.outcome).toBe('refunded')
    expect((await payments(order.id)).slice(1)).toEqual([
      { kind: 'deposit', method: 'alipay', amountFen: 50000, loanId: again.loan.loanId },
      { kind: 'refund', method: 'alipay', amountFen: -50000, loanId: again.loan.loanId }
    ])
    const history = await clerk.ok('loaners.forOrder', { orderId: order.id })
    expect(history.open).toBeNull()
    expect(history.past.map((l) => l.outcome)).toEqual(['refunded', 'kept'])
    const tech = await userWithRole(tc, manager, 'technician')
    expect(await tech.call('loaners.lend', { orderId: order.id, loanerId: by1.id, depositMethod: 'cash' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('refuses to "keep" the deposit of a loan that has none, instead of dropping the reason (nothing changes)', async () => {
    const free = await manager.ok('loaners.create', { ...loaner, code: 'BY-00', depositFen: 0 })
    const { order } = await clerk.ok('intake.create', sampleIntake())
    const { loan } = await clerk.ok('loaners.lend', { orderId: order.id, loanerId: free.id, depositMethod: 'cash' })
    expect(loan.depositFen).toBe(0)

    const kept = await clerk.call('loaners.return', { loanId: loan.loanId, conditionIn: '屏幕碎', outcome: 'kept', reason: '屏幕摔碎', approval })
    expect(kept).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { outcome: '这次借用没有押金，无法扣留押金' } } })
    // Nothing was written: still out, no approval, no condition change, no payment, no audit of a return.
    expect((await clerk.ok('loaners.out', {})).map((l) => l.loanId)).toEqual([loan.loanId])
    const [row] = (await tc.core.dataSource.query(`SELECT returnedAt, outcome, keptReason, approvedById FROM loaner_loan WHERE id = ?`, [loan.loanId])) as Record<string, unknown>[]
    expect(row).toEqual({ returnedAt: null, outcome: null, keptReason: '', approvedById: null })
    expect((await clerk.ok('loaners.list', {})).find((l) => l.code === 'BY-00')?.condition).toBe(loaner.condition)
    expect(await payments(order.id)).toEqual([])
    const audits = (await tc.core.dataSource.query(`SELECT COUNT(*) AS n FROM audit_log WHERE action = 'loaner.return'`)) as { n: number }[]
    expect(audits[0].n).toBe(0)

    // A plain return of a deposit-free loan still works, and records no deposit outcome.
    const back = await clerk.ok('loaners.return', { loanId: loan.loanId, conditionIn: '屏幕碎', outcome: 'refunded' })
    expect(back).toMatchObject({ outcome: 'none', keptReason: '', conditionIn: '屏幕碎' })
    expect(await payments(order.id)).toEqual([])
  })

  it('refuses to lend on an order that has left the shop', async () => {
    const by1 = await manager.ok('loaners.create', loaner)
    const { order } = await clerk.ok('intake.create', sampleIntake())
    const steps: OrderStatus[] = ['received', 'diagnosing', 'repairing', 'qualityCheck', 'ready', 'pickedUp']
    await tc.core.dataSource.transaction(async (em) => {
      for (let i = 1; i < steps.length; i++) moveOrder(em, { orderId: order.id, from: steps[i - 1], to: steps[i], at: tc.clock.now(), userId: 1 })
    })
    const r = await clerk.call('loaners.lend', { orderId: order.id, loanerId: by1.id, depositMethod: 'cash' })
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: `工单 ${order.orderNo} 是「已取机」，设备不在店里，不能借备用机` } })
  })

  it('prints the claim ticket again with the loaner on it', async () => {
    await manager.ok('settings.update', { printer: { enabled: true, interface: printer.url, widthMm: 80, type: 'epson', characterSet: 'GB18030', printDeviceTag: false } })
    const by1 = await manager.ok('loaners.create', loaner)
    const { order } = await clerk.ok('intake.create', sampleIntake())
    const [original] = (await printer.waitForJobs(1, 5000)).map(decodeEscPos)
    expect(original.text).not.toContain('BY-01')

    const lent = await clerk.ok('loaners.lend', { orderId: order.id, loanerId: by1.id, depositMethod: 'wechat' })
    expect(lent.printJobs.map((j) => j.kind)).toEqual(['claimTicket'])
    const [, copy] = (await printer.waitForJobs(2, 5000)).map(decodeEscPos)
    expect(copy.text).toContain(order.orderNo)
    expect(copy.text).toContain('备用机')
    expect(copy.lines.some((l) => l.includes('BY-01 华为 畅享 20'))).toBe(true)
    expect(copy.text).toContain('2026-11-30')
    expect(copy.text).toContain('取机时请先归还备用机')
    expect(copy.qr).toEqual(original.qr)
  })

  it('a cash deposit paid back opens the drawer, like the cash taken when lending (review of issue 8)', async () => {
    await manager.ok('settings.update', { printer: { enabled: true, interface: printer.url, widthMm: 80, type: 'epson', characterSet: 'GB18030', printDeviceTag: false, openDrawerOnCash: true } })
    const by1 = await manager.ok('loaners.create', { ...loaner, code: 'BY-09' })
    const { order } = await clerk.ok('intake.create', sampleIntake())
    const kicks = async () => ((await tc.core.dataSource.query(`SELECT COUNT(*) AS n FROM print_job WHERE orderId = ? AND kind = 'drawerKick'`, [order.id])) as { n: number }[])[0].n
    const { loan } = await clerk.ok('loaners.lend', { orderId: order.id, loanerId: by1.id, depositMethod: 'cash' })
    expect(await kicks()).toBe(1)
    await clerk.ok('loaners.return', { loanId: loan.loanId, conditionIn: '', outcome: 'refunded' })
    expect(await kicks()).toBe(2)
  })
})
