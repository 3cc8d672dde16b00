import { performance } from 'node:perf_hooks'
import type { Sessions } from '../core/sessions'
import { MANAGER, setUpStore, startTestCore, userWithRole, type TestCore } from '../../../test/helpers/core'

let tc: TestCore
beforeEach(async () => {
  tc = await startTestCore({ now: '2026-11-23T02:00:00Z' })
})
afterEach(() => tc.close())

const wrong = (username = MANAGER.username) => ({ username, pin: '0000' })
const minutesLater = (m: number, from = '2026-11-23T02:00:00Z') => new Date(Date.parse(from) + m * 60_000).toISOString()

describe('wrong PINs', () => {
  it('lock a user for 1, then 2, then 4 minutes, until a successful sign-in resets the delay', async () => {
    await setUpStore(tc)
    let at = '2026-11-23T02:00:00Z'
    for (const minutes of [1, 2, 4]) {
      const s = tc.session() // a fresh window each round: the user's own lock is what grows
      for (let i = 0; i < 4; i++) await s.call('auth.signIn', wrong())
      const locked = await s.call('auth.signIn', wrong())
      expect(locked).toMatchObject({ ok: false, error: { code: 'LOCKED', message: expect.stringContaining(`${minutes * 60} 秒`) } })
      tc.clock.set(minutesLater(minutes - 0.1, at))
      expect(await tc.session().call('auth.signIn', { username: MANAGER.username, pin: MANAGER.pin })).toMatchObject({ error: { code: 'LOCKED' } })
      at = minutesLater(minutes, at)
      tc.clock.set(at)
    }
    await tc.session().ok('auth.signIn', { username: MANAGER.username, pin: MANAGER.pin })
    const s = tc.session()
    for (let i = 0; i < 4; i++) await s.call('auth.signIn', wrong())
    expect(await s.call('auth.signIn', wrong())).toMatchObject({ error: { code: 'LOCKED', message: expect.stringContaining('60 秒') } })
  })

  it('caps the delay at an hour', async () => {
    await setUpStore(tc)
    let at = '2026-11-23T02:00:00Z'
    let last = ''
    for (let round = 0; round < 9; round++) {
      const s = tc.session()
      for (let i = 0; i < 5; i++) {
        const r = await s.call('auth.signIn', wrong())
        if (!r.ok) last = r.error.message
      }
      at = minutesLater(61, at)
      tc.clock.set(at)
    }
    expect(last).toContain('3600 秒')
  })

  it('lock the window too: five wrong PINs under any names, known or not, stop that window', async () => {
    const manager = await setUpStore(tc)
    await manager.ok('users.create', { username: 'xiaoli', displayName: '小李', role: 'counter', pin: '1357' })
    const s = tc.session()
    for (const name of ['xiaoli', 'nobody', 'ghost_1', MANAGER.username]) await s.call('auth.signIn', wrong(name))
    const windowLocked = { ok: false, error: { code: 'LOCKED', message: '此窗口输错 PIN 次数过多，请 60 秒后再试' } }
    expect(await s.call('auth.signIn', wrong('someone'))).toMatchObject(windowLocked)
    // Even a right PIN for a user nobody tried is refused in this window for the minute...
    expect(await s.call('auth.signIn', { username: 'xiaoli', pin: '1357' })).toMatchObject({ ok: false, error: { code: 'LOCKED', message: expect.stringContaining('此窗口') } })
    // ...while another window signs in normally (xiaoli herself is not locked).
    await tc.session().ok('auth.signIn', { username: 'xiaoli', pin: '1357' })
    tc.clock.set(minutesLater(1.01))
    await s.ok('auth.signIn', { username: 'xiaoli', pin: '1357' })
  })

  it('answer an unknown user name exactly like a wrong PIN, in the same time', async () => {
    await setUpStore(tc)
    const known = await tc.session().call('auth.signIn', wrong())
    const unknown = await tc.session().call('auth.signIn', wrong('no_such_user'))
    expect(unknown).toEqual(known)
    const once = async (username: string) => {
      const start = performance.now()
      await tc.session().call('auth.signIn', wrong(username))
      return performance.now() - start
    }
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]
    const [knownMs, unknownMs]: number[][] = [[], []]
    await once('warm_up')
    for (let i = 0; i < 7; i++) {
      knownMs.push(await once(MANAGER.username))
      unknownMs.push(await once('no_such_user'))
    }
    // Both pay one scrypt check (tens of ms); without the dummy hash an unknown name took ~1 ms.
    const ratio = median(unknownMs) / median(knownMs)
    expect(ratio).toBeGreaterThan(0.4)
    expect(ratio).toBeLessThan(2.5)
  })

  it('end the locked user’s open sessions at once', async () => {
    const manager = await setUpStore(tc)
    const clerk = await userWithRole(tc, manager, 'counter', 'xiaoli')
    expect(await clerk.call('orders.list', {})).toMatchObject({ ok: true })
    const attacker = tc.session()
    for (let i = 0; i < 5; i++) await attacker.call('auth.signIn', wrong('xiaoli'))
    expect(await clerk.call('orders.list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    expect(await clerk.ok('session.get', {})).toMatchObject({ user: null })
    expect((await manager.ok('users.list', {})).find((u) => u.username === 'xiaoli')?.lockedUntil).toBe(minutesLater(1))
  })
})

describe('getting back in', () => {
  it('a second manager unlocks a locked manager', async () => {
    const manager = await setUpStore(tc)
    const second = await userWithRole(tc, manager, 'manager', 'deputy')
    const s = tc.session()
    for (let i = 0; i < 5; i++) await s.call('auth.signIn', wrong())
    const me = (await second.ok('users.list', {})).find((u) => u.username === MANAGER.username)!
    expect(me.lockedUntil).not.toBeNull()
    expect(await second.ok('users.unlock', { id: me.id })).toMatchObject({ lockedUntil: null })
    await tc.session().ok('auth.signIn', { username: MANAGER.username, pin: MANAGER.pin })
    const [row] = await tc.core.dataSource.query(`SELECT detail FROM audit_log WHERE action = 'users.unlock'`)
    expect(JSON.parse(row.detail).changes.lockedUntil).toEqual({ old: minutesLater(1), new: null })
  })

  it('the recovery code from setup unlocks the manager and sets a new PIN, once', async () => {
    const setup = await tc.session().ok('setup.create', {
      store: { name: '诚信手机维修中心' },
      manager: MANAGER
    })
    expect(setup.recoveryCode).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/)
    // Only a hash is stored.
    const [stored] = await tc.core.dataSource.query('SELECT codeHash FROM recovery_code')
    expect(stored.codeHash).toMatch(/^scrypt\$/)
    expect(stored.codeHash).not.toContain(setup.recoveryCode.replace(/-/g, ''))

    // Someone keeps the manager locked, round after round.
    for (let round = 0; round < 3; round++) for (let i = 0; i < 5; i++) await tc.session().call('auth.signIn', wrong())
    const atCounter = tc.session()
    expect(await atCounter.call('auth.signIn', { username: MANAGER.username, pin: MANAGER.pin })).toMatchObject({ error: { code: 'LOCKED' } })

    const wrongCode = await atCounter.call('auth.recover', { username: MANAGER.username, recoveryCode: 'AAAA-BBBB-CCCC-DDDD', pin: '8642' })
    expect(wrongCode).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { recoveryCode: '恢复码不正确' } } })

    // Typed in lower case without dashes is fine.
    const typed = setup.recoveryCode.replace(/-/g, '').toLowerCase()
    const back = await atCounter.ok('auth.recover', { username: MANAGER.username, recoveryCode: typed, pin: '8642' })
    expect(back.user?.username).toBe(MANAGER.username)
    expect(back.recoveryCode).not.toBe(setup.recoveryCode)
    expect(await atCounter.call('settings.get', {})).toMatchObject({ ok: true })
    await tc.session().ok('auth.signIn', { username: MANAGER.username, pin: '8642' })
    // The used code is spent; the new one works.
    expect(await tc.session().call('auth.recover', { username: MANAGER.username, recoveryCode: setup.recoveryCode, pin: '1111' })).toMatchObject({ ok: false })
    await tc.session().ok('auth.recover', { username: MANAGER.username, recoveryCode: back.recoveryCode, pin: '1111' })
  })

  it('the recovery code works only for a manager; a manager can renew it, which voids the old one', async () => {
    const manager = await setUpStore(tc)
    await userWithRole(tc, manager, 'counter', 'xiaoli')
    const { recoveryCode } = await manager.ok('auth.renewRecoveryCode', {})
    expect(await tc.session().call('auth.recover', { username: 'xiaoli', recoveryCode, pin: '1111' })).toMatchObject({
      ok: false,
      error: { fields: { recoveryCode: expect.any(String) } }
    })
    const renewed = await manager.ok('auth.renewRecoveryCode', {})
    expect(await tc.session().call('auth.recover', { username: MANAGER.username, recoveryCode, pin: '1111' })).toMatchObject({ ok: false })
    await tc.session().ok('auth.recover', { username: MANAGER.username, recoveryCode: renewed.recoveryCode, pin: '1111' })
    expect(await tc.session().call('auth.renewRecoveryCode', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
  })
})

const sessionsOf = (t: TestCore): Sessions => (t.core.router as unknown as { deps: { services: { sessions: Sessions } } }).deps.services.sessions

describe('open sessions follow the user row at once', () => {
  it('a role change applies to the next call; deactivation ends every window of that user', async () => {
    const manager = await setUpStore(tc)
    const clerk = await userWithRole(tc, manager, 'counter', 'xiaoli')
    const secondWindow = tc.session()
    await secondWindow.ok('auth.signIn', { username: 'xiaoli', pin: '1357' })
    expect(await clerk.call('intake.technicians', {})).toMatchObject({ ok: true })
    await manager.ok('users.update', { id: clerk.id, role: 'technician' })
    expect(await clerk.call('intake.technicians', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect((await secondWindow.ok('session.get', {})).user?.role).toBe('technician')
    expect(sessionsOf(tc).countOf(clerk.id)).toBe(2)
    await manager.ok('users.update', { id: clerk.id, active: false })
    expect(sessionsOf(tc).countOf(clerk.id)).toBe(0)
    for (const s of [clerk, secondWindow]) expect(await s.ok('session.get', {})).toMatchObject({ user: null })
  })
})
