import { z } from 'zod'
import { isPlainDate, isValidTimeZone } from '../domain/dates'
import { MAX_FEN } from '../domain/money'

/**
 * Field schemas shared by forms (validate as you type) and main (validate again, never trust the
 * renderer). Messages are i18n keys; whoever shows them translates.
 */
export const requiredText = (max: number) =>
  z.string({ error: 'v.required' }).trim().min(1, 'v.required').max(max, { error: `v.tooLong|max=${max}` })

export const optionalText = (max: number) =>
  z.string().trim().max(max, { error: `v.tooLong|max=${max}` }).default('')

export const fen = z
  .number({ error: 'v.number' })
  .int('v.integer')
  .min(0, 'v.money.nonNegative')
  .max(MAX_FEN, 'v.money.tooLarge')

export const plainDate = z.string({ error: 'v.required' }).refine(isPlainDate, 'v.date')

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
