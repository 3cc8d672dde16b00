import type { EntityManager } from 'typeorm'
import type { LoanerView, LoanOutcome, LoanView } from '@shared/contract/loaners'
import type { PrintJobView, CopyKind } from '@shared/contract/printing'
import type { PaymentMethod } from '@shared/domain/payments'
import { localDate } from '@shared/domain/dates'
import { orderInShop } from '@shared/domain/orders'
import type { HandlerContext } from '../core/context'
import { conflict, notFound, validationError } from '../core/errors'
import { audit, changes } from '../audit/audit'
import { managerApproval, type ApprovalInput } from '../auth/approval'
import { prepared } from '../db/prepared'
import { recordPayment } from '../payments/service'
import { openLoanerFor } from './open-loan'
import { logOrderEvent } from '../repairs/status'
import { reprint } from '../printing/handlers'
import { supersedeUnsentCopies } from '../printing/queue'

/** The pool is a handful of devices; the screens never read more than this. */
export const LOANER_LIST_MAX = 500

const LOAN_COLUMNS = `l.id AS loanId, l.loanerId, d.code, d.device, l.orderId, w.orderNo, c.name AS customerName, c.mobile AS customerMobile,
  l.depositFen, l.depositMethod, l.lentAt, l.dueDate, l.returnedAt, l.outcome, l.conditionOut, l.conditionIn, l.keptReason`
const LOAN_JOINS = `FROM loaner_loan l JOIN loaner d ON d.id = l.loanerId JOIN work_order w ON w.id = l.orderId JOIN customer c ON c.id = w.customerId`
// Partial index IDX_loaner_loan_open_due ("dueDate", "id") WHERE returnedAt IS NULL: oldest due first.
const LOANS_OUT = `SELECT ${LOAN_COLUMNS} ${LOAN_JOINS} WHERE l.returnedAt IS NULL ORDER BY l.dueDate, l.id LIMIT ${LOANER_LIST_MAX}`
const LOANS_FOR_ORDER = `SELECT ${LOAN_COLUMNS} ${LOAN_JOINS} WHERE l.orderId = ? ORDER BY l.id DESC LIMIT 50`
const LOAN_BY_ID = `SELECT ${LOAN_COLUMNS} ${LOAN_JOINS} WHERE l.id = ?`
const POOL = `SELECT id, code, device, serial, condition, depositFen, active FROM loaner ORDER BY active DESC, code LIMIT ${LOANER_LIST_MAX}`
const LOANER_BY_ID = `SELECT id, code, device, serial, condition, depositFen, active FROM loaner WHERE id = ?`
const LOANER_BY_CODE = `SELECT id FROM loaner WHERE code = ? AND id <> ?`
const INSERT_LOANER = `INSERT INTO loaner (code, device, serial, condition, depositFen, active, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, 1, ?, ?)`
const UPDATE_LOANER = `UPDATE loaner SET code = ?, device = ?, serial = ?, condition = ?, depositFen = ?, active = ?, updatedAt = ? WHERE id = ?`
const OPEN_LOAN_OF_LOANER = `SELECT l.id, w.orderNo FROM loaner_loan l JOIN work_order w ON w.id = l.orderId WHERE l.loanerId = ? AND l.returnedAt IS NULL`
const ORDER_FOR_LOAN = `SELECT id, orderNo, status, returnedAt, promisedDate FROM work_order WHERE id = ?`
const INSERT_LOAN = `INSERT INTO loaner_loan (loanerId, orderId, depositFen, depositMethod, dueDate, conditionOut, lentAt, lentById, conditionIn, keptReason)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, '', '')`
const SET_DEPOSIT_PAYMENT = `UPDATE loaner_loan SET depositPaymentId = ? WHERE id = ?`
const CLOSE_LOAN = `UPDATE loaner_loan SET returnedAt = ?, returnedById = ?, conditionIn = ?, outcome = ?, keptReason = ?, approvedById = ?, refundPaymentId = ?
  WHERE id = ? AND returnedAt IS NULL`
const SET_LOANER_CONDITION = `UPDATE loaner SET condition = ?, updatedAt = ? WHERE id = ?`

type LoanRow = Omit<LoanView, 'overdue'>
type LoanerRow = Omit<LoanerView, 'active' | 'loan'> & { active: number }

const loanView = (r: LoanRow, today: string): LoanView => ({ ...r, overdue: r.returnedAt === null && r.dueDate < today })

export function loansOut(em: EntityManager, today: string): LoanView[] {
  return (prepared(em, LOANS_OUT).all() as LoanRow[]).map((r) => loanView(r, today))
}

