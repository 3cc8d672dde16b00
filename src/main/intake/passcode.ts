/**
 * Device passcodes, sealed with AES-256-GCM under a key that never enters the database: a copy of
 * the database file alone reveals nothing. The key comes from an injected provider: Electron's
 * safeStorage (the OS keychain) in the app, a 0600 key file in the user-data folder for the bridge
 * and tests.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { EntityManager } from 'typeorm'
import { audit } from '../audit/audit'
import { WorkOrder } from './work-order.entity'

export interface PasscodeKeyProvider {
  /** 32 bytes; the same key on every call and every run. */
  key(): Buffer
}

const KEY_BYTES = 32
const FORMAT = 'v1'

/** Reads a key file, or creates it (mode 0600, exclusive create so two processes never race). */
function keyFromFile(path: string, create: () => Buffer, read: (raw: Buffer) => Buffer): Buffer {
  try {
    return read(readFileSync(path))
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e
  }
  try {
    writeFileSync(path, create(), { mode: 0o600, flag: 'wx' })
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e
  }
  return read(readFileSync(path))
}

function checkedKey(key: Buffer): Buffer {
  if (key.length !== KEY_BYTES) throw new Error('passcode key has the wrong length')
  return key
}

/** For the bridge and tests: a random key in `<userData>/passcode.key`, created on first use. */
export function fileKeyProvider(userDataDir: string): PasscodeKeyProvider {
  let cached: Buffer | null = null
  return {
    key() {
      cached ??= keyFromFile(join(userDataDir, 'passcode.key'), () => randomBytes(KEY_BYTES), checkedKey)
      return cached
    }
  }
}

/** The part of Electron's safeStorage used here (no electron import in the core). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean
  encryptString(plain: string): Buffer
  decryptString(sealed: Buffer): string
}

/**
 * For the Electron app: the random key is stored encrypted by the OS (DPAPI / Keychain / libsecret)
 * in `<userData>/passcode.key.safe`. Without OS encryption it falls back to the plain key file.
 */
export function safeStorageKeyProvider(safeStorage: SafeStorageLike, userDataDir: string): PasscodeKeyProvider {
  const fallback = fileKeyProvider(userDataDir)
  let cached: Buffer | null = null
  return {
    key() {
      if (!safeStorage.isEncryptionAvailable()) return fallback.key()
      cached ??= keyFromFile(
        join(userDataDir, 'passcode.key.safe'),
        () => safeStorage.encryptString(randomBytes(KEY_BYTES).toString('base64')),
        (raw) => checkedKey(Buffer.from(safeStorage.decryptString(raw), 'base64'))
      )
      return cached
    }
  }
}

/** "v1:" + base64(iv | tag | ciphertext); the order number is bound in, so a sealed value cannot move to another order. */
export function sealPasscode(keys: PasscodeKeyProvider, orderNo: string, passcode: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', keys.key(), iv)
  cipher.setAAD(Buffer.from(orderNo, 'utf8'))
  const body = Buffer.concat([cipher.update(passcode, 'utf8'), cipher.final()])
  return `${FORMAT}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`
}

export function openPasscode(keys: PasscodeKeyProvider, orderNo: string, sealed: string): string {
  const [format, data] = sealed.split(':')
  if (format !== FORMAT || !data) throw new Error('unknown passcode format')
  const raw = Buffer.from(data, 'base64')
  const decipher = createDecipheriv('aes-256-gcm', keys.key(), raw.subarray(0, 12))
  decipher.setAAD(Buffer.from(orderNo, 'utf8'))
  decipher.setAuthTag(raw.subarray(12, 28))
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8')
}

/**
 * Forgets an order's passcode. The pickup step calls this when the device is handed back (and a
 * void does when the order is cancelled), inside the caller's transaction. Audited; no-op if none.
 */
export async function erasePasscode(em: EntityManager, orderId: number, at: Date, userId: number | null): Promise<boolean> {
  const result = await em
    .createQueryBuilder()
    .update(WorkOrder)
    .set({ passcodeSealed: null })
    .where('id = :orderId AND passcodeSealed IS NOT NULL', { orderId })
    .execute()
  if (!result.affected) return false
  await audit(em, { at, userId, action: 'order.passcodeErased', entity: 'work_order', entityId: orderId })
  return true
}
