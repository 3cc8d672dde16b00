import { DEFAULT_TIME_ZONE } from '@shared/domain/dates'

/** IANA zones the runtime knows, China's first (most stores) — no table of our own to keep current. */
export function timeZoneOptions(): { value: string; label: string }[] {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [DEFAULT_TIME_ZONE]
  const zones = [DEFAULT_TIME_ZONE, ...all.filter((z) => z !== DEFAULT_TIME_ZONE)]
  return zones.map((z) => ({ value: z, label: z }))
}
