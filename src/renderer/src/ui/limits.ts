import type { z } from 'zod'

type Any = z.ZodType & { _zod: { def: Record<string, unknown> } }

/** Looks through optional/default/nullable/pipe wrappers to the schema that holds the checks. */
function inner(s: Any): Any {
  const def = s._zod.def
  const next = (def.innerType ?? (def.type === 'pipe' ? def.in : undefined)) as Any | undefined
  return next ? inner(next) : s
}

/**
 * The longest text the shared schema accepts at a dotted path ("fault.description"), so the
 * screen shows the same limit main enforces instead of a second number kept by hand.
 */
export function maxLengthAt(schema: z.ZodType, path: string): number | undefined {
  let s = inner(schema as Any)
  for (const key of path.split('.')) {
    const shape = (s._zod.def.shape ?? undefined) as Record<string, Any> | undefined
    if (!shape?.[key]) return undefined
    s = inner(shape[key])
  }
  const max = (s as unknown as { maxLength?: number | null }).maxLength
  return typeof max === 'number' && Number.isFinite(max) ? max : undefined
}
