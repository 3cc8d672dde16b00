/**
 * Wrong-PIN lockout, the same rule for a user (stored on the user row) and for a window (kept in
 * memory per session): every MAX_WRONG_PINS wrong PINs lock for a delay that doubles with each
 * lock (1, 2, 4 … minutes, capped), until a successful sign-in or a recovery clears it.
 */
export const MAX_WRONG_PINS = 5
export const FIRST_LOCK_MS = 60_000
export const MAX_LOCK_MS = 60 * 60_000

export interface LockState {
  failedPins: number
  /** UTC ISO instant, or null when not locked. */
  lockedUntil: string | null
  /** Locks since the last success: the next lock lasts FIRST_LOCK_MS * 2^lockCount. */
  lockCount: number
}

export const unlocked = (): LockState => ({ failedPins: 0, lockedUntil: null, lockCount: 0 })

export function lockDelayMs(lockCount: number): number {
  return Math.min(FIRST_LOCK_MS * 2 ** Math.min(lockCount, 20), MAX_LOCK_MS)
}

/** Seconds still to wait, 0 when the state lets a PIN be tried. */
export function lockedSeconds(state: LockState, nowMs: number): number {
  const until = state.lockedUntil ? Date.parse(state.lockedUntil) : NaN
  return until > nowMs ? Math.ceil((until - nowMs) / 1000) : 0
}

/** Counts one wrong PIN; answers the lock it caused (in seconds) or how many tries are left. */
export function countWrongPin(state: LockState, nowMs: number): { lockedSeconds: number; left: number } {
  state.failedPins += 1
  if (state.failedPins < MAX_WRONG_PINS) return { lockedSeconds: 0, left: MAX_WRONG_PINS - state.failedPins }
  const delay = lockDelayMs(state.lockCount)
  state.failedPins = 0
  state.lockCount += 1
  state.lockedUntil = new Date(nowMs + delay).toISOString()
  return { lockedSeconds: delay / 1000, left: 0 }
}

export function clearLock(state: LockState): void {
  Object.assign(state, unlocked())
}
