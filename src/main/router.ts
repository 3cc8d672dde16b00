import type { DataSource, EntityManager } from 'typeorm'
import { QueryFailedError } from 'typeorm'
import { ZodError } from 'zod'
import { contract, type ChannelDef, type Result } from '@shared/contract'
import { splitMessage } from '@shared/contract/fields'
import { zodErrors } from '@shared/contract/field-errors'
import { translator, type Locale, type Params, type Translate } from '@shared/i18n'
import { User } from './auth/user.entity'
import type { HandlerContext, Handlers, SessionState } from './core/context'
import { AppError } from './core/errors'
import type { Mutex } from './core/mutex'
import type { CoreServices } from './core/services'
import { prepared } from './db/prepared'

/** What a transport knows about the caller: an opaque key for its window or browser tab. */
export interface CallContext {
  sessionKey: string
}

class CommitThenFail {
  constructor(readonly error: AppError) {}
}

export interface RouterDeps {
  dataSource: DataSource
  mutex: Mutex
  services: CoreServices
  handlers: Handlers<typeof contract>
  clock: () => Date
  /** Where unexpected errors are reported (stack traces stay in main). */
  logError?: (channel: string, error: unknown) => void
}

/**
 * The one entry point for every transport: validate input with the shared zod schema, authorize
 * the signed-in user's role, run the handler in one transaction, map every failure to a
 * translated {ok:false} answer.
 */
export class Router {
  /**
   * Signed-in users by id: the role check costs no query per call. Dropped whenever the user's
   * row changes (sessions.userChanged, called by auth inside that change's transaction); refilled
   * only inside the lock, so never from a state that is about to change.
   */
  private users = new Map<number, User>()

  constructor(private deps: RouterDeps) {
    deps.services.sessions.onUserChanged((userId) => this.users.delete(userId))
  }

  async call(ctx: CallContext, channel: string, rawInput: unknown): Promise<Result<unknown>> {
    return this.deps.mutex.run(() => this.dispatch(ctx, channel, rawInput))
  }

  private async dispatch(ctx: CallContext, channel: string, rawInput: unknown): Promise<Result<unknown>> {
    let t: Translate = translator('zh-CN')
    try {
      const session = this.session(ctx.sessionKey)
      t = translator(session.locale ?? (await this.storeLocale()))
      if (!Object.hasOwn(contract, channel)) {
        return { ok: false, error: { code: 'NOT_FOUND', message: t('err.unknownChannel', { channel: String(channel).slice(0, 60) }) } }
      }
      const def = (contract as Record<string, ChannelDef>)[channel]
      const user = await this.authorize(def, session)
      const input = def.input.parse(rawInput ?? {})
      const handler = (this.deps.handlers as Record<string, (i: unknown, c: HandlerContext) => Promise<unknown>>)[channel]
      const value = def.readOnly
        ? await this.readOnly(handler, input, user, session, t)
        : await this.inTransaction(handler, input, user, session, t)
      return { ok: true, value }
    } catch (error) {
      return { ok: false, error: this.toErrorBody(channel, error, t) }
    }
  }

  private async inTransaction(
    handler: (i: unknown, c: HandlerContext) => Promise<unknown>,
    input: unknown,
    user: User | null,
    session: SessionState,
    t: Translate
  ): Promise<unknown> {
    const afterCommit: (() => void | Promise<void>)[] = []
    let deferred: AppError | null = null
    const value = await this.deps.dataSource.transaction(async (em) => {
      const hctx = this.context(em, user, session, t, {
        afterCommit: (fn) => void afterCommit.push(fn),
        failAfterCommit: (error) => {
          throw new CommitThenFail(error)
        }
      })
      try {
        return await handler(input, hctx)
      } catch (e) {
        if (e instanceof CommitThenFail) {
          deferred = e.error
          return undefined
        }
        throw e
      }
    })
    // Post-commit work (printing) must never undo or fail the call that committed.
    for (const fn of afterCommit) {
      Promise.resolve()
        .then(fn)
        .catch((e) => this.deps.logError?.('afterCommit', e))
    }
    if (deferred) throw deferred
    return value
  }

  /**
   * A channel marked readOnly in the contract, without the ORM's BEGIN/COMMIT round trip. Still in
   * the lock, so it sees no half-done write; the connection is query-only meanwhile, so a handler
   * marked read-only that tries to write fails instead of writing outside a transaction.
   */
  private async readOnly(
    handler: (i: unknown, c: HandlerContext) => Promise<unknown>,
    input: unknown,
    user: User | null,
    session: SessionState,
    t: Translate
  ): Promise<unknown> {
    // Reused statements: db.pragma() would prepare a new one on every call.
    prepared(this.deps.dataSource, 'PRAGMA query_only = ON').run()
    try {
      return await this.runReadOnly(handler, input, user, session, t)
    } finally {
      prepared(this.deps.dataSource, 'PRAGMA query_only = OFF').run()
    }
  }

