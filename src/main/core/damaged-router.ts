import type { Result } from '@shared/contract/result'
import type { DatabaseHealth } from '@shared/contract/system'
import { translate } from '@shared/i18n'
import type { CallContext } from '../router'

/** What a transport needs from a router: the healthy Router and the DamagedRouter both answer it. */
export interface CallRouter {
  call(ctx: CallContext, channel: string, rawInput: unknown): Promise<Result<unknown>>
}

/**
 * Serves a database that failed its checks at start without touching it: `system.health` says
 * what is wrong, every other channel answers DATABASE_DAMAGED (never INTERNAL, never a write).
 * The store's language lives in the damaged file, so the message carries both languages.
 */
export class DamagedRouter implements CallRouter {
  constructor(
    private health: Extract<DatabaseHealth, { state: 'damaged' }>,
    /** Channels that work without the database (backups.restoreDamaged: the newest good backup, with a manager's PIN). */
    private extra: Record<string, (input: unknown) => Promise<Result<unknown>>> = {}
  ) {}

  async call(_ctx: CallContext, channel: string, rawInput?: unknown): Promise<Result<unknown>> {
    if (channel === 'system.health') return { ok: true, value: this.health }
    if (Object.hasOwn(this.extra, channel)) return this.extra[channel](rawInput)
    const message = `${translate('zh-CN', 'err.DATABASE_DAMAGED')} / ${translate('en', 'err.DATABASE_DAMAGED')}`
    return { ok: false, error: { code: 'DATABASE_DAMAGED', message } }
  }
}
