import type { EntityManager } from 'typeorm'
import type { z } from 'zod'
import {
  MOVES_PAGE,
  ORDER_MOVES_MAX,
  type IssueInput,
  type OrderMoveView,
  type OrderPartsView,
  type RequisitionInput,
  type RequisitionLineView,
  type RequisitionStatus,
  type RequisitionSummary,
  type RequisitionView,
  type ReturnInput
} from '@shared/contract/warehouse/moves'
import { signedInUser, type HandlerContext } from '../core/context'
import { conflict, notFound, validationError } from '../core/errors'
import { auditCall } from '../audit/audit'
import { prepared } from '../db/prepared'
import type { User } from '../auth/user.entity'
import { allocateDocNo } from './doc-numbers'
import { postMove } from './ledger'
import { balancesOf, orderRef, partRef, requireOnHand, requireOrderInShop, requirePart, storeToday, userRef } from './moves-common'
import { Requisition, RequisitionLine } from './requisitions.entity'

/**
 * Requisitions (领料单), issues (发料) and returns (退料). Rules, each checked here in the call's
 * one transaction (and the stock ones again by the ledger triggers):
 * - a requisition is for a work order in the shop (orderInShop), checked again at every issue;
 * - an issue names a requisition line and never exceeds what is still requested; stock comes from
 *   'main' only and never goes negative (quarantine is never issued);
 * - a return names a line and never exceeds issued − returned.
 * A technician sees (and cancels) only their own requisitions.
 */

const onlyOwn = (user: User) => user.role === 'technician'

function forbiddenToSee(user: User, r: Requisition): boolean {
  return onlyOwn(user) && r.requestedById !== user.id
}

export async function createRequisition(ctx: HandlerContext, input: z.output<typeof RequisitionInput>): Promise<RequisitionView> {
  const user = signedInUser(ctx)
  const order = requireOrderInShop(ctx.em, input.orderId)
  input.lines.forEach((l, i) => requirePart(ctx.em, l.partId, `lines.${i}.partId`, { active: true }))
  const reqNo = allocateDocNo(ctx.em, 'requisition', await storeToday(ctx))
  const req = await ctx.em.save(
    ctx.em.create(Requisition, {
      reqNo,
      orderId: order.id,
      requestedById: user.id,
      status: 'open',
      note: input.note,
      createdAt: ctx.now.toISOString(),
      closedAt: null,
      cancelledById: null,
      cancelReason: ''
    })
  )
  // One line per part: the contract refuses a second line for the same part (never merged silently).
  for (const l of input.lines) await ctx.em.insert(RequisitionLine, { requisitionId: req.id, partId: l.partId, qty: l.qty, issuedQty: 0, returnedQty: 0 })
  await auditCall(ctx, {
    action: 'requisition.create',
    entity: 'requisition',
    entityId: req.id,
    detail: { reqNo, orderNo: order.orderNo, lines: input.lines.map((l) => ({ partId: l.partId, qty: l.qty })) }
  })
  return loadRequisition(ctx.em, req.id)
}

async function requisitionFor(ctx: HandlerContext, requisitionId: number): Promise<Requisition> {
  const req = await ctx.em.findOneBy(Requisition, { id: requisitionId })
  if (!req || forbiddenToSee(signedInUser(ctx), req)) throw notFound()
  return req
}

export async function getRequisition(ctx: HandlerContext, requisitionId: number): Promise<RequisitionView> {
  await requisitionFor(ctx, requisitionId)
  return loadRequisition(ctx.em, requisitionId)
}

const LINE = `SELECT * FROM requisition_line WHERE id = ?`
const REQ = `SELECT * FROM requisition WHERE id = ?`
const ISSUE_LINE = `UPDATE requisition_line SET issuedQty = issuedQty + ? WHERE id = ?`
const RETURN_LINE = `UPDATE requisition_line SET returnedQty = returnedQty + ? WHERE id = ?`
const LEFT_TO_ISSUE = `SELECT coalesce(sum(qty - issuedQty), 0) AS n FROM requisition_line WHERE requisitionId = ?`
const CLOSE = `UPDATE requisition SET status = 'done', closedAt = ? WHERE id = ?`

/**
 * Issues lines of one requisition from 'main': all or nothing. A line may be issued in part (short
 * stock) and the rest later; the requisition is 'done' when nothing is left to issue.
 */
