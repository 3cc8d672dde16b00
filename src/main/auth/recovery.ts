import { randomInt } from 'node:crypto'
import type { EntityManager } from 'typeorm'
import { RECOVERY_ALPHABET } from '@shared/contract/auth'
import { hashPin, verifyPin } from './pin'
import { RecoveryCode } from './recovery-code.entity'

/** 16 random characters (80 bits), shown as XXXX-XXXX-XXXX-XXXX. */
function newCode(): string {
  const chars = Array.from({ length: 16 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)])
  return chars.join('').replace(/(.{4})(?!$)/g, '$1-')
}

/** Replaces the store's recovery code; the answer is the only time the code itself exists. */
export async function renewRecoveryCode(em: EntityManager, now: Date, byUserId: number | null): Promise<string> {
  const code = newCode()
  await em.save(RecoveryCode, { id: 1, codeHash: hashPin(code.replace(/-/g, '')), createdAt: now.toISOString(), createdById: byUserId })
  return code
}

/** True when `code` (already normalised by the schema: no dashes, upper case) is the current one. */
export async function recoveryCodeMatches(em: EntityManager, code: string): Promise<boolean> {
  const row = await em.findOneBy(RecoveryCode, { id: 1 })
  return verifyPin(code, row?.codeHash ?? dummyHash())
}

let dummy: string | null = null
/**
 * A hash nobody's secret matches: checking an unknown user's PIN (or a missing code) against it
 * costs the same scrypt time as a real check, so timing does not tell which user names exist.
 */
export function dummyHash(): string {
  dummy ??= hashPin(`no-such-secret-${randomInt(1e9)}`)
  return dummy
}
