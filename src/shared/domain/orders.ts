import { addDays, diffDays, startOfLocalDay } from './dates'

/**
 * An order whose device is still in the shop: not voided, not handed back. Parts are issued only
 * against such orders. The repair/pickup statuses (issue 8) extend this rule here, in one place.
 */
export function orderInShop(order: { status: string; returnedAt: string | null }): boolean {
  return order.status !== 'void' && order.status !== 'pickedUp' && order.returnedAt === null
}

/** Days in the shop after which an order counts as overdue even before its promised date. */
export const OVERDUE_AFTER_DAYS = 7

/**
 * Overdue (red on the counter's, the bench's and the manager's lists): still in the shop and past
 * its promised date, or in the shop more than 7 days. `receivedDate` is the store-local intake date.
 */
export function isOverdue(order: { status: string; returnedAt: string | null; promisedDate: string; receivedDate: string }, today: string): boolean {
  if (!orderInShop(order)) return false
  return order.promisedDate < today || diffDays(order.receivedDate, today) > OVERDUE_AFTER_DAYS
}

/**
 * The same rule for SQL: an order in the shop received before this instant (the start of the
 * store-local day 7 days before today) is overdue whatever its promised date.
 */
export function overdueReceivedBefore(today: string, timeZone: string): string {
  return startOfLocalDay(addDays(today, -OVERDUE_AFTER_DAYS), timeZone)
}
