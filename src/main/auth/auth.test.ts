import { MANAGER, sampleIntake, setUpStore, startTestCore, userWithRole, type TestCore } from '../../../test/helpers/core'

let tc: TestCore
beforeEach(async () => {
  tc = await startTestCore({ now: '2026-11-23T02:00:00Z' })
})
afterEach(() => tc.close())

describe('first run', () => {
  it('starts with no store; setup creates the store and signs the manager in', async () => {
    const s = tc.session()
    expect(await s.ok('session.get', {})).toMatchObject({ setupDone: false, user: null })
    const manager = await setUpStore(tc)
    expect(await manager.ok('session.get', {})).toMatchObject({ setupDone: true, storeName: '诚信手机维修中心', user: { role: 'manager' } })
    expect(await manager.ok('settings.get', {})).toMatchObject({ store: { receiptFooter: '谢谢惠顾' }, timeZone: 'Asia/Shanghai' })
  })

  it('cannot be run a second time (nobody can take over the store)', async () => {
    await setUpStore(tc)
    const r = await tc.session().call('setup.create', {
      store: { name: 'Evil' },
      manager: { username: 'evil', displayName: 'Evil', pin: '0000' }
    })
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect((await tc.session().ok('auth.users', {})).map((u) => u.username)).toEqual([MANAGER.username])
  })
})

describe('sign-in', () => {
  it('stores PINs hashed, never as typed', async () => {
    await setUpStore(tc)
    const [row] = await tc.core.dataSource.query('SELECT pinHash FROM user')
    expect(row.pinHash).toMatch(/^scrypt\$/)
    expect(row.pinHash).not.toContain(MANAGER.pin)
  })

  it('locks a user for a minute after five wrong PINs, then lets them in', async () => {
    await setUpStore(tc)
    const s = tc.session()
    for (let i = 1; i <= 4; i++) {
      const r = await s.call('auth.signIn', { username: MANAGER.username, pin: '0000' })
      expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { pin: `PIN 不正确，还可尝试 ${5 - i} 次` } } })
    }
    expect(await s.call('auth.signIn', { username: MANAGER.username, pin: '0000' })).toMatchObject({ ok: false, error: { code: 'LOCKED' } })
    // Locked: even the right PIN is refused for the minute.
    const locked = await s.call('auth.signIn', { username: MANAGER.username, pin: MANAGER.pin })
    expect(locked).toMatchObject({ ok: false, error: { code: 'LOCKED', message: expect.stringContaining('60 秒') } })
    expect(await s.ok('session.get', {})).toMatchObject({ user: null })
    tc.clock.set('2026-11-23T02:01:01Z')
    expect(await s.ok('auth.signIn', { username: MANAGER.username, pin: MANAGER.pin })).toMatchObject({ user: { username: MANAGER.username } })
  })

  it('keeps each window’s user apart and switches users quickly', async () => {
    const manager = await setUpStore(tc)
    const clerk = await userWithRole(tc, manager, 'counter', 'xiaoli')
    expect((await clerk.ok('session.get', {})).user?.username).toBe('xiaoli')
    expect((await manager.ok('session.get', {})).user?.username).toBe(MANAGER.username)
    await clerk.ok('auth.signIn', { username: MANAGER.username, pin: MANAGER.pin })
    expect((await clerk.ok('session.get', {})).user?.role).toBe('manager')
    await clerk.ok('auth.signOut', {})
    expect(await clerk.call('orders.list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
  })
})

describe('roles are enforced in main', () => {
  it('refuses each channel to roles it is not for, and changes nothing', async () => {
    const manager = await setUpStore(tc)
    const tech = await userWithRole(tc, manager, 'technician')
    const warehouse = await userWithRole(tc, manager, 'warehouse')
    const clerk = await userWithRole(tc, manager, 'counter')
    const anonymous = tc.session()

    expect(await tech.call('intake.create', sampleIntake())).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '当前用户无权执行此操作' } })
    expect(await anonymous.call('intake.create', sampleIntake())).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    expect(await warehouse.call('settings.update', { timeZone: 'UTC' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await clerk.call('users.create', { username: 'sneaky', displayName: 'x', role: 'manager', pin: '1111' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' }
    })
    expect(await clerk.call('printing.reprint', { orderId: 1, kind: 'claimTicket' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await tech.call('printing.reprint', { orderId: 1, kind: 'claimTicket' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })

    const rows = await tc.core.dataSource.query('SELECT COUNT(*) AS n FROM work_order')
    expect(rows[0].n).toBe(0)
    expect((await manager.ok('settings.get', {})).timeZone).toBe('Asia/Shanghai')
    expect((await manager.ok('users.list', {})).map((u) => u.username)).not.toContain('sneaky')
  })

  it('keeps at least one active manager', async () => {
    const manager = await setUpStore(tc)
    const me = (await manager.ok('users.list', {}))[0]
    expect(await manager.call('users.update', { id: me.id, role: 'counter' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(await manager.call('users.update', { id: me.id, active: false })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  })

  it('a deactivated user is signed out everywhere at once', async () => {
    const manager = await setUpStore(tc)
    const clerk = await userWithRole(tc, manager, 'counter')
    await manager.ok('users.update', { id: clerk.id, active: false })
    expect(await clerk.call('orders.list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
  })
})
