import { z } from 'zod'
import { channel } from './channel'
import { id, plainDate } from './fields'

/** Old and new value per changed key path ("store.name", "printer.enabled"). */
export type AuditChanges = Record<string, { old: unknown; new: unknown }>

/** Every action the app records; the audit screen offers each as a filter, labelled "audit.action.<action>". */
export const AUDIT_ACTIONS = [
  'setup.create',
  'auth.signIn',
  'auth.signOut',
  'auth.wrongPin',
  'auth.unknownUser',
  'auth.locked',
  'auth.recover',
  'auth.recoverFailed',
  'auth.recoveryCodeRenewed',
  'users.create',
  'users.update',
  'users.unlock',
  'settings.update',
  'backup.restore',
  'intake.create',
  'warranty.override',
  'print.test',
  'print.reprint',
  'print.pdf',
  'order.correct',
  'order.void',
  'order.supplyImei',
  'order.revealPasscode',
  'order.passcodeErased',
  'intake.warningOverride',
  'print.confirm',
  'customer.update',
  // Movements (warehouse, H1)
  'receipt.create',
  'receipt.pdf',
  'requisition.create',
  'requisition.issue',
  'requisition.cancel',
  'part.return',
  'transfer.create',
  'adjustment.request',
  'adjustment.approve',
  'adjustment.reject',
  // Old parts, return-to-maker batches, stocktakes (warehouse, H3)
  'oldPart.create',
  'oldPart.printLabel',
  'rtm.create',
  'rtm.add',
  'rtm.remove',
  'rtm.send',
  'rtm.credit',
  'stocktake.start',
  'stocktake.count',
  'stocktake.scan',
  'stocktake.approve',
  'stocktake.cancel',
  'part.create',
  'part.update',
  'part.import',
  'comeback.flag', 'comeback.unflag', 'loaner.create', 'loaner.update', 'loaner.lend', 'loaner.return'
  , 'pickup.complete', 'pickup.lostTicket', 'pickup.discount', 'pickup.refund'
  , 'order.estimate', 'order.promisedDate', 'labourPrice.save'
  , 'dayclose.float', 'dayclose.cashMove', 'dayclose.adjust', 'dayclose.close'
  , 'followUp.record', 'complaint.create', 'complaint.take', 'complaint.respond', 'complaint.resolve', 'complaint.confirm'
] as const
/** Every action the app writes: audit() accepts only these, so each has a label on the audit screen. */
export type AuditAction = (typeof AUDIT_ACTIONS)[number]

export interface AuditRowView {
  id: number
  at: string
  user: { id: number; displayName: string } | null
  action: string
  entity: string
  entityId: number | null
  /** Set when the row is about a work order. */
  orderNo: string | null
  /** The order number or the user's display name, when the row is about one. */
  targetName: string | null
  detail: Record<string, unknown> | null
}

/** Where the next page starts: the last row shown (rows are newest first by at, then id). */
export const AuditCursor = z.object({ at: z.string().max(40), id })
export type AuditCursor = z.output<typeof AuditCursor>

export const AuditListInput = z.object({
  userId: id.optional(),
  /** An exact action, or a prefix ending in "." ("auth.") for a whole group. */
  action: z
    .string()
    .trim()
    .max(40)
    .regex(/^([a-z][A-Za-z]*\.?)+$/, 'v.invalid')
    .optional(),
  orderNo: z.string().trim().max(20).optional(),
  /** Store-local days, inclusive. */
  from: plainDate.optional(),
  to: plainDate.optional(),
  after: AuditCursor.optional(),
  limit: z.number().int().min(1).max(100).default(50)
})

export interface AuditPage {
  rows: AuditRowView[]
  /** Pass as `after` for the next page; null on the last page. */
  next: AuditCursor | null
}

export const auditContract = {
  'audit.list': channel<AuditPage>()(AuditListInput, ['manager'])
}
