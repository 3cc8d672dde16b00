import type { z } from 'zod'
import type { Access } from './roles'

/**
 * One IPC channel: the zod schema its input must pass (checked again in main), who may call it,
 * and (as a phantom type) what it answers.
 */
export interface ChannelDef<I extends z.ZodType = z.ZodType, O = unknown> {
  input: I
  access: Access
  /**
   * The channel only reads (lookups, lists, an order page): main runs it without a transaction and
   * with the connection query-only, so an accidental write fails instead of escaping a transaction.
   */
  readOnly?: boolean
  /** Phantom: never set at runtime, carries the result type. */
  readonly __output?: O
}

export function channel<O>() {
  return <I extends z.ZodType>(input: I, access: Access): ChannelDef<I, O> => ({ input, access })
}

/** Marks a channel as read-only (see ChannelDef.readOnly). */
export const readOnly = <D extends ChannelDef>(def: D): D => ({ ...def, readOnly: true })

export type ContractMap = Record<string, ChannelDef>
export type InputOf<C> = C extends ChannelDef<infer I, unknown> ? z.input<I> : never
export type ParsedInputOf<C> = C extends ChannelDef<infer I, unknown> ? z.output<I> : never
export type OutputOf<C> = C extends ChannelDef<z.ZodType, infer O> ? O : never