export function loansForOrder(em: EntityManager, orderId: number, today: string): { open: LoanView | null; past: LoanView[] } {
  const all = (prepared(em, LOANS_FOR_ORDER).all(orderId) as LoanRow[]).map((r) => loanView(r, today))
  return { open: all.find((l) => l.returnedAt === null) ?? null, past: all.filter((l) => l.returnedAt !== null) }
}

function loanById(em: EntityManager, loanId: number, today: string): LoanView {
  const row = prepared(em, LOAN_BY_ID).get(loanId) as LoanRow | undefined
  if (!row) throw notFound()
  return loanView(row, today)
}

/** The pool with what each device is out on. */
export function loanerPool(em: EntityManager, today: string): LoanerView[] {
  const out = new Map(loansOut(em, today).map((l) => [l.loanerId, l]))
  return (prepared(em, POOL).all() as LoanerRow[]).map((r) => ({ ...r, active: r.active === 1, loan: out.get(r.id) ?? null }))
}

function loanerById(em: EntityManager, loanerId: number, today: string): LoanerView {
  const r = prepared(em, LOANER_BY_ID).get(loanerId) as LoanerRow | undefined
  if (!r) throw notFound()
  const open = prepared(em, OPEN_LOAN_OF_LOANER).get(loanerId) as { id: number } | undefined
  return { ...r, active: r.active === 1, loan: open ? loanById(em, open.id, today) : null }
}

export interface LoanerFields {
  code: string
  device: string
  serial: string
  condition: string
  depositFen: number
}

function requireFreeCode(em: EntityManager, code: string, exceptId: number): void {
  if (prepared(em, LOANER_BY_CODE).get(code, exceptId)) throw validationError({ code: 'loaners.v.codeTaken' })
}

export async function createLoaner(em: EntityManager, f: LoanerFields, at: Date, userId: number, today: string): Promise<LoanerView> {
  requireFreeCode(em, f.code, 0)
  const stamp = at.toISOString()
  const id = Number(prepared(em, INSERT_LOANER).run(f.code, f.device, f.serial, f.condition, f.depositFen, stamp, stamp).lastInsertRowid)
  await audit(em, { at, userId, action: 'loaner.create', entity: 'loaner', entityId: id, detail: { ...f } })
  return loanerById(em, id, today)
}

export async function updateLoaner(
  em: EntityManager,
  loanerId: number,
  f: LoanerFields & { active: boolean },
  at: Date,
  userId: number,
  today: string
): Promise<LoanerView> {
  const before = loanerById(em, loanerId, today)
  requireFreeCode(em, f.code, loanerId)
  if (!f.active && before.loan) throw conflict('loaners.err.retireWhileOut', { orderNo: before.loan.orderNo })
  const { loan: _, id: __, ...old } = before
  const diff = changes(old, f)
  if (!Object.keys(diff).length) return before
  prepared(em, UPDATE_LOANER).run(f.code, f.device, f.serial, f.condition, f.depositFen, f.active ? 1 : 0, at.toISOString(), loanerId)
  await audit(em, { at, userId, action: 'loaner.update', entity: 'loaner', entityId: loanerId, changes: diff })
  return loanerById(em, loanerId, today)
}

/**
 * Lends a loaner against an order still in the shop: its deposit is a `payment` row tied to the loan
 * (not money held for the repair), and the claim ticket is printed again with the loaner on it.
 */
