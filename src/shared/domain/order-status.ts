/**
 * The work order's life (issue 8). One table of legal steps; main refuses every other step.
 *
 * received → diagnosing → awaitingApproval → waitingParts → repairing → qualityCheck → ready → pickedUp
 * side exits: unrepairable (handed back as is), atManufacturer (返厂, comes back to repairing / ready /
 * unrepairable), cancelled (by the customer; handed back). 'void' is the intake mistake (orders.void),
 * only from received. Handing back (pickup) is the only way to pickedUp.
 */
export const ORDER_STATUSES = [
  'received',
  'diagnosing',
  'awaitingApproval',
  'waitingParts',
  'repairing',
  'qualityCheck',
  'ready',
  'unrepairable',
  'atManufacturer',
  'cancelled',
  'pickedUp',
  'void'
] as const
export type OrderStatus = (typeof ORDER_STATUSES)[number]

export const TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  received: ['diagnosing', 'unrepairable', 'cancelled', 'void'],
  diagnosing: ['awaitingApproval', 'waitingParts', 'repairing', 'unrepairable', 'atManufacturer', 'cancelled'],
  awaitingApproval: ['waitingParts', 'repairing', 'unrepairable', 'cancelled'],
  waitingParts: ['repairing', 'awaitingApproval', 'unrepairable', 'cancelled'],
  repairing: ['qualityCheck', 'waitingParts', 'awaitingApproval', 'unrepairable', 'atManufacturer', 'cancelled'],
  qualityCheck: ['ready', 'repairing'],
  atManufacturer: ['repairing', 'qualityCheck', 'unrepairable'],
  ready: ['pickedUp', 'repairing'],
  unrepairable: ['pickedUp'],
  cancelled: ['pickedUp'],
  pickedUp: [],
  void: []
}

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return TRANSITIONS[from].includes(to)
}

/** The device may be handed back: repaired, or returned as is. */
export const HAND_BACK_STATUSES: readonly OrderStatus[] = ['ready', 'unrepairable', 'cancelled']

/** Work still to do at the bench (the technician queue). */
export const BENCH_STATUSES: readonly OrderStatus[] = ['received', 'diagnosing', 'awaitingApproval', 'waitingParts', 'repairing', 'qualityCheck', 'atManufacturer']

/**
 * What the order timeline records (order_event.kind): every status step, and the other things that
 * happen to an order without changing its status (assigning a technician, a "will be late" call,
 * the customer's answer to a quote, a QC verdict, a trip to the manufacturer, a notice to collect).
 */
export const ORDER_EVENT_KINDS = ['status', 'assign', 'lateCall', 'quote', 'qc', 'manufacturer', 'notice', 'pickup', 'loaner', 'comeback'] as const
export type OrderEventKind = (typeof ORDER_EVENT_KINDS)[number]
