import type { z } from 'zod'
import { splitMessage } from '@shared/contract/fields'
import { hasMessage, type Translate } from '@shared/i18n'

/** Dotted path ("customer.mobile") -> translated message; the same shape main sends in ApiError.fields. */
export type FieldErrors = Record<string, string>

/** Schema messages are i18n keys ("v.tooLong|max=40"); zod's own defaults map onto generic keys. */
export function issueMessage(issue: z.core.$ZodIssue, t: Translate): string {
  const { key, params } = splitMessage(issue.message)
  if (hasMessage(key)) return t(key, params)
  switch (issue.code) {
    case 'invalid_type':
      return t(/received undefined|received null/.test(issue.message) ? 'v.required' : 'v.invalid')
    case 'too_big':
      return t('v.tooLong', { max: String(issue.maximum) })
    case 'too_small':
      return t('v.tooShort', { min: String(issue.minimum) })
    case 'invalid_value':
      return t('v.choice')
    default:
      return t('v.invalid')
  }
}

/** First issue per field wins, as in main. */
export function zodErrors(error: z.ZodError | undefined, t: Translate): FieldErrors {
  const out: FieldErrors = {}
  if (!error) return out
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || '_'
    if (!(path in out)) out[path] = issueMessage(issue, t)
  }
  return out
}

export function validate<S extends z.ZodType>(
  schema: S,
  value: unknown,
  t: Translate
): { ok: true; data: z.output<S>; errors: FieldErrors } | { ok: false; errors: FieldErrors } {
  const r = schema.safeParse(value)
  return r.success ? { ok: true, data: r.data, errors: {} } : { ok: false, errors: zodErrors(r.error, t) }
}

/** The DOM id convention for a field: the dotted contract path with dots turned into dashes. */
export function fieldId(path: string): string {
  return path.replace(/\./g, '-')
}

const FOCUSABLE = 'input:not([disabled]),textarea,select,button:not([disabled]),[tabindex]:not([tabindex="-1"])'

/** Puts the caret in the first field that has an error, so the clerk can fix it from the keyboard. */
export function focusFirstError(paths: string[]): void {
  for (const p of paths) {
    const el = document.getElementById(fieldId(p))
    // Radio groups and the like carry the id on a wrapper: focus the first control inside it.
    const target = el?.matches(FOCUSABLE) ? el : el?.querySelector<HTMLElement>(FOCUSABLE)
    if (target) {
      target.focus()
      target.scrollIntoView({ block: 'center' })
      return
    }
  }
}
