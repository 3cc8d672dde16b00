import { z } from 'zod'
import { channel, readOnly } from './channel'
import { id, optionalText, plainDate, requiredText } from './fields'
import { LOCALES, type Locale } from '../i18n/define'

/** How the customer was told their device is ready (the shop is offline: no SMS gateway). */
export const NOTICE_CHANNELS = ['call', 'message'] as const
export type NoticeChannel = (typeof NOTICE_CHANNELS)[number]
/** A call reached the customer or not; a message was copied and sent by the clerk. */
export const NOTICE_OUTCOMES = ['reached', 'notReached', 'sent'] as const
export type NoticeOutcome = (typeof NOTICE_OUTCOMES)[number]

/** A second notice falls due this many days after the last one while the device is still here. */
export const NOTICE_REPEAT_DAYS = 3
/** After this many notices the order leaves the counter's list for the manager's "uncollected" list. */
export const NOTICE_LIMIT = 3

/** One ready order on the counter's "to notify" list or the manager's "uncollected" list. */
export interface NoticeItem {
  orderId: number
  orderNo: string
  customerName: string
  mobile: string
  device: string
  /** When the order last became ready (UTC instant). */
  readyAt: string
  notices: number
  lastNoticeAt: string | null
  lastChannel: NoticeChannel | null
  lastOutcome: NoticeOutcome | null
  /** Store-local date this notice fell (or falls) due. */
  dueDate: string
}

export const NoticeRecordInput = z
  .object({
    orderId: id,
    channel: z.enum(NOTICE_CHANNELS),
    outcome: z.enum(NOTICE_OUTCOMES),
    /** A message as the clerk copied it (edited); empty = built from the template. */
    text: optionalText(500, { multiline: true }),
    /** The message's language (the customer's); unset = the store's. */
    locale: z.enum(LOCALES).optional()
  })
  .superRefine((n, ctx) => {
    const ok = n.channel === 'call' ? n.outcome !== 'sent' : n.outcome === 'sent'
    if (!ok) ctx.addIssue({ code: 'custom', path: ['outcome'], message: 'notices.v.outcome' })
  })

export interface NoticeView {
  id: number
  orderId: number
  channel: NoticeChannel
  outcome: NoticeOutcome
  text: string
  at: string
  userName: string
}

/** A comeback (返修): this order's device was picked up from an earlier order within 3 months. */
export interface ComebackView {
  orderId: number
  earlierOrderId: number
  earlierOrderNo: string
  earlierReturnedAt: string | null
  detectedAt: string
  flagged: boolean
  unflagReason: string
  unflaggedAt: string | null
}

export interface ReworkRate {
  from: string
  to: string
  comebacks: number
  pickedUp: number
  /** comebacks / pickedUp, 0 when nothing was picked up. */
  rate: number
}

/** Customer care: ready notices, uncollected devices, comebacks (issue 8). */
export const customersContract = {
  'notices.list': readOnly(channel<NoticeItem[]>()(z.object({}).default({}), ['counter', 'manager'])),
  'notices.uncollected': readOnly(channel<NoticeItem[]>()(z.object({}).default({}), ['manager'])),
  /** The message for one order from the store's template, in the customer's language. */
  'notices.message': readOnly(channel<{ text: string; locale: Locale }>()(z.object({ orderId: id, locale: z.enum(LOCALES).optional() }), ['counter', 'manager'])),
  'notices.record': channel<NoticeView>()(NoticeRecordInput, ['counter', 'manager']),
  'notices.forOrder': readOnly(channel<NoticeView[]>()(z.object({ orderId: id }), 'signedIn')),
  'comebacks.forOrder': readOnly(channel<ComebackView | null>()(z.object({ orderId: id }), 'signedIn')),
  'comebacks.unflag': channel<ComebackView>()(z.object({ orderId: id, reason: requiredText(200) }), ['counter', 'manager']),
  'comebacks.reworkRate': readOnly(channel<ReworkRate>()(z.object({ from: plainDate, to: plainDate }), ['manager']))
}
