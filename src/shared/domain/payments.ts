/**
 * Money moving between the shop and a customer. Every movement is one append-only `payment` row so
 * the day close can sum them: deposit (at intake or for a loaner), payment (at pickup), refund
 * (negative: money paid back).
 */
export const PAYMENT_METHODS = ['cash', 'wechat', 'alipay', 'card', 'other'] as const
export type PaymentMethod = (typeof PAYMENT_METHODS)[number]

export const PAYMENT_KINDS = ['deposit', 'payment', 'refund'] as const
export type PaymentKind = (typeof PAYMENT_KINDS)[number]
