import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { CorrectionInput, OrderView } from '@shared/contract/intake'
import { sampleIntake, setUpStore, startTestCore, userWithRole, validImei, type Caller, type TestCore } from '../../../test/helpers/core'

let tc: TestCore
let manager: Caller
let clerk: Caller & { id: number }

beforeEach(async () => {
  tc = await startTestCore({ now: '2026-11-23T02:00:00Z' })
  manager = await setUpStore(tc)
  clerk = await userWithRole(tc, manager, 'counter')
})
afterEach(() => tc.close())

const rows = (sql: string, params: unknown[] = []) => tc.core.dataSource.query(sql, params)
const auditOf = async (action: string) =>
  (await rows(`SELECT userId, detail FROM audit_log WHERE action=? ORDER BY id`, [action])).map((r: { userId: number; detail: string | null }) => ({
    userId: r.userId,
    detail: r.detail ? JSON.parse(r.detail) : null
  }))

/** The correction form as it opens: the order as it is. */
function asCorrection(o: OrderView): CorrectionInput {
  const { imeiPending: _p, hasPasscode: _h, ...device } = o.device
  return {
    orderId: o.id,
    customer: o.customer,
    device,
    fault: o.fault,
    condition: o.condition,
    accessories: o.accessories,
    promisedDate: o.service.promisedDate
  }
}

const printerOn = () =>
  manager.ok('settings.update', {
    printer: { enabled: true, interface: 'tcp://127.0.0.1:9', widthMm: 80, type: 'epson', characterSet: 'GB18030', printDeviceTag: false }
  })

describe('orders.correct', () => {
  it('fixes a typo, audits old and new values, and prints a ticket marked 更正 with its copy number', async () => {
    await printerOn()
    const { order } = await clerk.ok('intake.create', sampleIntake())
    const fix = asCorrection(order)
    fix.customer = { ...order.customer, name: '张珊' }
    fix.device = { ...fix.device, model: 'Mate 60 Pro' }
    fix.accessories = { items: ['charger'], other: '' }
    fix.promisedDate = '2026-12-01'

    const r = await clerk.ok('orders.correct', fix)
    expect(r.order).toMatchObject({ orderNo: order.orderNo, customer: { name: '张珊' }, device: { model: 'Mate 60 Pro' }, correctedAt: '2026-11-23T02:00:00.000Z' })
    expect(r.order.service.promisedDate).toBe('2026-12-01')
    // The original never reached the printer (nothing listens on port 9): it is superseded, and the
    // corrected ticket is the first copy, marked 更正 (copies after a printed one: superseded.test.ts).
    expect(r.printJobs.map((j) => [j.kind, j.reprintNo])).toEqual([['claimTicket', 0]])
    const jobs = await clerk.ok('printing.jobs', { orderId: order.id })
    expect(jobs).toHaveLength(2)
    expect(jobs[0]).toMatchObject({ status: 'done', lastError: 'printer.detail.superseded', printedAt: null })
    const ticket = await clerk.ok('printing.preview', { orderId: order.id, kind: 'claimTicket' })
    expect(ticket.reprintLabel).toBe('')
    expect(JSON.stringify(ticket.blocks)).toContain('【更正】')
    expect(JSON.stringify(ticket.blocks)).toContain('张珊')

    const [entry] = await auditOf('order.correct')
    expect(entry.detail.changes).toEqual({
      'customer.name': { old: '张三', new: '张珊' },
      'device.model': { old: 'Mate 60', new: 'Mate 60 Pro' },
      'accessories.items.1': { old: 'simTray', new: null },
      promisedDate: { old: '2026-11-30', new: '2026-12-01' }
    })
    expect((await clerk.ok('orders.get', { orderId: order.id })).customer.name).toBe('张珊')
  })

  it('refuses an unchanged form, a void order, and bad input, changing nothing', async () => {
    const { order } = await clerk.ok('intake.create', sampleIntake())
    expect(await clerk.call('orders.correct', asCorrection(order))).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: '没有任何改动' } })
    const emoji = { ...asCorrection(order), customer: { ...order.customer, name: '张三🙂' } }
    expect(await clerk.call('orders.correct', emoji)).toMatchObject({ ok: false, error: { fields: { 'customer.name': expect.stringContaining('U+1F642') } } })
    await manager.ok('orders.void', { orderId: order.id, reason: '重复录入' })
    const late = { ...asCorrection(order), customer: { ...order.customer, name: '张珊' } }
    expect(await clerk.call('orders.correct', late)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '该工单已作废' } })
    expect((await clerk.ok('orders.get', { orderId: order.id })).customer.name).toBe('张三')
    expect(await auditOf('order.correct')).toEqual([])
  })

  it('warns when the corrected IMEI belongs to another open order', async () => {
    const serial = validImei('86999988887777')
    const other = await clerk.ok('intake.create', sampleIntake({ device: { category: 'phone', brand: '小米', model: '14', serial, colour: '' } }))
    const { order } = await clerk.ok('intake.create', sampleIntake())
    const fix = { ...asCorrection(order), device: { ...asCorrection(order).device, serial } }
    expect(await clerk.ok('intake.warnings', { ...fix, orderId: order.id })).toEqual([{ code: 'openOrderSameSerial', orderId: other.order.id, orderNo: other.order.orderNo }])
    expect(await clerk.call('orders.correct', fix)).toMatchObject({ ok: false, error: { fields: { 'warnings.openOrderSameSerial': expect.stringContaining(other.order.orderNo) } } })
    await clerk.ok('orders.correct', { ...fix, acknowledgedWarnings: [{ code: 'openOrderSameSerial', reason: '两张单是同一台机' }] })
    expect(await auditOf('intake.warningOverride')).toMatchObject([{ detail: { code: 'openOrderSameSerial' } }])
  })
})