export async function issue(ctx: HandlerContext, input: z.output<typeof IssueInput>): Promise<RequisitionView> {
  const user = signedInUser(ctx)
  const req = prepared(ctx.em, REQ).get(input.requisitionId) as Requisition | undefined
  if (!req) throw notFound()
  if (req.status !== 'open') throw conflict(`warehouse.e.requisition.${req.status}`, { reqNo: req.reqNo })
  const order = requireOrderInShop(ctx.em, req.orderId)
  const at = ctx.now.toISOString()
  const issued: { lineId: number; partId: number; qty: number }[] = []
  for (const [i, wanted] of input.lines.entries()) {
    const line = prepared(ctx.em, LINE).get(wanted.lineId) as RequisitionLine | undefined
    // No IOUs: nothing leaves without a line of this requisition naming it.
    if (!line || line.requisitionId !== req.id) throw validationError({ [`lines.${i}.lineId`]: 'warehouse.e.noRequisitionLine' })
    const part = partRef(ctx.em, line.partId)
    const left = line.qty - line.issuedQty
    if (wanted.qty > left) throw validationError({ [`lines.${i}.qty`]: `warehouse.e.overRequested|left=${left}` })
    requireOnHand(ctx.em, part, 'main', wanted.qty)
    postMove(ctx.em, {
      partId: line.partId,
      location: 'main',
      qty: -wanted.qty,
      docType: 'issue',
      docId: req.id,
      docNo: req.reqNo,
      orderId: req.orderId,
      userId: user.id,
      at,
      note: order.orderNo
    })
    prepared(ctx.em, ISSUE_LINE).run(wanted.qty, line.id)
    issued.push({ lineId: line.id, partId: line.partId, qty: wanted.qty })
  }
  const { n } = prepared(ctx.em, LEFT_TO_ISSUE).get(req.id) as { n: number }
  if (n === 0) prepared(ctx.em, CLOSE).run(at, req.id)
  await auditCall(ctx, { action: 'requisition.issue', entity: 'requisition', entityId: req.id, detail: { reqNo: req.reqNo, orderNo: order.orderNo, issued, done: n === 0 } })
  return loadRequisition(ctx.em, req.id)
}

export async function cancelRequisition(ctx: HandlerContext, requisitionId: number, reason: string): Promise<RequisitionView> {
  const req = await requisitionFor(ctx, requisitionId)
  if (req.status !== 'open') throw conflict(`warehouse.e.requisition.${req.status}`, { reqNo: req.reqNo })
  req.status = 'cancelled'
  req.closedAt = ctx.now.toISOString()
  req.cancelledById = signedInUser(ctx).id
  req.cancelReason = reason
  await ctx.em.save(req)
  await auditCall(ctx, { action: 'requisition.cancel', entity: 'requisition', entityId: req.id, detail: { reqNo: req.reqNo, reason } })
  return loadRequisition(ctx.em, req.id)
}

/**
 * An unused part back from the order: to 'main' (the shelf) or 'quarantine' (defective). Allowed
 * whatever the order's state (a cancelled order's parts are exactly what comes back).
 */
export async function returnPart(ctx: HandlerContext, input: z.output<typeof ReturnInput>): Promise<RequisitionView> {
  const user = signedInUser(ctx)
  const line = prepared(ctx.em, LINE).get(input.lineId) as RequisitionLine | undefined
  if (!line) throw validationError({ lineId: 'warehouse.e.noRequisitionLine' })
  const req = prepared(ctx.em, REQ).get(line.requisitionId) as Requisition
  const out = line.issuedQty - line.returnedQty
  if (input.qty > out) throw validationError({ qty: `warehouse.e.overReturned|out=${out}` })
  const order = orderRef(ctx.em, req.orderId)
  postMove(ctx.em, {
    partId: line.partId,
    location: input.location,
    qty: input.qty,
    docType: 'return',
    docId: req.id,
    docNo: req.reqNo,
    orderId: req.orderId,
    userId: user.id,
    at: ctx.now.toISOString(),
    note: input.note || (order?.orderNo ?? '')
  })
  prepared(ctx.em, RETURN_LINE).run(input.qty, line.id)
  await auditCall(ctx, {
    action: 'part.return',
    entity: 'requisition',
    entityId: req.id,
    detail: { reqNo: req.reqNo, orderNo: order?.orderNo, lineId: line.id, partId: line.partId, qty: input.qty, location: input.location, note: input.note }
  })
  return loadRequisition(ctx.em, req.id)
}

const LINES_OF = `SELECT * FROM requisition_line WHERE requisitionId = ? ORDER BY id`

function lineView(em: EntityManager, l: RequisitionLine, status: RequisitionStatus): RequisitionLineView {
  return {
    id: l.id,
    part: partRef(em, l.partId),
    qty: l.qty,
    issuedQty: l.issuedQty,
    returnedQty: l.returnedQty,
    unreturnedQty: l.issuedQty - l.returnedQty,
    toIssueQty: status === 'open' ? l.qty - l.issuedQty : 0,
    mainQty: balancesOf(em, l.partId).main
  }
}