  private runReadOnly(
    handler: (i: unknown, c: HandlerContext) => Promise<unknown>,
    input: unknown,
    user: User | null,
    session: SessionState,
    t: Translate
  ): Promise<unknown> {
    return handler(
      input,
      this.context(this.deps.dataSource.manager, user, session, t, {
        afterCommit: () => {
          throw new Error('a read-only channel has nothing to commit')
        },
        failAfterCommit: (error) => {
          throw error
        }
      })
    )
  }

  /** What a handler sees: one clock reading, the caller, the services, and how to defer work. */
  private context(
    em: EntityManager,
    user: User | null,
    session: SessionState,
    t: Translate,
    hooks: Pick<HandlerContext, 'afterCommit' | 'failAfterCommit'>
  ): HandlerContext {
    return { em, now: this.deps.clock(), user, session, services: this.deps.services, t, ...hooks }
  }

  private session(key: string): SessionState {
    return this.deps.services.sessions.get(key)
  }

  private async authorize(def: ChannelDef, session: SessionState): Promise<User | null> {
    const user = session.userId ? await this.signedInUser(session.userId) : null
    if (def.access === 'public') return user
    if (!user) throw new AppError('UNAUTHENTICATED')
    if (def.access === 'signedIn' || def.access.includes(user.role)) return user
    throw new AppError('FORBIDDEN')
  }

  private async signedInUser(userId: number): Promise<User | null> {
    const cached = this.users.get(userId)
    if (cached) return cached
    const user = await this.deps.dataSource.getRepository(User).findOneBy({ id: userId, active: true })
    if (user) this.users.set(userId, user)
    return user
  }

  private async storeLocale(): Promise<Locale> {
    return (await this.deps.services.settings.cached(this.deps.dataSource.manager)).locale
  }

  private toErrorBody(channel: string, error: unknown, t: Translate) {
    if (error instanceof ZodError) {
      return { code: 'VALIDATION' as const, message: t('err.VALIDATION'), fields: zodErrors(error, t) }
    }
    if (error instanceof AppError) {
      const fields = error.fields ? translateFields(error.fields, t) : undefined
      return { code: error.code, message: t(error.messageKey, translatedParams(error.params, t)), ...(fields ? { fields } : {}) }
    }
    // Damage found while running (a disk fault after the start-up check): the write was rolled back.
    if (isDatabaseDamage(error)) {
      this.deps.logError?.(channel, error)
      return { code: 'DATABASE_DAMAGED' as const, message: t('system.damagedWhileRunning') }
    }
    // A payment or cash move dated inside a closed business day (triggers of migration DayClose).
    if (isSqliteError(error) && /closed business day/.test(String(error.message))) {
      return { code: 'CONFLICT' as const, message: t('dayclose.err.closedDay') }
    }
    // A tamper guard (a trigger) refused a change to a record that must not change: never INTERNAL.
    if (isSqliteError(error) && /tamper guard/.test(String(error.message))) {
      this.deps.logError?.(channel, error)
      return { code: 'CONFLICT' as const, message: t('system.tamperGuard') }
    }
    if (isSqliteError(error) && /UNIQUE|FOREIGN KEY/.test(String(error.message))) {
      return { code: 'CONFLICT' as const, message: t('err.CONFLICT') }
    }
    this.deps.logError?.(channel, error)
    return { code: 'INTERNAL' as const, message: t('err.INTERNAL') }
  }
}

/** A failed statement, through TypeORM (QueryFailedError) or a reused better-sqlite3 statement (SqliteError). */
function isSqliteError(error: unknown): error is Error {
  return error instanceof QueryFailedError || (error instanceof Error && /^SQLITE_/.test(String((error as { code?: unknown }).code)))
}

function isDatabaseDamage(error: unknown): boolean {
  const code = (error as { code?: unknown; driverError?: { code?: unknown } } | null)?.driverError?.code ?? (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && /^SQLITE_(CORRUPT|NOTADB)/.test(code)
}

function translateFields(fields: Record<string, string>, t: Translate): Record<string, string> {
  return Object.fromEntries(
    Object.entries(fields).map(([path, message]) => {
      const { key, params } = splitMessage(message)
      return [path, t(key, params)]
    })
  )
}

/** A parameter given as `{ key: 'status.ready' }`-style "@status.ready" is itself translated (a status label in a message). */
function translatedParams(params: Params, t: Translate): Params {
  const out: Params = {}
  for (const [name, value] of Object.entries(params)) out[name] = typeof value === 'string' && value.startsWith('@') ? t(value.slice(1)) : value
  return out
}
