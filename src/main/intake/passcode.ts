/**
 * Device passcodes, sealed with AES-256-GCM under a key that never enters the database: a copy of
 * the database file alone reveals nothing. The key comes from an injected provider: Electron's
 * safeStorage (the OS keychain) in the app, a 0600 key file in the user-data folder for the bridge
 * and tests.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { closeSync, existsSync, fsyncSync, linkSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import type { EntityManager } from 'typeorm'
import { audit } from '../audit/audit'
import { AppError } from '../core/errors'
import { WorkOrder } from './work-order.entity'

export interface PasscodeKeyProvider {
  /** 32 bytes; the same key on every call and every run. */
  key(): Buffer
}

const KEY_BYTES = 32
const FORMAT = 'v1'
const IV_BYTES = 12
const TAG_BYTES = 16
const PLAIN_KEY_FILE = 'passcode.key'
const SAFE_KEY_FILE = 'passcode.key.safe'

/** The key file is missing its key, damaged, or cannot be opened: passcodes can be neither sealed nor read. */
const keyProblem = () => new AppError('CONFLICT', 'intake.v.passcodeKey')

/**
 * Writes the key whole to a private temp file, then links it into place: the link is exclusive
 * (two processes never both win) and atomic (a crash leaves no key, or a whole one; never 0 bytes).
 */
function createKeyFile(path: string, content: Buffer): void {
  const tmp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`
  const fd = openSync(tmp, 'wx', 0o600)
  try {
    writeSync(fd, content)
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  try {
    linkSync(tmp, path)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e
  } finally {
    unlinkSync(tmp)
  }
}

/** Reads a key file, or creates it first; any failure is the typed key problem, never INTERNAL. */
function keyFromFile(path: string, create: () => Buffer, read: (raw: Buffer) => Buffer): Buffer {
  try {
    if (!existsSync(path)) createKeyFile(path, create())
    return read(readFileSync(path))
  } catch (e) {
    if (e instanceof AppError) throw e
    throw keyProblem()
  }
}

function checkedKey(key: Buffer): Buffer {
  if (key.length !== KEY_BYTES) throw keyProblem()
  return key
}

/** For the bridge and tests: a random key in `<userData>/passcode.key`, created on first use. */
export function fileKeyProvider(userDataDir: string): PasscodeKeyProvider {
  let cached: Buffer | null = null
  return {
    key() {
      cached ??= keyFromFile(join(userDataDir, PLAIN_KEY_FILE), () => randomBytes(KEY_BYTES), checkedKey)
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
 * Once either file exists that one is kept: switching would make every sealed passcode unreadable.
 */
export function safeStorageKeyProvider(safeStorage: SafeStorageLike, userDataDir: string): PasscodeKeyProvider {
  const fallback = fileKeyProvider(userDataDir)
  const safePath = join(userDataDir, SAFE_KEY_FILE)
  let cached: Buffer | null = null
  return {
    key() {
      if (cached) return cached
      const useSafe = existsSync(safePath) || (!existsSync(join(userDataDir, PLAIN_KEY_FILE)) && safeStorage.isEncryptionAvailable())
      if (!useSafe) return fallback.key()
      if (!safeStorage.isEncryptionAvailable()) throw keyProblem()
      cached = keyFromFile(
        safePath,
        () => safeStorage.encryptString(randomBytes(KEY_BYTES).toString('base64')),
        (raw) => checkedKey(Buffer.from(safeStorage.decryptString(raw), 'base64'))
      )
      return cached
    }
  }
}

/** "v1:" + base64(iv | tag | ciphertext); the order number is bound in, so a sealed value cannot move to another order. */
export function sealPasscode(keys: PasscodeKeyProvider, orderNo: string, passcode: string): string {
  const iv = randomBytes(IV_BYTES)
  const cipher = createCipheriv('aes-256-gcm', keys.key(), iv, { authTagLength: TAG_BYTES })
  cipher.setAAD(Buffer.from(orderNo, 'utf8'))
  const body = Buffer.concat([cipher.update(passcode, 'utf8'), cipher.final()])
  return `${FORMAT}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`
}

/** The passcode, or a typed error when the sealed value is damaged or was sealed under another key. */
export function openPasscode(keys: PasscodeKeyProvider, orderNo: string, sealed: string): string {
  const key = keys.key()
  const [format, data] = sealed.split(':')
  const raw = Buffer.from(data ?? '', 'base64')
  if (format !== FORMAT || raw.length < IV_BYTES + TAG_BYTES) throw new AppError('CONFLICT', 'intake.v.passcodeUnreadable')
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES })
    decipher.setAAD(Buffer.from(orderNo, 'utf8'))
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES))
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8')
  } catch {
    throw new AppError('CONFLICT', 'intake.v.passcodeUnreadable')
  }
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
