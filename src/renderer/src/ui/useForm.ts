import { useCallback, useMemo, useState, type ChangeEvent } from 'react'
import type { z } from 'zod'
import { ApiError } from '../api/client'
import { maxLengthAt } from './limits'
import { fieldId, focusFirstError, type FieldErrors } from './validation'

type Obj = Record<string, unknown>

export function getIn(obj: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o == null ? undefined : (o as Obj)[k]), obj)
}

export function setIn<T>(obj: T, path: string, value: unknown): T {
  const [head, ...rest] = path.split('.')
  const base = (obj ?? {}) as Obj
  const next = rest.length ? setIn(base[head], rest.join('.'), value) : value
  return (Array.isArray(base) ? Object.assign([...base], { [head]: next }) : { ...base, [head]: next }) as T
}

/**
 * Form state with the errors people should see: schema errors for fields they have left (or all
 * after a submit attempt), plus main's errors until that field is edited again.
 */
export function useForm<T>(initial: T | (() => T), check: (values: T) => FieldErrors, options: { schema?: z.ZodType } = {}) {
  const [values, setValues] = useState<T>(initial)
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set())
  const [submitted, setSubmitted] = useState(false)
  const [server, setServer] = useState<FieldErrors>({})
  const clientErrors = useMemo(() => check(values), [check, values])

  const touch = useCallback((path: string) => setTouched((s) => (s.has(path) ? s : new Set(s).add(path))), [])
  /** `errorPath`: the contract path the value's errors come under, when the form keeps it elsewhere. */
  const set = useCallback((path: string, value: unknown, touchNow = false, errorPath = path) => {
    setValues((v) => setIn(v, path, value))
    setServer((s) => {
      if (!(errorPath in s)) return s
      const { [errorPath]: _gone, ...rest } = s
      return rest
    })
    if (touchNow) touch(errorPath)
  }, [touch])

  const error = (path: string): string | undefined =>
    server[path] ?? (submitted || touched.has(path) ? clientErrors[path] : undefined)

  /**
   * Props for a text input bound to `path`; its id and errors follow `errorPath` (the contract path).
   * With a schema, the field shows its limit as the clerk nears it and says at once when text is too
   * long — nothing is ever cut off (no maxLength): a paste stays whole and the message names the limit.
   */
  const text = (path: string, errorPath = path) => {
    const value = (getIn(values, path) as string | undefined) ?? ''
    const max = options.schema ? maxLengthAt(options.schema, errorPath) : undefined
    return {
      id: fieldId(errorPath),
      value,
      onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
        set(path, e.target.value, max !== undefined && e.target.value.length > max, errorPath),
      // Leaving an empty field is not an error yet (the clerk may just be passing through); submit checks it.
      onBlur: () => {
        if (getIn(values, path)) touch(errorPath)
      },
      status: error(errorPath) ? ('error' as const) : undefined,
      // `show` is always a function: toggling it on and off would rebuild antd's wrapper and take
      // the caret out of the field mid-typing. The counter itself appears near the limit.
      count: max === undefined ? undefined : { max, show: ({ count }: { count: number }) => (count >= max * 0.8 ? `${count} / ${max}` : null) }
    }
  }

  const reset = (next: T) => {
    setValues(next)
    setTouched(new Set())
    setSubmitted(false)
    setServer({})
  }

  /** Submit: show every error and put the caret on the first, or run `send` when there are none. */
  const submit = (send: () => void) => {
    setSubmitted(true)
    const paths = Object.keys(clientErrors)
    if (paths.length) return focusFirstError(paths)
    send()
  }

  /** Shows main's per-field messages on their fields; false when the error had none. */
  const showServerErrors = (e: unknown): boolean => {
    if (!(e instanceof ApiError) || !Object.keys(e.fields).length) return false
    setServer(e.fields)
    focusFirstError(Object.keys(e.fields))
    return true
  }

  return {
    submit,
    showServerErrors,
    values,
    setValues,
    set,
    touch,
    text,
    error,
    clientErrors,
    serverErrors: server,
    setServerErrors: setServer,
    markSubmitted: () => setSubmitted(true),
    reset
  }
}
export type FormApi<T> = ReturnType<typeof useForm<T>>
