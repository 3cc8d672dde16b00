import { localDate } from '@shared/domain/dates'

export const KEEP_DAILY = 14
export const KEEP_MONTHLY = 12

/**
 * Which backups to keep: the newest backup of each of the last `daily` days that have one, and the
 * newest of each of the last `monthly` months that have one (store-local calendar). Days and months
 * are counted among those with a backup, so a shop closed for three weeks (Spring Festival) does not
 * lose its daily backups by time passing; the newest backup is always kept. Pure: the caller deletes.
 */
export function rotate<T extends { takenAt: string }>(
  backups: readonly T[],
  timeZone: string,
  daily = KEEP_DAILY,
  monthly = KEEP_MONTHLY
): { keep: T[]; remove: T[] } {
  // Newest first; of two taken in the same instant, the one listed later is the newer.
  const order = new Map(backups.map((b, i) => [b, i]))
  const newestFirst = [...backups].sort((a, b) => b.takenAt.localeCompare(a.takenAt) || order.get(b)! - order.get(a)!)
  const days = new Set<string>()
  const months = new Set<string>()
  const keep = new Set<T>()
  for (const b of newestFirst) {
    const day = localDate(new Date(b.takenAt), timeZone)
    const month = day.slice(0, 7)
    if (!days.has(day) && days.size < daily) {
      days.add(day)
      keep.add(b)
    } else days.add(day)
    if (!months.has(month) && months.size < monthly) {
      months.add(month)
      keep.add(b)
    } else months.add(month)
  }
  return { keep: newestFirst.filter((b) => keep.has(b)), remove: newestFirst.filter((b) => !keep.has(b)) }
}
