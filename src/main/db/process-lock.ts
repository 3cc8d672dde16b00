import { closeSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs'
import { hostname, uptime } from 'node:os'
import { dirname } from 'node:path'

/** What the lock file beside the database says about the process that holds it. */
export interface LockOwner {
  pid: number
  /** UTC ISO instant the holder started. */
  startedAt: string
  host: string
}

export class DataFolderInUse extends Error {
  constructor(
    readonly lockPath: string,
    readonly owner: LockOwner
  ) {
    super(
      `另一个维修前台程序正在使用这个数据文件夹（进程 PID ${owner.pid}，启动于 ${owner.startedAt}，主机 ${owner.host}）。请先关闭它。\n` +
        `Another Repair Counter process is using this data folder (PID ${owner.pid}, started ${owner.startedAt} on ${owner.host}). Close it first.\n` +
        `Lock file: ${lockPath}`
    )
  }
}

export interface ProcessLock {
  path: string
  release(): void
}

export const lockPathFor = (dbPath: string): string => `${dbPath}.lock`

/**
 * One process per database: `<db>.lock` holds the owner's PID and start time, is created
 * exclusively (O_EXCL, so two starting processes cannot both win) and removed at exit. A lock whose
 * process is gone (crash, kill -9) or that was written before this machine booted (power cut: its
 * PID may now be another program's) is taken over. Throws DataFolderInUse otherwise.
 */
export function acquireProcessLock(dbPath: string): ProcessLock {
  const path = lockPathFor(dbPath)
  mkdirSync(dirname(path), { recursive: true })
  const me: LockOwner = { pid: process.pid, startedAt: new Date().toISOString(), host: hostname() }
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx')
      try {
        writeSync(fd, JSON.stringify(me))
      } finally {
        closeSync(fd)
      }
      return { path, release: () => releaseIfMine(path) }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    const owner = readOwner(path)
    if (owner && owner.pid !== process.pid && (owner.host !== me.host || (isAlive(owner.pid) && !startedBeforeBoot(owner)))) throw new DataFolderInUse(path, owner)
    // Empty and brand new: another process is between creating and writing it.
    if (!owner && Date.now() - mtimeMs(path) < 5_000) throw new DataFolderInUse(path, { pid: 0, startedAt: '?', host: '?' })
    // Stale (dead PID, a previous boot's, or an empty leftover of a crash mid-write): take it over.
    rmSync(path, { force: true })
  }
  throw new DataFolderInUse(path, readOwner(path) ?? { pid: 0, startedAt: '?', host: '?' })
}

function readOwner(path: string): LockOwner | null {
  try {
    const owner = JSON.parse(readFileSync(path, 'utf8')) as LockOwner
    return Number.isInteger(owner.pid) && owner.pid > 0 ? owner : null
  } catch {
    return null
  }
}

function mtimeMs(path: string): number {
  try {
    return statSync(path).mtimeMs
  } catch {
    return 0
  }
}

// Slack: uptime is whole seconds on some systems and the clock may have been nudged since boot.
const BOOT_SLACK_MS = 60_000

function startedBeforeBoot(owner: LockOwner): boolean {
  const bootedAt = Date.now() - uptime() * 1000
  return Date.parse(owner.startedAt) < bootedAt - BOOT_SLACK_MS
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: alive, but someone else's.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function releaseIfMine(path: string): void {
  if (readOwner(path)?.pid === process.pid) rmSync(path, { force: true })
}
