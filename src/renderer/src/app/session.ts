import { useQuery, useQueryClient } from '@tanstack/react-query'
import type { SessionView } from '@shared/contract/auth'
import type { StoreSettings } from '@shared/contract/settings'
import { ApiError, call } from '../api/client'
import type { Translate } from '@shared/i18n'

export const SESSION_KEY = ['session'] as const
export const SETTINGS_KEY = ['settings'] as const

export function useSession() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: () => call('session.get', {}), staleTime: Infinity })
}

/** Store settings (categories, fault codes, policy, printer); every signed-in role may read them. */
export function useSettings(enabled = true) {
  return useQuery<StoreSettings>({ queryKey: SETTINGS_KEY, queryFn: () => call('settings.get', {}), enabled, staleTime: 60_000 })
}

/** After sign-in, sign-out or a user switch: take main's new session and drop everything cached for the old user. */
export function useApplySession(): (s: SessionView) => void {
  const qc = useQueryClient()
  return (s) => {
    qc.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] })
    qc.setQueryData(SESSION_KEY, s)
  }
}

/** A refusal's per-field messages (already translated by main), or none. */
export function fieldsOf(e: unknown): Record<string, string> {
  return (e as { fields?: Record<string, string> }).fields ?? {}
}

/**
 * The usual answer to a refusal: main's per-field messages onto the form's fields, or — when it
 * named no field — its message as a toast.
 */
export function showRefusal(e: unknown, setErrors: (fields: Record<string, string>) => void, toast: { error: (text: string) => unknown }, t: Translate): void {
  const fields = fieldsOf(e)
  setErrors(fields)
  if (!Object.keys(fields).length) toast.error(errorText(e, t))
}

/** Main's message is already translated; anything else (network, bug) gets the generic one. */
export function errorText(error: unknown, t: Translate): string {
  if (error instanceof ApiError) return error.message || t(`err.${error.code}`)
  return t('err.INTERNAL')
}
