import type { z } from 'zod'
import { issueMessage, zodErrors, type FieldErrors } from '@shared/contract/field-errors'
import type { Translate } from '@shared/i18n'

export type { FieldErrors }
export { issueMessage, zodErrors }

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
export function focusFirstError(paths: string[]): boolean {
  for (const p of paths) {
    const el = document.getElementById(fieldId(p))
    // Radio groups and the like carry the id on a wrapper: focus the first control inside it.
    const target = el?.matches(FOCUSABLE) ? el : el?.querySelector<HTMLElement>(FOCUSABLE)
    if (target) {
      target.focus()
      target.scrollIntoView({ block: 'center' })
      return true
    }
  }
  return false
}

/** The same, for fields that appear only with the error (a folded section, a warning's reason). */
export function focusFirstErrorWhenShown(paths: string[], tries = 20): void {
  if (!focusFirstError(paths) && tries > 0) setTimeout(() => focusFirstErrorWhenShown(paths, tries - 1), 50)
}
