import type { EntityManager } from 'typeorm'
import type { PrintJobView } from '@shared/contract/printing'
import { OLD_PART_PAGE, type OldPartCreateInput, type OldPartOrderInfo, type OldPartStatus, type OldPartView } from '@shared/contract/warehouse/old-parts'
import { localDate } from '@shared/domain/dates'
import type { z } from 'zod'
import { signedInUser, type HandlerContext } from '../core/context'
import { conflict, notFound, validationError } from '../core/errors'
import { prepared } from '../db/prepared'
import { auditCall } from '../audit/audit'
import { oldPartLabelDocument } from '../printing/documents'
import { allocateDocNo } from './doc-numbers'

const VIEW_SELECT = `SELECT o.id, o.opNo, o.orderId, w.orderNo, w.brand || ' ' || w.model AS deviceLabel,
    o.technicianId, t.displayName AS technicianName, o.partId, p.sku AS partSku, p.name AS partName, o.partText,
    o.requisitionLineId, o.faultSymptom, o.faultCode, o.status, o.batchId, b.batchNo, b.maker,
    o.createdAt, o.createdById, c.displayName AS createdByName
  FROM old_part o
  JOIN work_order w ON w.id = o.orderId
  LEFT JOIN "user" t ON t.id = o.technicianId
  LEFT JOIN "user" c ON c.id = o.createdById
  LEFT JOIN part p ON p.id = o.partId
  LEFT JOIN rtm_batch b ON b.id = o.batchId`

interface ViewRow {
  id: number
  opNo: string
  orderId: number
  orderNo: string
  deviceLabel: string
  technicianId: number
  technicianName: string | null
  partId: number | null
  partSku: string | null
  partName: string | null
  partText: string
  requisitionLineId: number | null
  faultSymptom: string
  faultCode: string
  status: OldPartStatus
  batchId: number | null
  batchNo: string | null
  maker: string | null
  createdAt: string
  createdById: number
  createdByName: string | null
}

function view(r: ViewRow): OldPartView {
  return {
    id: r.id,
    opNo: r.opNo,
    orderId: r.orderId,
    orderNo: r.orderNo,
    deviceLabel: r.deviceLabel,
    technician: { id: r.technicianId, displayName: r.technicianName ?? '' },
    part: r.partId !== null ? { id: r.partId, sku: r.partSku ?? '', name: r.partName ?? '' } : null,
    partText: r.partText,
    requisitionLineId: r.requisitionLineId,
    faultSymptom: r.faultSymptom,
    faultCode: r.faultCode,
    status: r.status,
    batch: r.batchId !== null ? { id: r.batchId, batchNo: r.batchNo ?? '', maker: r.maker ?? '' } : null,
    createdAt: r.createdAt,
    createdBy: { id: r.createdById, displayName: r.createdByName ?? '' }
  }
}

export function loadOldPart(em: EntityManager, id: number): OldPartView {
  const row = prepared(em, `${VIEW_SELECT} WHERE o.id = ?`).get(id) as ViewRow | undefined
  if (!row) throw notFound()
  return view(row)
}

/** Old parts newest first, one bounded page: by order, by status, or all (keyset on id). */
export function listOldParts(em: EntityManager, f: { orderId?: number; status?: OldPartStatus; beforeId?: number }): OldPartView[] {
  const before = f.beforeId ?? Number.MAX_SAFE_INTEGER
  const page = `ORDER BY o.id DESC LIMIT ${OLD_PART_PAGE}`
  let rows: ViewRow[]
  if (f.orderId !== undefined) rows = prepared(em, `${VIEW_SELECT} WHERE o.orderId = ? AND o.id < ? ${page}`).all(f.orderId, before) as ViewRow[]
  else if (f.status !== undefined) rows = prepared(em, `${VIEW_SELECT} WHERE o.status = ? AND o.id < ? ${page}`).all(f.status, before) as ViewRow[]
  else rows = prepared(em, `${VIEW_SELECT} WHERE o.id < ? ${page}`).all(before) as ViewRow[]
  return rows.map(view)
}

/** A batch's parts, oldest first (bounded by RTM_MAX_PARTS). */
export function batchOldParts(em: EntityManager, batchId: number): OldPartView[] {
  return (prepared(em, `${VIEW_SELECT} WHERE o.batchId = ? ORDER BY o.id`).all(batchId) as ViewRow[]).map(view)
}

interface OrderRow {
  id: number
  orderNo: string
  deviceLabel: string
  faultDescription: string
  faultCodes: string
  technicianId: number | null
}

function orderByNo(em: EntityManager, orderNo: string): OrderRow {
  const row = prepared(
    em,
    `SELECT id, orderNo, brand || ' ' || model AS deviceLabel, faultDescription, faultCodes, technicianId FROM work_order WHERE orderNo = ?`
  ).get(orderNo) as OrderRow | undefined
  if (!row) throw validationError({ orderNo: 'warehouse.e.orderNotFound' })
  return row
}

const TECHNICIANS = `SELECT id, displayName FROM "user" WHERE role IN ('technician', 'manager') AND active = 1 ORDER BY role DESC, displayName`

export function orderInfo(em: EntityManager, orderNo: string): OldPartOrderInfo {
  const o = orderByNo(em, orderNo)
  return {
    orderId: o.id,
    orderNo: o.orderNo,
    deviceLabel: o.deviceLabel,
    faultDescription: o.faultDescription,
    faultCodes: JSON.parse(o.faultCodes) as string[],
    technicianId: o.technicianId,
    technicians: prepared(em, TECHNICIANS).all() as { id: number; displayName: string }[],
    oldParts: listOldParts(em, { orderId: o.id })
  }
}