function summaryOf(em: EntityManager, r: Requisition, lines: RequisitionLineView[]): RequisitionSummary {
  return {
    id: r.id,
    reqNo: r.reqNo,
    status: r.status,
    order: orderRef(em, r.orderId) ?? { id: r.orderId, orderNo: '', deviceLabel: '', status: '', inShop: false },
    requestedBy: userRef(em, r.requestedById),
    createdAt: r.createdAt,
    lines: lines.length,
    toIssueQty: lines.reduce((s, l) => s + l.toIssueQty, 0)
  }
}

function viewOf(em: EntityManager, r: Requisition): RequisitionView {
  const lines = (prepared(em, LINES_OF).all(r.id) as RequisitionLine[]).map((l) => lineView(em, l, r.status))
  return { ...summaryOf(em, r, lines), note: r.note, closedAt: r.closedAt, cancelReason: r.cancelReason, lineViews: lines }
}

export function loadRequisition(em: EntityManager, requisitionId: number): RequisitionView {
  const r = prepared(em, REQ).get(requisitionId) as Requisition | undefined
  if (!r) throw notFound()
  return viewOf(em, r)
}

const LIST_ALL = `SELECT * FROM requisition WHERE id < @before ORDER BY id DESC LIMIT ${MOVES_PAGE}`
const LIST_STATUS = `SELECT * FROM requisition WHERE status = @status AND id < @before ORDER BY id DESC LIMIT ${MOVES_PAGE}`
const LIST_OWN = `SELECT * FROM requisition WHERE requestedById = @user AND id < @before ORDER BY id DESC LIMIT ${MOVES_PAGE}`
const LIST_OWN_STATUS = `SELECT * FROM requisition WHERE requestedById = @user AND status = @status AND id < @before ORDER BY id DESC LIMIT ${MOVES_PAGE}`

/** Newest first, MOVES_PAGE at a time; a technician's own only (all statuses). */
export function listRequisitions(ctx: HandlerContext, input: { status?: RequisitionStatus; beforeId?: number }): RequisitionSummary[] {
  const user = signedInUser(ctx)
  const before = input.beforeId ?? Number.MAX_SAFE_INTEGER
  // The filter is in SQL (never after LIMIT): a page is full whenever more rows match.
  const rows = (
    onlyOwn(user)
      ? input.status
        ? prepared(ctx.em, LIST_OWN_STATUS).all({ before, user: user.id, status: input.status })
        : prepared(ctx.em, LIST_OWN).all({ before, user: user.id })
      : input.status
        ? prepared(ctx.em, LIST_STATUS).all({ before, status: input.status })
        : prepared(ctx.em, LIST_ALL).all({ before })
  ) as Requisition[]
  return rows.map((r) => {
    const lines = (prepared(ctx.em, LINES_OF).all(r.id) as RequisitionLine[]).map((l) => lineView(ctx.em, l, r.status))
    return summaryOf(ctx.em, r, lines)
  })
}

const REQS_OF_ORDER = `SELECT * FROM requisition WHERE orderId = ? ORDER BY id`
const MOVES_OF_ORDER = `SELECT m.id, m.partId, m.location, m.qty, m.unitCostFen, m.balanceAfter, m.docType, m.docId, m.docNo,
    m.orderId, m.userId, coalesce(u.displayName, '') AS userName, m.at, m.note, p.sku, p.name
  FROM stock_move m LEFT JOIN "user" u ON u.id = m.userId JOIN part p ON p.id = m.partId
  WHERE m.orderId = ? ORDER BY m.id DESC LIMIT ${ORDER_MOVES_MAX}`

/** The work order page's parts section. A technician sees their own requisitions (and their rows). */
export function orderParts(ctx: HandlerContext, orderId: number): OrderPartsView {
  const user = signedInUser(ctx)
  const order = orderRef(ctx.em, orderId)
  if (!order) throw notFound()
  const reqs = (prepared(ctx.em, REQS_OF_ORDER).all(orderId) as Requisition[]).filter((r) => !forbiddenToSee(user, r))
  const requisitions = reqs.map((r) => viewOf(ctx.em, r))
  const visible = new Set(reqs.map((r) => r.id))
  const moves = (prepared(ctx.em, MOVES_OF_ORDER).all(orderId) as OrderMoveView[]).filter(
    (m) => !onlyOwn(user) || visible.has(m.docId)
  )
  const unreturnedQty = requisitions.reduce((s, r) => s + r.lineViews.reduce((t, l) => t + l.unreturnedQty, 0), 0)
  return { order, requisitions, moves, unreturnedQty }
}
