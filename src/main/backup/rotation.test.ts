import fc from 'fast-check'
import { localDate } from '@shared/domain/dates'
import { rotate } from './rotation'

const TZ = 'Asia/Shanghai'
const at = (iso: string) => ({ takenAt: new Date(iso).toISOString() })

describe('backup rotation: 14 daily and 12 monthly', () => {
  it('two backups a day for 400 days keep the newest of the last 14 days and of the last 12 months', () => {
    const backups = []
    const end = Date.parse('2026-11-23T02:00:00Z')
    for (let d = 0; d < 400; d++) for (const h of [0, 10]) backups.push({ takenAt: new Date(end - d * 86_400_000 - h * 3_600_000).toISOString() })
    const { keep, remove } = rotate(backups, TZ)
    const days = keep.map((b) => localDate(new Date(b.takenAt), TZ))
    // Nov 10 … Nov 23 (14 days), then the last day of each month Dec 2025 … Oct 2026 (Nov 2026 is already in).
    expect(days.slice(0, 14)).toEqual(Array.from({ length: 14 }, (_, i) => `2026-11-${String(23 - i).padStart(2, '0')}`))
    expect(days.slice(14)).toEqual([
      '2026-10-31', '2026-09-30', '2026-08-31', '2026-07-31', '2026-06-30', '2026-05-31',
      '2026-04-30', '2026-03-31', '2026-02-28', '2026-01-31', '2025-12-31'
    ])
    // Of two backups a day, the later one is kept.
    expect(keep[0].takenAt).toBe(new Date(end).toISOString())
    expect(keep.length + remove.length).toBe(800)
  })

  it('counts days in the store’s time zone', () => {
    // 17:30 UTC is 01:30 the next day in Shanghai: the two are on different store days.
    const { keep } = rotate([at('2026-11-22T15:00:00Z'), at('2026-11-22T17:30:00Z')], TZ, 1, 0)
    expect(keep).toEqual([at('2026-11-22T17:30:00Z')])
    expect(rotate([at('2026-11-22T15:00:00Z'), at('2026-11-22T17:30:00Z')], TZ, 2, 0).keep).toHaveLength(2)
  })

  it('a shop closed for weeks keeps its last 14 days with backups', () => {
    const before = Array.from({ length: 20 }, (_, i) => at(`2026-01-${String(i + 1).padStart(2, '0')}T02:00:00Z`))
    const { keep } = rotate([...before, at('2026-02-25T02:00:00Z')], TZ)
    expect(keep.map((b) => b.takenAt.slice(0, 10))).toEqual(['2026-02-25', ...Array.from({ length: 13 }, (_, i) => `2026-01-${String(20 - i).padStart(2, '0')}`)])
  })

  it('property: the newest of each of the 14 latest days and 12 latest months is kept, nothing else, and rotating again keeps it all', () => {
    const instant = fc.integer({ min: Date.parse('2024-01-01T00:00:00Z'), max: Date.parse('2026-12-31T23:59:59Z') }).map((ms) => ({ takenAt: new Date(ms).toISOString() }))
    fc.assert(
      fc.property(fc.uniqueArray(instant, { selector: (b) => b.takenAt, maxLength: 300 }), fc.constantFrom('Asia/Shanghai', 'UTC', 'America/New_York'), (backups, tz) => {
        const { keep, remove } = rotate(backups, tz)
        expect(new Set([...keep, ...remove])).toEqual(new Set(backups))
        expect(keep.length + remove.length).toBe(backups.length)
        const newestBy = (key: (b: { takenAt: string }) => string) => {
          const m = new Map<string, { takenAt: string }>()
          for (const b of [...backups].sort((a, c) => c.takenAt.localeCompare(a.takenAt))) if (!m.has(key(b))) m.set(key(b), b)
          return [...m.values()]
        }
        const day = (b: { takenAt: string }) => localDate(new Date(b.takenAt), tz)
        const expected = new Set([...newestBy(day).slice(0, 14), ...newestBy((b) => day(b).slice(0, 7)).slice(0, 12)])
        expect(new Set(keep)).toEqual(expected)
        expect(keep.length).toBeLessThanOrEqual(26)
        if (backups.length) expect(keep[0].takenAt).toBe([...backups].map((b) => b.takenAt).sort().at(-1))
        expect(rotate(keep, tz).remove).toEqual([])
      }),
      { numRuns: 200 }
    )
  })
})
