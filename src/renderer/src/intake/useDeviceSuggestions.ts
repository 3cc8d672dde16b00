import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { pinyinMatches } from '@shared/domain/pinyin'
import { call } from '../api/client'
import { useDebounced } from '../ui/useDebounced'

/**
 * Brand (no brand given) or model suggestions from the store's own history, filtered by what is
 * typed — pinyin initials too (`hw` -> 华为). The exact text typed is not offered back.
 */
export function useDeviceSuggestions(category: string, brand: string | null, typed: string): { value: string }[] {
  const prefix = useDebounced(typed.trim(), 200)
  const forModels = brand !== null
  const enabled = !!category && (!forModels || !!brand.trim())
  const list = useQuery({
    queryKey: ['devices.suggest', category, brand ?? '', prefix],
    queryFn: () => call('devices.suggest', { category, brand: brand ?? '', prefix }),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 60_000
  })
  const text = typed.trim()
  return (enabled ? (list.data ?? []) : [])
    .filter((name) => name !== text && pinyinMatches(name, text))
    .map((value) => ({ value }))
}
