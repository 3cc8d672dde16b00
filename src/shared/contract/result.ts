/** What every channel answers. No stack traces ever cross the boundary. */
export type ErrorCode =
  | 'VALIDATION'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'LOCKED'
  | 'PRINTER'
  | 'INTERNAL'
  /** The database failed its checks at start: nothing is read or written until it is repaired or restored. */
  | 'DATABASE_DAMAGED'
  /** Set by the renderer's transport only: main could not be reached (or refused the bridge token). */
  | 'UNREACHABLE'

export interface AppErrorBody {
  code: ErrorCode
  /** Already translated into the store's language. */
  message: string
  /** Per-field translated messages, keyed by dotted path (e.g. "customer.mobile"). */
  fields?: Record<string, string>
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorBody }
