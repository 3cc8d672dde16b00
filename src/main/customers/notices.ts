import type { EntityManager } from 'typeorm'
import {
  NOTICE_LIMIT,
  NOTICE_REPEAT_DAYS,
  type NoticeChannel,
  type NoticeItem,
  type NoticeOutcome,
  type NoticeView
} from '@shared/contract/customers'
import type { StoreSettings } from '@shared/contract/settings'
import type { Locale } from '@shared/i18n'
import { addDays, localDate } from '@shared/domain/dates'
import { conflict, notFound } from '../core/errors'
import { prepared } from '../db/prepared'
import { logOrderEvent } from '../repairs/status'
import { DEFAULT_NOTICE_TEMPLATE } from '../settings/defaults'

/**
 * "Your device is ready" notices (no SMS gateway: the clerk calls, or copies a message). An order
 * that became ready is due at once; a second and third notice fall due NOTICE_REPEAT_DAYS after the
 * last one (store-local days) while the device is still here; after NOTICE_LIMIT notices it moves
 * to the manager's "uncollected" list. Only notices since the order last became ready count.
 */

/** Devices waiting on the shelf are bounded in practice; the list never reads more than this. */
export const READY_LIST_MAX = 1000

// One statement for the whole shelf. Index-backed: work_order ("status", "promisedDate"); each
// subquery seeks order_event ("orderId", "id") (`+e.toStatus`: never the toStatus index, which holds every
// order's ready step of five years) or order_notice ("orderId", "at").
const NOTICE_SINCE = (ref: string) => `FROM order_notice n WHERE n.orderId = ${ref}.orderId AND n.at >= ${ref}.readyAt`
const READY_ORDERS = `WITH r AS (
    SELECT w.id AS orderId, w.orderNo, w.brand, w.model, w.customerId, w.promisedDate,
      COALESCE((SELECT MAX(e.at) FROM order_event e WHERE e.orderId = w.id AND +e.toStatus = 'ready'), w.receivedAt) AS readyAt
    FROM work_order w WHERE w.status = 'ready' ORDER BY w.promisedDate, w.id LIMIT ${READY_LIST_MAX})
  SELECT r.orderId, r.orderNo, r.brand, r.model, r.readyAt, c.name AS customerName, c.mobile,
    (SELECT COUNT(*) ${NOTICE_SINCE('r')}) AS notices,
    (SELECT MAX(n.at) ${NOTICE_SINCE('r')}) AS lastAt,
    (SELECT n.channel ${NOTICE_SINCE('r')} ORDER BY n.at DESC, n.id DESC LIMIT 1) AS lastChannel,
    (SELECT n.outcome ${NOTICE_SINCE('r')} ORDER BY n.at DESC, n.id DESC LIMIT 1) AS lastOutcome
  FROM r JOIN customer c ON c.id = r.customerId ORDER BY r.promisedDate, r.orderId`
const ORDER_FOR_NOTICE = `SELECT w.id, w.orderNo, w.status, w.brand, w.model, c.name AS customerName, c.mobile
  FROM work_order w JOIN customer c ON c.id = w.customerId WHERE w.id = ?`
const INSERT_NOTICE = `INSERT INTO order_notice (orderId, channel, outcome, text, at, userId) VALUES (?, ?, ?, ?, ?, ?)`
const NOTICES_FOR_ORDER = `SELECT n.id, n.orderId, n.channel, n.outcome, n.text, n.at, u.displayName AS userName
  FROM order_notice n LEFT JOIN "user" u ON u.id = n.userId WHERE n.orderId = ? ORDER BY n.at DESC, n.id DESC LIMIT 50`

interface ReadyRow {
  orderId: number
  orderNo: string
  brand: string
  model: string
  readyAt: string
  customerName: string
  mobile: string
  notices: number
  lastAt: string | null
  lastChannel: NoticeChannel | null
  lastOutcome: NoticeOutcome | null
}

function noticeItem(row: ReadyRow, timeZone: string): NoticeItem {
  const dueDate = row.lastAt ? addDays(localDate(new Date(row.lastAt), timeZone), NOTICE_REPEAT_DAYS) : localDate(new Date(row.readyAt), timeZone)
  return {
    orderId: row.orderId,
    orderNo: row.orderNo,
    customerName: row.customerName,
    mobile: row.mobile,
    device: `${row.brand} ${row.model}`.trim(),
    readyAt: row.readyAt,
    notices: row.notices,
    lastNoticeAt: row.lastAt,
    lastChannel: row.lastChannel,
    lastOutcome: row.lastOutcome,
    dueDate
  }
}

function readyItems(em: EntityManager, timeZone: string): NoticeItem[] {
  return (prepared(em, READY_ORDERS).all() as ReadyRow[]).map((r) => noticeItem(r, timeZone))
}

const byDue = (a: NoticeItem, b: NoticeItem) => a.dueDate.localeCompare(b.dueDate) || a.orderNo.localeCompare(b.orderNo)

/** The counter's "to notify" list: ready orders due a first, second or third notice today. */
export function noticesDue(em: EntityManager, now: Date, timeZone: string): NoticeItem[] {
  const today = localDate(now, timeZone)
  return readyItems(em, timeZone)
    .filter((i) => i.notices < NOTICE_LIMIT && i.dueDate <= today)
    .sort(byDue)
}

/** The manager's "uncollected" list: ready orders told NOTICE_LIMIT times or more, longest waiting first. */
export function uncollected(em: EntityManager, timeZone: string): NoticeItem[] {
  return readyItems(em, timeZone)
    .filter((i) => i.notices >= NOTICE_LIMIT)
    .sort((a, b) => a.readyAt.localeCompare(b.readyAt))
}

export interface NoticeVars {
  name: string
  orderNo: string
  device: string
  store: string
  phone: string
}

/** Fills {name} {orderNo} {device} {store} {phone}; an unknown {word} is left as typed. */
export function fillTemplate(template: string, vars: NoticeVars): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in vars ? vars[key as keyof NoticeVars] : whole))
}

interface OrderForNotice {
  id: number
  orderNo: string
  status: string
  brand: string
  model: string
  customerName: string
  mobile: string
}

function orderForNotice(em: EntityManager, orderId: number): OrderForNotice {
  const row = prepared(em, ORDER_FOR_NOTICE).get(orderId) as OrderForNotice | undefined
  if (!row) throw notFound()
  return row
}

/** The store's template in this language (its default when the manager left it empty), filled in. */
export function noticeText(em: EntityManager, orderId: number, settings: StoreSettings, locale: Locale): string {
  const o = orderForNotice(em, orderId)
  const template = settings.noticeTemplate?.[locale]?.trim() || DEFAULT_NOTICE_TEMPLATE[locale]
  return fillTemplate(template, {
    name: o.customerName,
    orderNo: o.orderNo,
    device: `${o.brand} ${o.model}`.trim(),
    store: settings.store.name,
    phone: settings.store.phone
  })
}

/** Logs one notice (order_notice + the order's timeline). Only a ready order is notified. */
export function recordNotice(
  em: EntityManager,
  n: { orderId: number; channel: NoticeChannel; outcome: NoticeOutcome; text: string; at: Date; userId: number }
): NoticeView {
  const o = orderForNotice(em, n.orderId)
  if (o.status !== 'ready') throw conflict('notices.err.notReady', { status: `@status.${o.status}` })
  const id = Number(prepared(em, INSERT_NOTICE).run(n.orderId, n.channel, n.outcome, n.text, n.at.toISOString(), n.userId).lastInsertRowid)
  logOrderEvent(em, { orderId: n.orderId, at: n.at, userId: n.userId, kind: 'notice', note: n.text, detail: { channel: n.channel, outcome: n.outcome, noticeId: id } })
  return noticesForOrder(em, n.orderId).find((v) => v.id === id)!
}

export function noticesForOrder(em: EntityManager, orderId: number): NoticeView[] {
  return (prepared(em, NOTICES_FOR_ORDER).all(orderId) as (NoticeView & { userName: string | null })[]).map((r) => ({ ...r, userName: r.userName ?? '' }))
}
