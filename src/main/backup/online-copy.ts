import type Database from 'better-sqlite3'

/** How often a lock-free copy may start over before the caller copies under the lock instead. */
export const MAX_RESTARTS = 3
/**
 * Longest a copy may go without moving: a write keeps it waiting only while that one call runs, but
 * writes rolled back at every step restart it from page 1 each time, so it never gets further.
 */
export const STALL_MS = 2000
/** 1 MB a step: a call at the counter waits at most one step (a few ms) for the copy. */
const PAGES_PER_STEP = 256

export class CopyRestarted extends Error {}

/**
 * Copies the live database into `file` with SQLite's online backup API without the router's lock,
 * so the counter keeps working during a multi-second copy. It is safe because every write goes
 * through this one connection: SQLite refuses a step while the connection has a write open
 * (better-sqlite3 tries again on the next tick), and each page the connection writes meanwhile is
 * written to the copy as well — the copy is the database as it stands when the last step ends.
 * A rolled-back write restarts the copy from its first page; after MAX_RESTARTS, or STALL_MS without
 * getting further, it gives up (CopyRestarted, the partial file removed) rather than run for ever.
 */
export async function copyOnline(db: Database.Database, file: string): Promise<void> {
  let copiedBefore = 0
  let restarts = 0
  let movedAt = Date.now()
  await db.backup(file, {
    progress: ({ totalPages, remainingPages }) => {
      const copied = totalPages - remainingPages
      if (copied < copiedBefore && ++restarts > MAX_RESTARTS) throw new CopyRestarted(`the copy started over ${restarts} times`)
      if (copied !== copiedBefore) movedAt = Date.now()
      else if (Date.now() - movedAt > STALL_MS) throw new CopyRestarted(`the copy did not get further for ${STALL_MS} ms`)
      copiedBefore = copied
      return PAGES_PER_STEP
    }
  })
}
