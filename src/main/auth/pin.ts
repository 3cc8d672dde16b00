import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto'

// scrypt cost: ~50 ms per check on the counter PC; a 4-8 digit PIN is weak, the lockout carries the rest.
const N = 16384
const R = 8
const P = 1
const KEYLEN = 32

export function hashPin(pin: string): string {
  const salt = randomBytes(16)
  const hash = scryptSync(pin, salt, KEYLEN, { N, r: R, p: P })
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${hash.toString('base64')}`
}

export function verifyPin(pin: string, stored: string): boolean {
  const [scheme, n, r, p, salt, hash] = stored.split('$')
  if (scheme !== 'scrypt') return false
  const expected = Buffer.from(hash, 'base64')
  const actual = scryptSync(pin, Buffer.from(salt, 'base64'), expected.length, { N: +n, r: +r, p: +p })
  return timingSafeEqual(actual, expected)
}
