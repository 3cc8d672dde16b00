import { z } from 'zod'
import { isValidTimeZone, plainDateProblem } from '../domain/dates'
import { MAX_FEN } from '../domain/money'
import { unprintableMessage } from './printable'

/**
 * Field schemas shared by forms (validate as you type) and main (validate again, never trust the
 * renderer). Messages are i18n keys; whoever shows them translates.
 */
export interface TextRules {
  /** Newlines allowed (the fault description); elsewhere a newline is refused like any control character. */
  multiline?: boolean
}

/** Characters the receipt cannot print are refused by name (see printable.ts), never dropped silently. */
function printable<T extends z.ZodString>(schema: T, rules: TextRules): T {
  return schema.superRefine((s, ctx) => {
    const message = unprintableMessage(s, rules.multiline)
    if (message) ctx.addIssue({ code: 'custom', message, input: s })
  }) as T
}

/** Line endings pasted from Windows become plain newlines; nothing else is changed. */
const lineEndings = (rules: TextRules) => (s: string) => (rules.multiline ? s.replace(/\r\n?/g, '\n') : s)

export const requiredText = (max: number, rules: TextRules = {}) =>
  printable(
    z.string({ error: 'v.required' }).overwrite(lineEndings(rules)).trim().min(1, 'v.required').max(max, { error: `v.tooLong|max=${max}` }),
    rules
  )

export const optionalText = (max: number, rules: TextRules = {}) =>
  printable(z.string().overwrite(lineEndings(rules)).trim().max(max, { error: `v.tooLong|max=${max}` }), rules).default('')

export const fen = z
  .number({ error: 'v.number' })
  .int('v.integer')
  .min(0, 'v.money.nonNegative')
  .max(MAX_FEN, 'v.money.tooLarge')

/** A business date: format, a real calendar day, and within 2000-01-01 … today + 10 years (each its own message). */
export const plainDate = z.string({ error: 'v.required' }).superRefine((text, ctx) => {
  const problem = plainDateProblem(text)
  if (problem) ctx.addIssue({ code: 'custom', message: problem })
})

/** Full-width digits from a Chinese input method ("１３８…") become ASCII before any check. */
export const halfWidth = (s: string) => s.normalize('NFKC')

/** "138 1234 5678", "138-1234-5678", "+86 13812345678" (pasted or typed) -> "13812345678". */
export const plainMobile = (s: string) =>
  halfWidth(s)
    .replace(/[\s\-()]/g, '')
    .replace(/^(\+?86)(1\d{10})$/, '$2')

export const mobile = z
  .string({ error: 'v.required' })
  .overwrite(plainMobile)
  .trim()
  .min(1, 'v.required')
  .regex(/^1\d{10}$/, 'v.mobile')

export const landline = z
  .string()
  .overwrite(halfWidth)
  .trim()
  .regex(/^$|^[0-9+()\- ]{5,20}$/, 'v.phone')
  .default('')

export const pin = z.string({ error: 'v.required' }).overwrite(halfWidth).regex(/^\d{4,8}$/, 'v.pin')
export const username = z.string({ error: 'v.required' }).trim().regex(/^[A-Za-z0-9_]{3,20}$/, 'v.username')
/** A manager's approval typed on the same screen: user name + PIN (checked in main by managerApproval). */
export const approval = z.object({ username, pin })
export type Approval = z.infer<typeof approval>
/** The same approval checked beforehand (auth.approve): the action spends its token. */
export const approvalToken = z.object({ token: z.string({ error: 'approval.expired' }).regex(/^[0-9a-f]{32}$/, 'approval.expired') })
export const timeZone = z.string().refine(isValidTimeZone, 'v.invalid')
export const id = z.number({ error: 'v.required' }).int().positive()
export const catalogueCode = z.string().trim().regex(/^[A-Za-z0-9_-]{1,32}$/, 'v.invalid')

/** "v.tooLong|max=20" -> key + params; plain keys pass through. */
export function splitMessage(message: string): { key: string; params: Record<string, string> } {
  const [key, ...rest] = message.split('|')
  const params: Record<string, string> = {}
  for (const pair of rest) {
    const [k, v] = pair.split('=')
    if (k) params[k] = v ?? ''
  }
  return { key, params }
}
