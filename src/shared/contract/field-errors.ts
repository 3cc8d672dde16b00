import type { z } from 'zod'
import { hasMessage, type Translate } from '../i18n'
import { splitMessage } from './fields'

/** Dotted path ("customer.mobile") -> translated message: what forms show and main answers. */
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

/** First issue per field wins, the same in the form and in main. */
export function zodErrors(error: z.ZodError | undefined, t: Translate): FieldErrors {
  const out: FieldErrors = {}
  if (!error) return out
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || '_'
    if (!(path in out)) out[path] = issueMessage(issue, t)
  }
  return out
}
