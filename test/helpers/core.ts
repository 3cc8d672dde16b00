import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Channel, Contract, InputOf, OutputOf, Result } from '../../src/shared/contract'
import type { IntakeInput } from '../../src/shared/contract/intake'
import { imeiCheckDigit } from '../../src/shared/domain/imei'
import { localDate } from '../../src/shared/domain/dates'
import { createCore, type Core, type CoreOptions } from '../../src/main/core/create-core'

/** A settable clock for crossing days and months in tests. */
export class TestClock {
  constructor(public current: Date) {}
  now = (): Date => new Date(this.current)
  set(iso: string): void {
    this.current = new Date(iso)
  }
}

export interface TestCore {
  core: Core
  dir: string
  dbPath: string
  clock: TestClock
  /** A caller with its own session (like one window or browser tab). */
  session(key?: string): Caller
  close(): Promise<void>
}

export interface Caller {
  call<C extends Channel>(channel: C, input: InputOf<Contract[C]>): Promise<Result<OutputOf<Contract[C]>>>
  /** Like call, but throws on {ok:false} so setup steps stay short. */
  ok<C extends Channel>(channel: C, input: InputOf<Contract[C]>): Promise<OutputOf<Contract[C]>>
}

let sessionSeq = 0

/** A real core on a fresh SQLite file in a temp folder; every call goes through the real router. */
export async function startTestCore(opts: Partial<CoreOptions> & { now?: string } = {}): Promise<TestCore> {
  const dir = mkdtempSync(join(tmpdir(), 'rc-test-'))
  const clock = new TestClock(new Date(opts.now ?? '2026-11-23T02:00:00Z'))
  const dbPath = join(dir, 'db.sqlite')
  const core = await createCore({
    userDataDir: dir,
    dbPath,
    clock: clock.now,
    logError: () => undefined,
    printQueue: { retryDelaysMs: [100, 200, 400], sendTimeoutMs: 2000, statusTtlMs: 20 },
    // No backup at start in the middle of a test (the backup tests ask for one).
    backupAtStart: false,
    ...opts
  })
  const session = (key = `s${++sessionSeq}`): Caller => ({
    call: (channel, input) => core.router.call({ sessionKey: key }, channel, input) as never,
    async ok(channel, input) {
      const r = (await core.router.call({ sessionKey: key }, channel, input)) as Result<never>
      if (!r.ok) throw new Error(`${channel} failed: ${JSON.stringify(r.error)}`)
      return r.value
    }
  })
  return {
    core,
    dir,
    dbPath,
    clock,
    session,
    async close() {
      await core.close()
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

export const MANAGER = { username: 'boss', displayName: '王店长', pin: '2468' }

/** The manager's PIN typed for the day close (auth.approve): the token dayclose.close spends. */
export async function closeApproval(manager: Caller, who: { username: string; pin: string } = MANAGER): Promise<{ token: string }> {
  const grant = await manager.ok('auth.approve', { approval: { username: who.username, pin: who.pin }, purpose: 'dayclose.close' })
  return { token: grant.token }
}

/** First-run setup through the router; returns the manager's signed-in session. */
export async function setUpStore(tc: TestCore, locale: 'zh-CN' | 'en' = 'zh-CN'): Promise<Caller> {
  const manager = tc.session()
  await manager.ok('setup.create', {
    store: { name: '诚信手机维修中心', address: '深圳市福田区华强北路1号', phone: '0755-12345678', receiptFooter: '谢谢惠顾' },
    timeZone: 'Asia/Shanghai',
    locale,
    manager: MANAGER
  })
  return manager
}

/** Creates a user as the manager and returns that user's own signed-in session. */
export async function userWithRole(
  tc: TestCore,
  manager: Caller,
  role: 'counter' | 'technician' | 'warehouse' | 'manager',
  username = `${role}1`
): Promise<Caller & { id: number }> {
  const user = await manager.ok('users.create', { username, displayName: `${role} 员工`, role, pin: '1357' })
  const caller = tc.session()
  await caller.ok('auth.signIn', { username, pin: '1357' })
  return Object.assign(caller, { id: user.id })
}

export function validImei(body14 = '35209900176148'): string {
  return body14 + imeiCheckDigit(body14)
}

let sampleSerialSeq = 0

/**
 * A different valid IMEI on every call: two sample intakes are two devices, so they never trip the
 * "open order for the same IMEI" warning unless a test asks for it by giving the same serial.
 */
export function nextImei(): string {
  return validImei(String(35209900176148 + ++sampleSerialSeq * 1000))
}

/** A complete, valid intake as the counter would enter it. */
export function sampleIntake(overrides: Partial<Record<keyof IntakeInput, unknown>> = {}): IntakeInput {
  return {
    customer: { name: '张三', mobile: '13812345678', landline: '', address: '深圳市南山区' },
    device: { category: 'phone', brand: '华为', model: 'Mate 60', serial: nextImei(), colour: '黑色' },
    purchase: { invoiceDate: '2026-06-01', invoiceNo: 'FP-0001' },
    fault: { description: '屏幕闪烁，偶尔黑屏', codes: ['screen', 'noPower'] },
    condition: { screenCracked: false, scratchesDents: true, waterDamage: false, sealsIntact: true, powersOn: true, other: '' },
    accessories: { items: ['charger', 'simTray'], other: '' },
    warranty: { component: 'main', override: null },
    service: { type: 'warranty', estimateFen: 0, depositFen: 0, depositMethod: null, promisedDate: '2026-11-30', technicianId: null },
    ...overrides
  } as IntakeInput
}

/**
 * sampleIntake for a process on the real clock (the built app in e2e tests): promised a week from
 * today in the store's zone, since the app refuses a promised date in the past.
 */
export function liveIntake(overrides: Partial<Record<keyof IntakeInput, unknown>> = {}): IntakeInput {
  const base = sampleIntake(overrides)
  if (overrides.service) return base
  return { ...base, service: { ...base.service, promisedDate: localDate(new Date(Date.now() + 7 * 86_400_000), 'Asia/Shanghai') } } as IntakeInput
}