export async function lendLoaner(
  ctx: HandlerContext,
  input: { orderId: number; loanerId: number; depositMethod: PaymentMethod; dueDate?: string | null; conditionOut: string },
  userId: number
): Promise<{ loan: LoanView; printJobs: PrintJobView[] }> {
  const { em, now } = ctx
  const settings = await ctx.services.settings.load(em)
  const today = localDate(now, settings.timeZone)
  const order = prepared(em, ORDER_FOR_LOAN).get(input.orderId) as { id: number; orderNo: string; status: string; returnedAt: string | null; promisedDate: string } | undefined
  if (!order) throw notFound()
  if (!orderInShop(order)) throw conflict('loaners.err.orderNotInShop', { orderNo: order.orderNo, status: `@status.${order.status}` })
  const loaner = prepared(em, LOANER_BY_ID).get(input.loanerId) as LoanerRow | undefined
  if (!loaner) throw notFound()
  if (!loaner.active) throw conflict('loaners.err.retired', { code: loaner.code })
  const busy = prepared(em, OPEN_LOAN_OF_LOANER).get(input.loanerId) as { orderNo: string } | undefined
  if (busy) throw conflict('loaners.err.loanerOut', { code: loaner.code, orderNo: busy.orderNo })
  const has = openLoanerFor(em, input.orderId)
  if (has) throw conflict('loaners.err.orderHasLoaner', { orderNo: order.orderNo, code: has.code })
  const dueDate = input.dueDate ?? (order.promisedDate >= today ? order.promisedDate : today)
  if (dueDate < today) throw validationError({ dueDate: 'loaners.v.duePast' })

  const conditionOut = input.conditionOut || loaner.condition
  const depositMethod = loaner.depositFen > 0 ? input.depositMethod : null
  const loanId = Number(
    prepared(em, INSERT_LOAN).run(input.loanerId, input.orderId, loaner.depositFen, depositMethod, dueDate, conditionOut, now.toISOString(), userId).lastInsertRowid
  )
  if (depositMethod) {
    const paymentId = recordPayment(em, { orderId: input.orderId, kind: 'deposit', method: depositMethod, amountFen: loaner.depositFen, at: now, userId, loanId })
    prepared(em, SET_DEPOSIT_PAYMENT).run(paymentId, loanId)
  }
  const detail = { action: 'lend', loanId, code: loaner.code, device: loaner.device, depositFen: loaner.depositFen, depositMethod, dueDate }
  logOrderEvent(em, { orderId: input.orderId, at: now, userId, kind: 'loaner', detail })
  await audit(em, { at: now, userId, action: 'loaner.lend', entity: 'work_order', entityId: input.orderId, detail })

  const printJobs: PrintJobView[] = []
  if (depositMethod === 'cash') {
    const kick = await ctx.services.printQueue.openCashDrawer(em, { orderId: input.orderId, settings, userId, now })
    if (kick) printJobs.push(kick)
  }
  if (settings.printer.enabled) {
    // The customer's ticket gains the loaner line; copies still waiting would print without it.
    const superseded = supersedeUnsentCopies(em, input.orderId)
    const kinds = new Set<CopyKind>(['claimTicket', ...superseded.map((j) => j.kind)])
    for (const kind of kinds) printJobs.push(await reprint(ctx, input.orderId, kind, superseded.find((j) => j.kind === kind)?.id ?? null))
  }
  return { loan: loanById(em, loanId, today), printJobs }
}

/**
 * The loaner comes back: its deposit is refunded (a negative `refund` payment tied to the loan), or
 * kept with a reason and a manager's PIN approval (damage, missing charger...).
 */
export async function returnLoaner(
  ctx: HandlerContext,
  input: { loanId: number; conditionIn: string; outcome: 'refunded' | 'kept'; reason: string; approval?: ApprovalInput },
  userId: number
): Promise<LoanView> {
  const { em, now } = ctx
  const settings = await ctx.services.settings.load(em)
  const today = localDate(now, settings.timeZone)
  const loan = loanById(em, input.loanId, today)
  if (loan.returnedAt) throw conflict('loaners.err.notOut', { code: loan.code })
  // Nothing to keep: refused, never recorded as a plain return with the typed reason thrown away.
  if (input.outcome === 'kept' && loan.depositFen === 0) throw validationError({ outcome: 'loaners.v.keptNoDeposit' })
  const keeps = input.outcome === 'kept'
  // Before any write: a wrong PIN is committed (counted) by managerApproval.
  const approver = keeps ? await managerApproval(ctx, input.approval!) : null
  const outcome: LoanOutcome = loan.depositFen === 0 ? 'none' : keeps ? 'kept' : 'refunded'
  let refundPaymentId: number | null = null
  if (outcome === 'refunded') {
    const method = loan.depositMethod ?? 'cash'
    refundPaymentId = recordPayment(em, { orderId: loan.orderId, kind: 'refund', method, amountFen: -loan.depositFen, at: now, userId, loanId: loan.loanId })
    // Cash paid back comes out of the drawer, as at lending and at pickup (queued: a printer fault never undoes the return).
    if (method === 'cash' && (await ctx.services.printQueue.openCashDrawer(em, { orderId: loan.orderId, settings, userId, now }))) {
      ctx.afterCommit(() => ctx.services.printQueue.kick())
    }
  }
  const closed = prepared(em, CLOSE_LOAN).run(now.toISOString(), userId, input.conditionIn, outcome, keeps ? input.reason : '', approver?.id ?? null, refundPaymentId, loan.loanId).changes
  if (closed !== 1) throw conflict('loaners.err.notOut', { code: loan.code })
  if (input.conditionIn) prepared(em, SET_LOANER_CONDITION).run(input.conditionIn, now.toISOString(), loan.loanerId)
  const detail = {
    action: 'return',
    loanId: loan.loanId,
    code: loan.code,
    outcome,
    depositFen: loan.depositFen,
    conditionIn: input.conditionIn,
    ...(keeps ? { reason: input.reason, approvedBy: approver!.username } : {})
  }
  logOrderEvent(em, { orderId: loan.orderId, at: now, userId, kind: 'loaner', note: keeps ? input.reason : '', detail })
  await audit(em, { at: now, userId, action: 'loaner.return', entity: 'work_order', entityId: loan.orderId, detail })
  return loanById(em, loan.loanId, today)
}
