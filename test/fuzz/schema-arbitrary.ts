import fc from 'fast-check'
import type { z } from 'zod'

/** Values that break naive code: emoji, control characters, huge strings, odd numbers, wrong types. */
export const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\u0007\u001b[2J',
  '\r\n\t',
  '😀👨‍👩‍👧‍👦🇨🇳',
  '\ud800', // a lone surrogate
  '‮evil',
  '１３８１２３４５６７８',
  '<script>alert(1)</script>',
  "'; DROP TABLE user; --",
  '%',
  '_',
  '..\\..\\..',
  '9999-12-31',
  '0000-00-00',
  '2026-02-30',
  '2027-02-29',
  '1999-12-31',
  '2026-13-01',
  '2026-6-1',
  '+010000-01-01',
  'NaN',
  '-1',
  '1e308',
  '__proto__',
  'constructor',
  'x'.repeat(10_000),
  '字'.repeat(100_000)
]

export const NASTY_NUMBERS = [0, -0, -1, 1.5, 0.1, NaN, Infinity, -Infinity, 2 ** 31, 2 ** 53 + 2, -(2 ** 53), 1e308, Number.MIN_VALUE, 1e-7]

export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...NASTY_STRINGS),
  fc.constantFrom(...NASTY_NUMBERS),
  fc.constantFrom(null, undefined, true, false, [], {}, [null], { __proto__: { polluted: true } }, JSON.parse('{"__proto__":{"polluted":1}}')),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.jsonValue({ maxDepth: 2 })
)

/** Strings a counter might really type: the schema-guided generator starts from these. */
const PLAUSIBLE_STRINGS = [
  'boss',
  'xiaoli',
  '2468',
  '1357',
  '13812345678',
  '352099001761481',
  'phone',
  'main',
  'battery',
  'screen',
  'warranty',
  'claimTicket',
  'deviceTag',
  'cash',
  'zh-CN',
  'en',
  'Asia/Shanghai',
  'UTC',
  'manager',
  'counter',
  'technician',
  '2026-06-01',
  '2026-11-23',
  '2026-11-30',
  '2036-11-23',
  '2000-01-01',
  'tcp://127.0.0.1:9',
  '2611-0001',
  '张三',
  '华为',
  'auth.',
  'auth.signIn'
]

type Def = { type: string; [k: string]: unknown }
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def

/**
 * A fast-check arbitrary guided by a zod schema: mostly well-shaped values (so calls get past the
 * first field and into the handlers), with a nasty value or a wrong type at any node now and then.
 */
export function fromSchema(schema: z.ZodType, depth = 0): fc.Arbitrary<unknown> {
  const plausible = plausibleFor(schema, depth)
  return fc.oneof({ arbitrary: plausible, weight: 12 }, { arbitrary: nastyValue, weight: 1 })
}

function plausibleFor(schema: z.ZodType, depth: number): fc.Arbitrary<unknown> {
  const def = defOf(schema)
  if (depth > 8) return fc.constant(null)
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, z.ZodType>
      const parts = Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, fromSchema(v, depth + 1)]))
      // Keys may be missing (requiredKeys: none) so "required" paths are exercised too.
      return fc.record(parts, { requiredKeys: Object.keys(shape).filter((_, i) => i % 5 !== 4) })
    }
    case 'array':
      return fc.array(fromSchema(def.element as z.ZodType, depth + 1), { maxLength: 4 })
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return fc.oneof(
        { arbitrary: plausibleFor(def.innerType as z.ZodType, depth + 1), weight: 5 },
        { arbitrary: fc.constantFrom(undefined, null), weight: 1 }
      )
    case 'pipe':
      return plausibleFor(def.in as z.ZodType, depth + 1)
    case 'union':
      return fc.oneof(...(def.options as z.ZodType[]).map((o) => plausibleFor(o, depth + 1)))
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, string | number>))
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]))
    case 'string':
      return fc.oneof({ arbitrary: fc.constantFrom(...PLAUSIBLE_STRINGS), weight: 4 }, { arbitrary: fc.string({ maxLength: 30 }), weight: 1 })
    case 'number':
      return fc.oneof(fc.integer({ min: 0, max: 5 }), fc.integer({ min: -10, max: 100_000 }), fc.constantFrom(...NASTY_NUMBERS))
    case 'boolean':
      return fc.boolean()
    case 'record':
      return fc.dictionary(fc.string({ maxLength: 10 }), fromSchema(def.valueType as z.ZodType, depth + 1), { maxKeys: 3 })
    default:
      return fc.jsonValue({ maxDepth: 2 })
  }
}

/** Every path in a JSON-ish value (objects and arrays), for one-spot mutations of a valid seed. */
export function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [prefix]
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value)
  return [prefix, ...entries.flatMap(([k, v]) => paths(v, [...prefix, k]))]
}

/** A copy of `seed` with the value at `path` replaced (or deleted when replacement is the DELETE marker). */
export const DELETE = Symbol('delete')
export function mutate(seed: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement === DELETE ? undefined : replacement
  const copy = structuredClone(seed) as Record<string | number, unknown>
  let node = copy
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>
  const last = path[path.length - 1]
  if (replacement === DELETE) delete node[last]
  else node[last] = replacement
  return copy
}

/** Dates that are badly formed, impossible, or outside 2000-01-01 … today + 10 years. */
export const NASTY_DATES = [
  '9999-12-31',
  '0001-01-01',
  '1999-12-31',
  '2026-02-30',
  '2027-02-29',
  '2026-04-31',
  '2026-13-01',
  '2026-00-10',
  '2026-11-00',
  '2026-11-24',
  '2100-01-01',
  '+275760-09-13',
  '2026-11-23T00:00:00Z',
  '２０２６-１１-２３'
]

const at = (value: unknown, path: (string | number)[]): unknown =>
  path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], value)

/** What to put where: a date where a date was, a nasty string where a string was, and so on. */
function replacementFor(current: unknown): fc.Arbitrary<unknown> {
  const deleteIt = { arbitrary: fc.constant(DELETE), weight: 1 }
  const anything = { arbitrary: nastyValue, weight: 2 }
  if (typeof current === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(current)) return fc.oneof({ arbitrary: fc.constantFrom(...NASTY_DATES), weight: 6 }, anything, deleteIt)
  if (typeof current === 'string') return fc.oneof({ arbitrary: fc.constantFrom(...NASTY_STRINGS), weight: 4 }, anything, deleteIt)
  if (typeof current === 'number') return fc.oneof({ arbitrary: fc.constantFrom(...NASTY_NUMBERS), weight: 4 }, anything, deleteIt)
  return fc.oneof(anything, deleteIt)
}

/** Near-valid: a valid seed with one spot (any depth) replaced by a nasty value of its kind, a wrong type or nothing. */
export function nearValid(seed: unknown): fc.Arbitrary<unknown> {
  return fc
    .constantFrom(...paths(seed))
    .chain((path) => replacementFor(at(seed, path)).map((replacement) => mutate(seed, path, replacement)))
}

/**
 * Every date-like and number spot of a seed with every nasty date / number: the edges random
 * sampling would reach only by luck (9999-12-31 in one field of one channel).
 */
export function edgeCases(seed: unknown): unknown[] {
  return paths(seed).flatMap((path) => {
    const current = at(seed, path)
    if (typeof current === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(current)) return NASTY_DATES.map((d) => mutate(seed, path, d))
    if (typeof current === 'number') return NASTY_NUMBERS.map((n) => mutate(seed, path, n))
    return []
  })
}
