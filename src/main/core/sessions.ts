import type { SessionState } from './context'

/**
 * Who is signed in at each window / browser tab (the transport's session key), and each window's
 * own wrong-PIN lock. Lives beside the router so domains can end a user's sessions at once.
 */
export class Sessions {
  private byKey = new Map<string, SessionState>()
  private guards = new WeakMap<SessionState, unknown>()
  private listeners: ((userId: number) => void)[] = []

  get(key: string): SessionState {
    let s = this.byKey.get(key)
    if (!s) {
      s = { userId: null }
      this.byKey.set(key, s)
    }
    return s
  }

  /** Per-window state a domain keeps out of the database (auth: this window's wrong-PIN counter). */
  guard<T>(session: SessionState, init: () => T): T {
    if (!this.guards.has(session)) this.guards.set(session, init())
    return this.guards.get(session) as T
  }

  /** Signs the user out of every window now (locked, deactivated). */
  endSessionsOf(userId: number): void {
    for (const s of this.byKey.values()) if (s.userId === userId) s.userId = null
    this.userChanged(userId)
  }

  /**
   * The user's row changed (role, name, active, lock): whoever caches a signed-in user must drop it.
   * The router subscribes with onUserChanged.
   */
  userChanged(userId: number): void {
    for (const fn of this.listeners) fn(userId)
  }

  onUserChanged(fn: (userId: number) => void): void {
    this.listeners.push(fn)
  }

  /** Which windows the user is signed in at (tests, diagnostics). */
  countOf(userId: number): number {
    let n = 0
    for (const s of this.byKey.values()) if (s.userId === userId) n++
    return n
  }
}