/** The label document of an old part as it stands, with copy number `reprintNo`. */
async function labelDocument(ctx: HandlerContext, p: OldPartView, reprintNo: number) {
  const settings = await ctx.services.settings.load(ctx.em)
  return oldPartLabelDocument(
    {
      opNo: p.opNo,
      orderNo: p.orderNo,
      deviceLabel: p.deviceLabel,
      technicianName: p.technician.displayName,
      partText: p.partText,
      faultSymptom: p.faultSymptom,
      faultCode: p.faultCode,
      createdAt: p.createdAt
    },
    settings,
    reprintNo
  )
}

/** Queues the label; the n-th label job of a part prints as 补打 n. */
async function queueLabel(ctx: HandlerContext, p: OldPartView): Promise<PrintJobView> {
  const { n } = prepared(ctx.em, `SELECT count(*) AS n FROM print_job WHERE oldPartId = ?`).get(p.id) as { n: number }
  const document = await labelDocument(ctx, p, n)
  ctx.afterCommit(() => ctx.services.printQueue.kick())
  return ctx.services.printQueue.enqueueDocument(ctx.em, {
    kind: 'oldPartLabel',
    document,
    orderId: p.orderId,
    oldPartId: p.id,
    userId: ctx.user?.id ?? null,
    now: ctx.now
  })
}

type CreateData = z.output<typeof OldPartCreateInput>

export async function createOldPart(ctx: HandlerContext, input: CreateData): Promise<{ oldPart: OldPartView; printJob: PrintJobView }> {
  const user = signedInUser(ctx)
  const em = ctx.em
  const order = orderByNo(em, input.orderNo)
  const technicianId = input.technicianId ?? order.technicianId
  if (technicianId === null) throw validationError({ technicianId: 'warehouse.e.technicianRequired' })
  const tech = prepared(em, `SELECT id FROM "user" WHERE id = ? AND role IN ('technician', 'manager')`).get(technicianId)
  if (!tech) throw validationError({ technicianId: 'warehouse.e.notTechnician' })
  let partText = input.partText
  if (input.partId !== null) {
    const part = prepared(em, `SELECT name FROM part WHERE id = ?`).get(input.partId) as { name: string } | undefined
    if (!part) throw validationError({ partId: 'warehouse.e.partNotFound' })
    partText ||= part.name
  }
  if (!partText) throw validationError({ partText: 'v.required' })
  if (input.requisitionLineId !== null) checkRequisitionLine(em, input.requisitionLineId, order.id, input.partId)
  const settings = await ctx.services.settings.load(em)
  const opNo = allocateDocNo(em, 'oldPart', localDate(ctx.now, settings.timeZone))
  const { lastInsertRowid } = prepared(
    em,
    `INSERT INTO old_part (opNo, orderId, technicianId, partId, partText, requisitionLineId, faultSymptom, faultCode, status, batchId, createdAt, createdById)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'waiting', NULL, ?, ?)`
  ).run(opNo, order.id, technicianId, input.partId, partText, input.requisitionLineId, input.faultSymptom, input.faultCode, ctx.now.toISOString(), user.id)
  const oldPart = loadOldPart(em, Number(lastInsertRowid))
  const printJob = await queueLabel(ctx, oldPart)
  await auditCall(ctx, {
    action: 'oldPart.create',
    entity: 'work_order',
    entityId: order.id,
    detail: { opNo, oldPartId: oldPart.id, partText, partId: input.partId, technicianId, faultCode: input.faultCode, jobId: printJob.id }
  })
  return { oldPart, printJob }
}

/**
 * The requisition line an old part replaced must belong to the same work order (and, when a part
 * is named, be for that part). Requisitions live in the movements area's tables.
 */
function checkRequisitionLine(em: EntityManager, lineId: number, orderId: number, partId: number | null): void {
  const line = requisitionLine(em, lineId)
  if (!line || line.orderId !== orderId) throw validationError({ requisitionLineId: 'warehouse.e.lineNotOfOrder' })
  if (partId !== null && line.partId !== partId) throw validationError({ requisitionLineId: 'warehouse.e.lineOtherPart' })
}

function requisitionLine(em: EntityManager, lineId: number): { orderId: number; partId: number } | undefined {
  return prepared(
    em,
    `SELECT r.orderId, l.partId FROM requisition_line l JOIN requisition r ON r.id = l.requisitionId WHERE l.id = ?`
  ).get(lineId) as { orderId: number; partId: number } | undefined
}

export async function reprintLabel(ctx: HandlerContext, oldPartId: number, replacesJobId: number | null = null): Promise<PrintJobView> {
  const p = loadOldPart(ctx.em, oldPartId)
  const job = await queueLabel(ctx, p)
  await auditCall(ctx, {
    action: 'oldPart.printLabel',
    entity: 'work_order',
    entityId: p.orderId,
    detail: { opNo: p.opNo, oldPartId: p.id, reprintNo: job.reprintNo, jobId: job.id, ...(replacesJobId ? { replacesJobId } : {}) }
  })
  return job
}

export function assertWaiting(p: OldPartView): void {
  if (p.batch) throw conflict('warehouse.e.oldPartInBatch', { opNo: p.opNo, batchNo: p.batch.batchNo })
}
