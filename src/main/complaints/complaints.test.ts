import { sampleIntake, setUpStore, startTestCore, userWithRole, type Caller, type TestCore } from '../../../test/helpers/core'
import { overdueComplaints } from './service'

let tc: TestCore
let manager: Caller
let clerk: Caller & { id: number }

const days = (from: string, n: number) => Array.from({ length: n }, (_, i) => new Date(Date.parse(`${from}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10))
const NATIONAL_DAY = { holidays: days('2026-10-01', 7), makeupWorkdays: ['2026-09-20', '2026-10-10'] }
const phoneComplaint = { source: 'phone' as const, category: 'quality' as const, customerName: '李女士', mobile: '13700001111', description: '修好的手机又黑屏了' }

beforeEach(async () => {
  tc = await startTestCore({ now: '2026-09-30T02:00:00Z' })
  manager = await setUpStore(tc)
  clerk = await userWithRole(tc, manager, 'counter')
})
afterEach(() => tc.close())

describe('complaint numbers', () => {
  it('are YYMM-NNN, gap-free per store-local month, even after a failed save', async () => {
    tc.clock.set('2026-10-31T15:00:00Z') // 23:00 on 31 October in Shanghai
    expect((await clerk.ok('complaints.create', phoneComplaint)).complaintNo).toBe('2610-001')
    expect((await clerk.ok('complaints.create', { ...phoneComplaint, source: 'walkIn' })).complaintNo).toBe('2610-002')
    // A save that fails after the number was drawn gives it back.
    await tc.core.dataSource.query(`CREATE TRIGGER test_fail BEFORE INSERT ON audit_log WHEN NEW.action = 'complaint.create' BEGIN SELECT RAISE(ABORT, 'disk full'); END`)
    expect((await clerk.call('complaints.create', phoneComplaint)).ok).toBe(false)
    await tc.core.dataSource.query(`DROP TRIGGER test_fail`)
    expect((await clerk.ok('complaints.create', { ...phoneComplaint, source: 'letter' })).complaintNo).toBe('2610-003')
    // 00:30 on 1 November in Shanghai, still 31 October in UTC: a new month starts at 001.
    tc.clock.set('2026-10-31T16:30:00Z')
    expect((await clerk.ok('complaints.create', phoneComplaint)).complaintNo).toBe('2611-001')
    tc.clock.set('2026-11-02T02:00:00Z')
    expect((await clerk.ok('complaints.create', phoneComplaint)).complaintNo).toBe('2611-002')
    const nos = (await manager.ok('complaints.list', {})).map((c) => c.complaintNo)
    expect(nos).toEqual(['2611-002', '2611-001', '2610-003', '2610-002', '2610-001'])
  })

  it('cannot be reused or the record rewritten by direct SQL', async () => {
    const c = await clerk.ok('complaints.create', phoneComplaint)
    const ds = tc.core.dataSource
    await expect(ds.query(`UPDATE complaint_sequence SET lastSerial = 0`)).rejects.toThrow(/tamper guard/)
    await expect(ds.query(`DELETE FROM complaint_sequence`)).rejects.toThrow(/tamper guard/)
    await expect(ds.query(`INSERT OR REPLACE INTO complaint_sequence (period, lastSerial) VALUES ('2609', 0)`)).rejects.toThrow(/tamper guard/)
    await expect(ds.query(`DELETE FROM complaint`)).rejects.toThrow(/tamper guard/)
    await expect(ds.query(`UPDATE complaint SET status = 'confirmed' WHERE id = ?`, [c.id])).rejects.toThrow(/tamper guard/)
    await expect(ds.query(`UPDATE complaint SET complaintNo = '2609-999' WHERE id = ?`, [c.id])).rejects.toThrow(/tamper guard/)
  })
})

describe('a complaint', () => {
  it('links an order by number and takes its customer; an unknown number is refused on the field', async () => {
    const { order } = await clerk.ok('intake.create', sampleIntake())
    const c = await clerk.ok('complaints.create', { source: 'walkIn', category: 'timeliness', orderNo: order.orderNo, description: '说好三天修好，一周了还没好' })
    expect(c).toMatchObject({ orderId: order.id, orderNo: order.orderNo, customerName: '张三', mobile: '13812345678', ownerName: 'counter 员工' })
    const bad = await clerk.call('complaints.create', { ...phoneComplaint, orderNo: '2609-9999' })
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(bad.ok ? {} : bad.error.fields).toHaveProperty('orderNo')
  })

  it('steps open → responded → resolved → confirmed and refuses any other step', async () => {
    const c = await clerk.ok('complaints.create', phoneComplaint)
    for (const [channel, input] of [
      ['complaints.resolve', { complaintId: c.id, resolution: '免费重修', correctiveAction: '加强质检' }],
      ['complaints.confirm', { complaintId: c.id, note: '客户满意' }]
    ] as const) {
      const r = await clerk.call(channel, input as never)
      expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
      expect(r.ok ? '' : r.error.message).toContain('待回复')
    }
    const responded = await clerk.ok('complaints.respond', { complaintId: c.id, response: '已致电道歉，请客户带机复检' })
    expect(responded).toMatchObject({ status: 'responded', response: '已致电道歉，请客户带机复检', respondedByName: 'counter 员工', dueDate: null })
    expect(await clerk.call('complaints.respond', { complaintId: c.id, response: '再回一次' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(await clerk.call('complaints.confirm', { complaintId: c.id, note: '跳过' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    // Resolved on Wednesday 30 September: the second follow-up is due 3 days later.
    const resolved = await manager.ok('complaints.resolve', { complaintId: c.id, resolution: '免费更换屏幕', correctiveAction: '屏幕出库前加测 30 分钟' })
    expect(resolved).toMatchObject({ status: 'resolved', resolution: '免费更换屏幕', correctiveAction: '屏幕出库前加测 30 分钟', followUpDue: '2026-10-03', dueDate: '2026-10-03', resolvedByName: '王店长' })
    const confirmed = await clerk.ok('complaints.confirm', { complaintId: c.id, note: '客户确认已修好，满意' })
    expect(confirmed).toMatchObject({ status: 'confirmed', confirmNote: '客户确认已修好，满意', dueDate: null, overdue: false })
    expect(await clerk.call('complaints.respond', { complaintId: c.id, response: '又来' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    const actions = (await tc.core.dataSource.query(`SELECT action FROM audit_log WHERE entity = 'complaint' ORDER BY id`)).map((r: { action: string }) => r.action)
    expect(actions).toEqual(['complaint.create', 'complaint.respond', 'complaint.resolve', 'complaint.confirm'])
  })

  it('is due a response within 2 working days (holidays skipped) and is listed as overdue after that', async () => {
    await manager.ok('settings.update', { calendar: NATIONAL_DAY })
    // Wednesday 30 September: 1–7 October off, so the response is due Friday 9 October.
    const c = await clerk.ok('complaints.create', phoneComplaint)
    expect(c).toMatchObject({ responseDue: '2026-10-09', dueDate: '2026-10-09', overdue: false })
    tc.clock.set('2026-10-09T14:00:00Z') // 22:00 on the 9th: still in time
    expect(await clerk.ok('complaints.overdue', {})).toEqual([])
    tc.clock.set('2026-10-12T02:00:00Z') // Monday 12th: the make-up Saturday and Monday have passed
    const [late] = await clerk.ok('complaints.overdue', {})
    expect(late).toMatchObject({ complaintNo: c.complaintNo, status: 'open', dueDate: '2026-10-09', workingDaysOverdue: 2, ownerName: 'counter 员工' })
    const [item] = await clerk.ok('complaints.list', { overdue: true })
    expect(item).toMatchObject({ complaintNo: c.complaintNo, overdue: true })
    expect((await clerk.ok('complaints.get', { complaintId: c.id })).overdue).toBe(true)
    // Answered late, it is no longer overdue; resolved, its second follow-up falls due 3 days later.
    await clerk.ok('complaints.respond', { complaintId: c.id, response: '已回复' })
    expect(await clerk.ok('complaints.overdue', {})).toEqual([])
    await clerk.ok('complaints.resolve', { complaintId: c.id, resolution: '退还检测费', correctiveAction: '报价写明检测费' })
    tc.clock.set('2026-10-16T02:00:00Z')
    const [followUpLate] = await clerk.ok('complaints.overdue', {})
    expect(followUpLate).toMatchObject({ status: 'resolved', dueDate: '2026-10-15', workingDaysOverdue: 1 })
    // The dashboard's function gives the same list.
    await tc.core.dataSource.transaction(async (em) => {
      expect(overdueComplaints(em, '2026-10-16', NATIONAL_DAY).map((o) => o.complaintNo)).toEqual([c.complaintNo])
      expect(overdueComplaints(em, '2026-10-15', NATIONAL_DAY)).toEqual([])
    })
  })

  it('belongs to whoever first takes it over from its creator (首问负责), once', async () => {
    const c = await clerk.ok('complaints.create', phoneComplaint)
    expect(await clerk.call('complaints.take', { complaintId: c.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    const taken = await manager.ok('complaints.take', { complaintId: c.id })
    expect(taken).toMatchObject({ ownerName: '王店长', createdByName: 'counter 员工', takenAt: '2026-09-30T02:00:00.000Z' })
    const other = await userWithRole(tc, manager, 'counter', 'counter2')
    expect(await other.call('complaints.take', { complaintId: c.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect((await other.ok('complaints.get', { complaintId: c.id })).ownerName).toBe('王店长')
  })

  it('filters the list by status', async () => {
    const a = await clerk.ok('complaints.create', phoneComplaint)
    const b = await clerk.ok('complaints.create', phoneComplaint)
    await clerk.ok('complaints.respond', { complaintId: b.id, response: '已回复' })
    expect((await clerk.ok('complaints.list', { status: 'open' })).map((c) => c.id)).toEqual([a.id])
    expect((await clerk.ok('complaints.list', { status: 'responded' })).map((c) => c.id)).toEqual([b.id])
    expect(await clerk.ok('complaints.list', { status: 'confirmed' })).toEqual([])
    expect((await clerk.ok('complaints.list', { beforeId: b.id })).map((c) => c.id)).toEqual([a.id])
  })
})

describe('roles', () => {
  it('lets the counter and the manager work complaints, not the technician or the warehouse', async () => {
    const c = await manager.ok('complaints.create', phoneComplaint)
    for (const role of ['technician', 'warehouse'] as const) {
      const who = await userWithRole(tc, manager, role)
      expect(await who.call('complaints.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
      expect(await who.call('complaints.create', phoneComplaint)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
      expect(await who.call('complaints.respond', { complaintId: c.id, response: 'x' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
  })
})
