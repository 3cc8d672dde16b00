/**
 * An order whose device is still in the shop: not voided, not handed back. Parts are issued only
 * against such orders. The repair/pickup statuses (issue 8) extend this rule here, in one place.
 */
export function orderInShop(order: { status: string; returnedAt: string | null }): boolean {
  return order.status !== 'void' && order.status !== 'pickedUp' && order.returnedAt === null
}
