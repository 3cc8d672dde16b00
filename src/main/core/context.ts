import type { EntityManager } from 'typeorm'
import type { ContractMap, OutputOf, ParsedInputOf } from '@shared/contract'
import type { Locale, Translate } from '@shared/i18n'
import type { User } from '../auth/user.entity'
import type { AppError } from './errors'
import type { CoreServices } from './services'

/** Per-transport session: which user is signed in at this window / browser tab. */
export interface SessionState {
  userId: number | null
  /** This window's screen language; unset = the store's language. Receipts always use the store's. */
  locale?: Locale
}

export interface HandlerContext {
  /** The transaction every read and write of this call goes through. */
  em: EntityManager
  /** One clock reading per call, so a call never straddles midnight or a month change. */
  now: Date
  /** The signed-in user (always set for channels that are not public). */
  user: User | null
  session: SessionState
  services: CoreServices
  t: Translate
  /** Runs after the transaction commits (e.g. send print jobs); never on rollback. */
  afterCommit(fn: () => void | Promise<void>): void
  /** Commit what was done so far, then answer with this error (e.g. a counted wrong PIN). */
  failAfterCommit(error: AppError): never
}

export type Handler<C> = (input: ParsedInputOf<C>, ctx: HandlerContext) => Promise<OutputOf<C>>
export type Handlers<M extends ContractMap> = { [K in keyof M]: Handler<M[K]> }

export function signedInUser(ctx: HandlerContext): User {
  if (!ctx.user) throw new Error('router let an anonymous call through to a signed-in channel')
  return ctx.user
}
