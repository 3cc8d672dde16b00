import { useEffect } from 'react'
import type { z } from 'zod'
import { SettingsPatch } from '@shared/contract/settings'
import { useT } from '../app/i18n'
import { useForm } from '../ui/useForm'
import { focusFirstError, validate, type FieldErrors } from '../ui/validation'
import { useSaveSection } from './useSaveSection'

type Patch = z.input<typeof SettingsPatch>

/**
 * One settings section's form. Values are shaped like the patch ({printer: {...}}) so the schema's
 * error paths, main's error paths and the input ids all agree.
 */
export function useSection<T extends Patch>(saved: T, extraCheck?: (v: T) => FieldErrors) {
  const t = useT()
  const form = useForm<T>(saved, (v) => ({ ...validate(SettingsPatch, v, t).errors, ...extraCheck?.(v) }), { schema: SettingsPatch })
  const savedKey = JSON.stringify(saved)
  const dirty = JSON.stringify(form.values) !== savedKey
  const mutation = useSaveSection(form.setServerErrors)

  useEffect(() => {
    // Saved (here or elsewhere): start again from what main now holds.
    form.reset(JSON.parse(savedKey) as T)
  }, [savedKey]) // eslint-disable-line react-hooks/exhaustive-deps

  const save = (only?: (keyof Patch)[]) => {
    form.markSubmitted()
    const paths = Object.keys(form.clientErrors)
    if (paths.length) return focusFirstError(paths)
    // Only the keys that changed: a section never overwrites another manager's edit elsewhere.
    const keys = (only ?? (Object.keys(form.values) as (keyof Patch)[])).filter(
      (k) => JSON.stringify(form.values[k]) !== JSON.stringify(saved[k])
    )
    if (keys.length) mutation.mutate(Object.fromEntries(keys.map((k) => [k, form.values[k]])) as Patch)
  }

  return { form, dirty, save: () => save(), saving: mutation.isPending, reset: () => form.reset(saved) }
}
