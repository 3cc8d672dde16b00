import { CreateDateColumn, type ColumnOptions } from 'typeorm'

/** Column helpers with explicit SQLite types: no reliance on decorator metadata, schema diff stays empty. */
export const text = (opts: ColumnOptions = {}): ColumnOptions => ({ type: 'text', ...opts })
export const int = (opts: ColumnOptions = {}): ColumnOptions => ({ type: 'integer', ...opts })
export const bool = (opts: ColumnOptions = {}): ColumnOptions => ({ type: 'boolean', ...opts })
/** Instants are ISO-8601 UTC strings ("2026-11-23T06:50:00.000Z"): sortable, zone-free. */
export const instant = (opts: ColumnOptions = {}): ColumnOptions => ({ type: 'text', ...opts })

/** JSON stored as text; transformer keeps entities typed. */
export function json<T>(opts: ColumnOptions = {}): ColumnOptions {
  return {
    type: 'text',
    ...opts,
    transformer: {
      to: (v: T | null | undefined) => (v === undefined ? undefined : v === null ? null : JSON.stringify(v)),
      from: (v: string | null) => (v === null ? null : (JSON.parse(v) as T))
    }
  }
}

export { CreateDateColumn }