describe('orders.void', () => {
  it('is refused to a clerk; a manager voids with a reason, the number stays, the deposit is refunded', async () => {
    const deposit = { type: 'paid', estimateFen: 30000, depositFen: 5000, depositMethod: 'wechat', promisedDate: '2026-11-30', technicianId: null }
    const { order } = await clerk.ok('intake.create', sampleIntake({ service: deposit, purchase: { invoiceDate: null, invoiceNo: '' } }))

    expect(await clerk.call('orders.void', { orderId: order.id, reason: '录错客户' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await manager.call('orders.void', { orderId: order.id, reason: ' ' })).toMatchObject({ ok: false, error: { fields: { reason: '必填' } } })
    expect((await clerk.ok('orders.get', { orderId: order.id })).status).toBe('received')

    const r = await manager.ok('orders.void', { orderId: order.id, reason: '录错客户' })
    expect(r.refund).toEqual({ amountFen: 5000, method: 'wechat' })
    expect(r.order).toMatchObject({ orderNo: order.orderNo, status: 'void', voided: { reason: '录错客户', by: { displayName: '王店长' } } })
    const payments = await rows('SELECT kind, method, amountFen FROM payment WHERE orderId=? ORDER BY id', [order.id])
    expect(payments).toEqual([
      { kind: 'deposit', method: 'wechat', amountFen: 5000 },
      { kind: 'refund', method: 'wechat', amountFen: -5000 }
    ])
    expect(await manager.call('orders.void', { orderId: order.id, reason: '再来一次' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(await rows('SELECT COUNT(*) AS n FROM payment')).toEqual([{ n: 2 }])
    expect(await auditOf('order.void')).toMatchObject([{ detail: { reason: '录错客户', refundFen: 5000, changes: { status: { old: 'received', new: 'void' } } } }])

    // The number is never reused: the next order takes the next one.
    expect((await clerk.ok('intake.create', sampleIntake())).order.orderNo).toBe('2611-0002')
    // The voided ticket says so.
    const pdfTicket = await clerk.ok('printing.preview', { orderId: order.id, kind: 'claimTicket' })
    expect(JSON.stringify(pdfTicket.blocks)).toContain('【作废】')
  })

  it('is refused while a loaner lent on the order is still out, and goes through once it is back', async () => {
    const by1 = await manager.ok('loaners.create', { code: 'BY-01', device: '华为 畅享 20', serial: '860000000000001', condition: '九成新', depositFen: 50000 })
    const { order } = await clerk.ok('intake.create', sampleIntake())
    await clerk.ok('loaners.lend', { orderId: order.id, loanerId: by1.id, depositMethod: 'cash' })
    expect(await manager.call('orders.void', { orderId: order.id, reason: '客户不修了' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '备用机 BY-01（华为 畅享 20）尚未归还：请先收回备用机，再作废工单' }
    })
    expect((await clerk.ok('orders.get', { orderId: order.id })).status).toBe('received')
    const loan = (await clerk.ok('loaners.forOrder', { orderId: order.id })).open!
    await clerk.ok('loaners.return', { loanId: loan.loanId, outcome: 'refunded', conditionIn: '完好' })
    expect((await manager.ok('orders.void', { orderId: order.id, reason: '客户不修了' })).order.status).toBe('void')
  })
})

describe('device passcode', () => {
  const withPasscode = (passcode: string) => {
    const input = sampleIntake()
    input.device = { ...input.device, passcode }
    return input
  }

  it('is stored sealed, shown only to technicians and managers on demand (audited), never in the order or on the ticket', async () => {
    const secret = '1-5-9-6-3'
    const { order } = await clerk.ok('intake.create', withPasscode(secret))
    expect(order.device.hasPasscode).toBe(true)
    expect(JSON.stringify(order)).not.toContain(secret)

    const [row] = await rows('SELECT passcodeSealed FROM work_order WHERE id=?', [order.id])
    expect(row.passcodeSealed).toMatch(/^v1:/)
    expect(row.passcodeSealed).not.toContain(secret)
    expect(Buffer.from(row.passcodeSealed.slice(3), 'base64').toString('latin1')).not.toContain(secret)
    for (const file of [tc.dbPath, `${tc.dbPath}-wal`].filter(existsSync)) expect(readFileSync(file).includes(Buffer.from(secret)), file).toBe(false)
    // The key lives outside the database, readable by the owner only.
    expect(statSync(join(tc.dir, 'passcode.key')).mode & 0o777).toBe(0o600)

    expect(await clerk.call('orders.revealPasscode', { orderId: order.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const tech = await userWithRole(tc, manager, 'technician')
    expect(await tech.ok('orders.revealPasscode', { orderId: order.id })).toEqual({ passcode: secret })
    expect(await manager.ok('orders.revealPasscode', { orderId: order.id })).toEqual({ passcode: secret })
    const reveals = await auditOf('order.revealPasscode')
    expect(reveals.map((r: { userId: number }) => r.userId)).toEqual([tech.id, expect.any(Number)])
    expect(JSON.stringify(await rows('SELECT detail FROM audit_log'))).not.toContain(secret)

    const ticket = await clerk.ok('printing.preview', { orderId: order.id, kind: 'claimTicket' })
    expect(JSON.stringify(ticket)).not.toContain(secret)
  })

  it('cannot be opened with another key, is replaced or erased by a correction, and erased on void', async () => {
    const { order } = await clerk.ok('intake.create', withPasscode('246810'))
    const fix = { ...asCorrection(order), device: { ...asCorrection(order).device, passcode: '' } }
    await clerk.ok('orders.correct', fix)
    expect((await clerk.ok('orders.get', { orderId: order.id })).device.hasPasscode).toBe(false)
    const [entry] = await auditOf('order.correct')
    expect(entry.detail.changes).toEqual({ 'device.passcode': { old: 'set', new: 'none' } })

    const second = await clerk.ok('intake.create', withPasscode('8888'))
    await manager.ok('orders.void', { orderId: second.order.id, reason: '客户不修了' })
    expect((await rows('SELECT passcodeSealed FROM work_order WHERE id=?', [second.order.id]))[0].passcodeSealed).toBeNull()
    expect(await auditOf('order.passcodeErased')).toHaveLength(1)
  })
})

describe('passcode failures are typed errors, never INTERNAL', () => {
  const withPasscode = (passcode: string) => {
    const input = sampleIntake()
    input.device = { ...input.device, passcode }
    return input
  }

  it('a damaged or truncated sealed value: reveal says it cannot be read', async () => {
    const { order } = await clerk.ok('intake.create', withPasscode('1234'))
    const tech = await userWithRole(tc, manager, 'technician')
    const [{ passcodeSealed }] = await rows('SELECT passcodeSealed FROM work_order WHERE id=?', [order.id])
    const raw = Buffer.from(passcodeSealed.slice(3), 'base64')
    raw[raw.length - 1] ^= 0xff
    for (const damaged of [`v1:${raw.toString('base64')}`, `v1:${raw.subarray(0, 20).toString('base64')}`, 'v1:', 'garbage']) {
      await rows('UPDATE work_order SET passcodeSealed=? WHERE id=?', [damaged, order.id])
      expect(await tech.call('orders.revealPasscode', { orderId: order.id })).toEqual({
        ok: false,
        error: { code: 'CONFLICT', message: '开机密码无法读取（记录已损坏或密钥已更换），请向客户重新询问' }
      })
    }
    expect(await auditOf('order.revealPasscode')).toEqual([])
  })

  it('a 0-byte key file: intake with a passcode is refused with the key problem, nothing saved', async () => {
    writeFileSync(join(tc.dir, 'passcode.key'), '')
    const r = await clerk.call('intake.create', withPasscode('1234'))
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('密钥文件缺失或已损坏') } })
    expect(await rows('SELECT COUNT(*) AS n FROM work_order')).toEqual([{ n: 0 }])
    // Without a passcode the counter keeps working.
    expect((await clerk.call('intake.create', sampleIntake())).ok).toBe(true)
  })

  it('the key file is created whole and private, and no temp file is left behind', async () => {
    await clerk.ok('intake.create', withPasscode('1234'))
    expect(readFileSync(join(tc.dir, 'passcode.key')).length).toBe(32)
    const { readdirSync } = await import('node:fs')
    expect(readdirSync(tc.dir).filter((f) => f.includes('passcode'))).toEqual(['passcode.key'])
  })
})

describe('customer.update audit', () => {
  it('an intake or correction that overwrites a chosen customer\'s details records the old values; an unchanged one writes nothing', async () => {
    const first = await clerk.ok('intake.create', sampleIntake())
    const chosen = first.order.customer
    await clerk.ok('intake.create', sampleIntake({ customer: { ...chosen } }))
    expect(await auditOf('customer.update')).toEqual([])

    await clerk.ok('intake.create', sampleIntake({ customer: { ...chosen, address: '深圳市宝安区', landline: '0755-88886666' } }))
    expect(await auditOf('customer.update')).toEqual([
      {
        userId: clerk.id,
        detail: { changes: { address: { old: '深圳市南山区', new: '深圳市宝安区' }, landline: { old: '', new: '0755-88886666' } } }
      }
    ])
    const fix = asCorrection((await clerk.ok('orders.get', { orderId: first.order.id })))
    await clerk.ok('orders.correct', { ...fix, customer: { ...fix.customer, mobile: '13912345678' } })
    const entries = await auditOf('customer.update')
    expect(entries).toHaveLength(2)
    expect(entries[1].detail.changes).toEqual({ mobile: { old: '13812345678', new: '13912345678' } })
    const [row] = await rows('SELECT entity, entityId FROM audit_log WHERE action=? ORDER BY id DESC LIMIT 1', ['customer.update'])
    expect(row).toEqual({ entity: 'customer', entityId: chosen.id })
  })
})
