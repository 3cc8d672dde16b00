import { useEffect, useState } from 'react'

/**
 * The value, once it has stopped changing for `ms` (search-as-you-type without a call per key).
 * Compared by content, so a fresh object with the same fields does not restart the wait.
 */
export function useDebounced<T>(value: T, ms = 250): T {
  const [settled, setSettled] = useState(value)
  const key = JSON.stringify(value)
  useEffect(() => {
    if (key === JSON.stringify(settled)) return
    const timer = setTimeout(() => setSettled(JSON.parse(key) as T), ms)
    return () => clearTimeout(timer)
  }, [key, ms]) // eslint-disable-line react-hooks/exhaustive-deps
  return settled
}
