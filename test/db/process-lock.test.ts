import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { hostname, tmpdir, uptime } from 'node:os'
import { join } from 'node:path'
import { spawnBridge, type SpawnedBridge as BridgeProcess } from '../helpers/bridge-process'

// Two `start:browser` processes on one data folder would both write one database ("database is
// locked", tickets printed twice): the second must refuse and say which process holds it.
let dir: string
const running: BridgeProcess[] = []
const lockFile = () => join(dir, 'repair-counter.sqlite.lock')
const lockOwner = () => JSON.parse(readFileSync(lockFile(), 'utf8')) as { pid: number; startedAt: string }

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rc-lock-'))
})
afterEach(async () => {
  for (const b of running.splice(0)) await b.stop()
  rmSync(dir, { recursive: true, force: true })
})
const start = (): BridgeProcess => {
  const b = spawnBridge(dir)
  running.push(b)
  return b
}

// Each test starts up to three bridges: allow for a busy two-core machine.
describe('one process per data folder', { timeout: 120_000 }, () => {
  it('refuses a second process, naming the first, and frees the folder when the first exits', async () => {
    const first = start()
    await first.url
    expect(lockOwner().pid).toBe(first.child.pid)

    const second = start()
    expect(await second.exited).toBe(2)
    expect(second.stdout()).not.toContain('BRIDGE_URL')
    expect(second.stderr()).toContain(`PID ${first.child.pid}`)
    expect(second.stderr()).toContain(lockOwner().startedAt)
    expect(second.stderr()).toContain('Another Repair Counter process is using this data folder')

    await first.stop()
    expect(existsSync(lockFile())).toBe(false)
    const third = start()
    await third.url
    expect(lockOwner().pid).toBe(third.child.pid)
  })

  it('takes over the lock of a process that died without releasing it', async () => {
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!
    writeFileSync(lockFile(), JSON.stringify({ pid: dead, startedAt: '2026-11-01T00:00:00.000Z', host: hostname() }))
    const b = start()
    await b.url
    expect(lockOwner().pid).toBe(b.child.pid)
  })

  it('takes over a lock from before this boot even when its PID now belongs to a live process', async () => {
    // After a power cut the old PID may be reused: here it is this test runner's, which is alive.
    const beforeBoot = new Date(Date.now() - uptime() * 1000 - 3_600_000).toISOString()
    writeFileSync(lockFile(), JSON.stringify({ pid: process.pid, startedAt: beforeBoot, host: hostname() }))
    const b = start()
    await b.url
    expect(lockOwner().pid).toBe(b.child.pid)
  })

  it('after kill -9 the next start takes over', async () => {
    const first = start()
    await first.url
    first.child.kill('SIGKILL')
    await first.exited
    expect(lockOwner().pid).toBe(first.child.pid) // left behind
    const second = start()
    await second.url
    expect(lockOwner().pid).toBe(second.child.pid)
  })
})
