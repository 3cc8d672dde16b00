import type { AuditCursor, AuditPage, AuditRowView } from '../../shared/contract/audit'
import { MANAGER, sampleIntake, setUpStore, startTestCore, userWithRole, type TestCore } from '../../../test/helpers/core'
import { changes } from './audit'

let tc: TestCore
beforeEach(async () => {
  tc = await startTestCore({ now: '2026-11-23T02:00:00Z' })
})
afterEach(() => tc.close())

const rows = async (where = '1=1'): Promise<{ action: string; userId: number | null; entityId: number | null; detail: Record<string, unknown> | null }[]> =>
  (await tc.core.dataSource.query(`SELECT action, userId, entityId, detail FROM audit_log WHERE ${where} ORDER BY id`)).map(
    (r: { detail: string | null }) => ({ ...r, detail: r.detail ? JSON.parse(r.detail) : null })
  )

describe('changes()', () => {
  it('lists old and new per changed key path, nothing for equal values', () => {
    expect(changes({ a: 1, b: { c: 'x', d: [1, 2] } }, { a: 1, b: { c: 'y', d: [1, 3, 4] } })).toEqual({
      'b.c': { old: 'x', new: 'y' },
      'b.d.1': { old: 2, new: 3 },
      'b.d.2': { old: null, new: 4 }
    })
    expect(changes({ a: [1] }, { a: [1] })).toEqual({})
  })
})

describe('the audit log records', () => {
  it('settings changes per field with old and new values', async () => {
    const manager = await setUpStore(tc)
    const settings = await manager.ok('settings.get', {})
    await manager.ok('settings.update', { store: { ...settings.store, name: '诚信维修 二店', phone: '0755-88888888' }, timeZone: 'Asia/Urumqi' })
    const [row] = await rows(`action = 'settings.update'`)
    expect(row.detail?.changes).toEqual({
      'store.name': { old: '诚信手机维修中心', new: '诚信维修 二店' },
      'store.phone': { old: '0755-12345678', new: '0755-88888888' },
      timeZone: { old: 'Asia/Shanghai', new: 'Asia/Urumqi' }
    })
    // Saving unchanged settings adds no row.
    await manager.ok('settings.update', { timeZone: 'Asia/Urumqi' })
    expect(await rows(`action = 'settings.update'`)).toHaveLength(1)
  })

  it('user changes with old and new values, and a PIN reset without the PIN or its hash', async () => {
    const manager = await setUpStore(tc)
    const clerk = await userWithRole(tc, manager, 'counter', 'xiaoli')
    await manager.ok('users.update', { id: clerk.id, displayName: '李小丽', role: 'technician' })
    await manager.ok('users.update', { id: clerk.id, pin: '97531' })
    await manager.ok('users.update', { id: clerk.id, active: false })
    const updates = await rows(`action = 'users.update'`)
    expect(updates.map((u) => u.detail)).toEqual([
      { changes: { displayName: { old: 'counter 员工', new: '李小丽' }, role: { old: 'counter', new: 'technician' } } },
      { pinReset: true },
      { changes: { active: { old: true, new: false } } }
    ])
    const everything = JSON.stringify(await rows())
    expect(everything).not.toContain('97531')
    expect(everything).not.toContain('scrypt')
  })

  it('sign-in failures, unknown names included (typed name kept, no user id), and sign-outs', async () => {
    const manager = await setUpStore(tc)
    await tc.session().call('auth.signIn', { username: 'mallory', pin: '0000' })
    await tc.session().call('auth.signIn', { username: MANAGER.username, pin: '0000' })
    await manager.ok('auth.signOut', {})
    await tc.session().call('auth.signOut', {}) // nobody signed in: nothing happened, nothing recorded
    const auth = await rows(`action LIKE 'auth.%'`)
    expect(auth.map((r) => [r.action, r.userId, r.entityId, r.detail?.username])).toEqual([
      ['auth.unknownUser', null, null, 'mallory'],
      ['auth.wrongPin', null, 1, MANAGER.username],
      ['auth.signOut', 1, 1, undefined]
    ])
  })
})

