/**
 * better-sqlite3 gives TypeORM one shared connection, so two async transactions must never
 * interleave. Every call (and the print queue's bookkeeping) takes this lock in turn.
 */
export class Mutex {
  private tail: Promise<unknown> = Promise.resolve()

  run<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.tail.then(fn, fn)
    this.tail = next.catch(() => undefined)
    return next
  }
}
