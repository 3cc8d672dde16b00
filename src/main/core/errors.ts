import type { ErrorCode } from '@shared/contract/result'
import type { Params } from '@shared/i18n'

/**
 * A failure the user should see. `messageKey` and `fields` hold i18n keys; the router translates
 * them into the store's language. Throwing one rolls the transaction back.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly messageKey: string = `err.${code}`,
    readonly params: Params = {},
    /** dotted field path -> i18n key (optionally "key|param=value") */
    readonly fields?: Record<string, string>
  ) {
    super(messageKey)
  }
}

export const validationError = (fields: Record<string, string>) => new AppError('VALIDATION', 'err.VALIDATION', {}, fields)
export const notFound = () => new AppError('NOT_FOUND')
export const forbidden = () => new AppError('FORBIDDEN')
export const conflict = (key = 'err.CONFLICT', params: Params = {}) => new AppError('CONFLICT', key, params)