describe('audit.list', () => {
  async function busyStore() {
    const manager = await setUpStore(tc)
    const clerk = await userWithRole(tc, manager, 'counter', 'xiaoli')
    const order = (await clerk.ok('intake.create', sampleIntake())).order
    // 60 more rows over three days, from two windows (36 min apart: no window stays locked).
    for (let i = 0; i < 60; i++) {
      tc.clock.set(new Date(Date.parse('2026-11-20T02:00:00Z') + i * 72 * 60_000).toISOString())
      await (i % 2 ? clerk : manager).call('auth.signIn', { username: 'nobody', pin: '0000' })
    }
    return { manager, clerk, order }
  }

  async function allPages(manager: Awaited<ReturnType<typeof setUpStore>>, filter: Record<string, unknown>): Promise<AuditRowView[]> {
    const out: AuditRowView[] = []
    let after: AuditCursor | null = null
    for (let page = 0; page < 50; page++) {
      const r: AuditPage = await manager.ok('audit.list', {
        ...filter,
        limit: 10,
        ...(after ? { after } : {})
      })
      out.push(...r.rows)
      if (!r.next) break
      after = r.next
    }
    return out
  }

  it('pages newest first without gaps or repeats, filtered by user, action, order and dates', async () => {
    const { manager, clerk, order } = await busyStore()
    const everything = await allPages(manager, {})
    const total = (await tc.core.dataSource.query('SELECT COUNT(*) AS n FROM audit_log'))[0].n
    expect(everything).toHaveLength(total)
    expect(new Set(everything.map((r) => r.id)).size).toBe(total)
    const keys = everything.map((r) => `${r.at}/${String(r.id).padStart(6, '0')}`)
    expect(keys).toEqual([...keys].sort().reverse())

    const byClerk = await allPages(manager, { userId: clerk.id })
    expect(byClerk.length).toBeGreaterThan(0)
    expect(byClerk.every((r) => r.user?.id === clerk.id && r.user.displayName === 'counter 员工')).toBe(true)

    const unknown = await allPages(manager, { action: 'auth.unknownUser' })
    expect(unknown).toHaveLength(60)
    expect(unknown[0].detail).toMatchObject({ username: 'nobody' })
    const authGroup = await allPages(manager, { action: 'auth.' })
    expect(authGroup.every((r) => r.action.startsWith('auth.'))).toBe(true)
    expect(authGroup.length).toBeGreaterThan(60)

    const forOrder = await allPages(manager, { orderNo: order.orderNo })
    expect(forOrder.map((r) => [r.action, r.orderNo])).toEqual([['intake.create', order.orderNo]])
    expect(await manager.ok('audit.list', { orderNo: '9999-9999' })).toEqual({ rows: [], next: null })

    // Store-local days: 2026-11-21 in Shanghai is 2026-11-20T16:00Z .. 2026-11-21T16:00Z.
    const day = await allPages(manager, { from: '2026-11-21', to: '2026-11-21' })
    expect(day.length).toBeGreaterThan(0)
    expect(day.every((r) => r.at >= '2026-11-20T16:00:00.000Z' && r.at < '2026-11-21T16:00:00.000Z')).toBe(true)
    expect(day).toHaveLength(everything.filter((r) => r.at >= '2026-11-20T16:00:00.000Z' && r.at < '2026-11-21T16:00:00.000Z').length)
  })

  it('is for managers only', async () => {
    const manager = await setUpStore(tc)
    const clerk = await userWithRole(tc, manager, 'counter')
    expect(await clerk.call('audit.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await tc.session().call('audit.list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
  })

  it('every filter is an index search, never a scan of the log or a temp sort', async () => {
    await setUpStore(tc)
    const plan = async (where: string) =>
      (
        await tc.core.dataSource.query(
          `EXPLAIN QUERY PLAN SELECT a.id FROM audit_log a LEFT JOIN user u ON u.id = a.userId
             LEFT JOIN work_order w ON a.entity = 'work_order' AND w.id = a.entityId
            WHERE ${where} AND a.at <= '2026' AND (a.at < '2026' OR a.id < 5) ORDER BY a.at DESC, a.id DESC LIMIT 51`
        )
      )
        .map((r: { detail: string }) => r.detail)
        .join(' | ')
    for (const [where, index] of [
      ['1=1', /USING INDEX IDX_ba27cef5b8b2b1a756e06ebcc5/],
      ['a.userId = 3', /USING INDEX IDX_d340a0550c47af68208e0f96bd \(userId=\? AND at<\?\)/],
      [`a.action = 'auth.signIn'`, /USING INDEX IDX_a6b8adfa094785bf8ed30f2688 \(action=\? AND at<\?\)/],
      [`a.at >= '2026-11-01'`, /USING INDEX IDX_ba27cef5b8b2b1a756e06ebcc5 \(at>\? AND at<\?\)/]
    ] as const) {
      const p = await plan(where)
      expect(p).toMatch(index)
      expect(p).not.toMatch(/SCAN a\b|TEMP B-TREE/)
    }
  })
})
