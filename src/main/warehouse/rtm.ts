import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { EntityManager } from 'typeorm'
import { RTM_MAX_PARTS, type RtmBatchSummary, type RtmBatchView, type RtmStatus } from '@shared/contract/warehouse/old-parts'
import { localDate, type PlainDate } from '@shared/domain/dates'
import { signedInUser, type HandlerContext } from '../core/context'
import { conflict, notFound, validationError } from '../core/errors'
import { prepared } from '../db/prepared'
import { auditCall } from '../audit/audit'
import { allocateDocNo } from './doc-numbers'
import { batchOldParts, loadOldPart } from './old-parts'

const SUMMARY_SELECT = `SELECT b.id, b.batchNo, b.maker, b.status, b.createdAt, b.sentDate, b.creditFen,
    (SELECT count(*) FROM old_part o WHERE o.batchId = b.id) AS parts
  FROM rtm_batch b`

interface BatchRow {
  id: number
  batchNo: string
  maker: string
  note: string
  status: RtmStatus
  createdAt: string
  createdById: number
  createdByName: string | null
  sentDate: string | null
  carrierRef: string | null
  sentAt: string | null
  sentById: number | null
  sentByName: string | null
  creditNoteNo: string | null
  creditFen: number | null
  creditedAt: string | null
  creditedById: number | null
  creditedByName: string | null
}

const BATCH_SELECT = `SELECT b.*, c.displayName AS createdByName, s.displayName AS sentByName, k.displayName AS creditedByName
  FROM rtm_batch b
  LEFT JOIN "user" c ON c.id = b.createdById
  LEFT JOIN "user" s ON s.id = b.sentById
  LEFT JOIN "user" k ON k.id = b.creditedById
  WHERE b.id = ?`

export function loadBatch(em: EntityManager, batchId: number): RtmBatchView {
  const b = prepared(em, BATCH_SELECT).get(batchId) as BatchRow | undefined
  if (!b) throw notFound()
  const oldParts = batchOldParts(em, batchId)
  return {
    id: b.id,
    batchNo: b.batchNo,
    maker: b.maker,
    note: b.note,
    status: b.status,
    parts: oldParts.length,
    createdAt: b.createdAt,
    createdBy: { id: b.createdById, displayName: b.createdByName ?? '' },
    sentDate: b.sentDate,
    creditFen: b.creditFen,
    sent:
      b.sentAt && b.sentDate && b.sentById !== null
        ? { date: b.sentDate, carrierRef: b.carrierRef ?? '', at: b.sentAt, by: { id: b.sentById, displayName: b.sentByName ?? '' } }
        : null,
    credited:
      b.creditedAt && b.creditedById !== null
        ? { creditNoteNo: b.creditNoteNo ?? '', amountFen: b.creditFen ?? 0, at: b.creditedAt, by: { id: b.creditedById, displayName: b.creditedByName ?? '' } }
        : null,
    oldParts
  }
}

export function listBatches(em: EntityManager, f: { status?: RtmStatus; beforeId?: number }): RtmBatchSummary[] {
  const before = f.beforeId ?? Number.MAX_SAFE_INTEGER
  const rows =
    f.status !== undefined
      ? prepared(em, `${SUMMARY_SELECT} WHERE b.status = ? AND b.id < ? ORDER BY b.id DESC LIMIT 50`).all(f.status, before)
      : prepared(em, `${SUMMARY_SELECT} WHERE b.id < ? ORDER BY b.id DESC LIMIT 50`).all(before)
  return rows as RtmBatchSummary[]
}

async function today(ctx: HandlerContext): Promise<PlainDate> {
  const settings = await ctx.services.settings.load(ctx.em)
  return localDate(ctx.now, settings.timeZone)
}

/** The batch, refused unless it is in `status` (a batch moves open → sent → credited only). */
function batchIn(ctx: HandlerContext, batchId: number, status: RtmStatus, key: string): RtmBatchView {
  const batch = loadBatch(ctx.em, batchId)
  if (batch.status !== status) throw conflict(key, { batchNo: batch.batchNo, status: ctx.t(`warehouse.rtm.status.${batch.status}`) })
  return batch
}

export async function createBatch(ctx: HandlerContext, input: { maker: string; note: string }): Promise<RtmBatchView> {
  const user = signedInUser(ctx)
  const batchNo = allocateDocNo(ctx.em, 'returnBatch', await today(ctx))
  const { lastInsertRowid } = prepared(
    ctx.em,
    `INSERT INTO rtm_batch (batchNo, maker, note, status, createdAt, createdById) VALUES (?, ?, ?, 'open', ?, ?)`
  ).run(batchNo, input.maker, input.note, ctx.now.toISOString(), user.id)
  const id = Number(lastInsertRowid)
  await auditCall(ctx, { action: 'rtm.create', entity: 'rtm_batch', entityId: id, detail: { batchNo, maker: input.maker } })
  return loadBatch(ctx.em, id)
}

export async function addToBatch(ctx: HandlerContext, input: { batchId: number; oldPartIds: number[]; opNos: string[] }): Promise<RtmBatchView> {
  const batch = batchIn(ctx, input.batchId, 'open', 'warehouse.e.batchNotOpen')
  const ids = new Set(input.oldPartIds)
  for (const opNo of input.opNos) {
    const row = prepared(ctx.em, `SELECT id FROM old_part WHERE opNo = ?`).get(opNo) as { id: number } | undefined
    if (!row) throw conflict('warehouse.e.oldPartUnknown', { opNo })
    ids.add(row.id)
  }
  if (batch.parts + ids.size > RTM_MAX_PARTS) throw conflict('warehouse.e.batchFull', { max: RTM_MAX_PARTS })
  const added: string[] = []
  for (const id of ids) {
    const p = loadOldPart(ctx.em, id)
    if (p.batch?.id === batch.id) continue
    if (p.batch) throw conflict('warehouse.e.oldPartInBatch', { opNo: p.opNo, batchNo: p.batch.batchNo })
    prepared(ctx.em, `UPDATE old_part SET batchId = ?, status = 'batched' WHERE id = ? AND batchId IS NULL`).run(batch.id, id)
    added.push(p.opNo)
  }
  if (!added.length) throw conflict('warehouse.e.nothingAdded')
  await auditCall(ctx, { action: 'rtm.add', entity: 'rtm_batch', entityId: batch.id, detail: { batchNo: batch.batchNo, opNos: added } })
  return loadBatch(ctx.em, batch.id)
}

export async function removeFromBatch(ctx: HandlerContext, input: { batchId: number; oldPartId: number }): Promise<RtmBatchView> {
  const batch = batchIn(ctx, input.batchId, 'open', 'warehouse.e.batchNotOpen')
  const p = loadOldPart(ctx.em, input.oldPartId)
  if (p.batch?.id !== batch.id) throw conflict('warehouse.e.oldPartNotInBatch', { opNo: p.opNo, batchNo: batch.batchNo })
  prepared(ctx.em, `UPDATE old_part SET batchId = NULL, status = 'waiting' WHERE id = ?`).run(p.id)
  await auditCall(ctx, { action: 'rtm.remove', entity: 'rtm_batch', entityId: batch.id, detail: { batchNo: batch.batchNo, opNo: p.opNo } })
  return loadBatch(ctx.em, batch.id)
}

export async function sendBatch(ctx: HandlerContext, input: { batchId: number; date: string; carrierRef: string }): Promise<RtmBatchView> {
  const user = signedInUser(ctx)
  const batch = batchIn(ctx, input.batchId, 'open', 'warehouse.e.batchNotOpen')
  if (input.date > (await today(ctx))) throw validationError({ date: 'warehouse.e.sentInFuture' })
  if (batch.parts === 0) throw conflict('warehouse.e.batchEmpty', { batchNo: batch.batchNo })
  prepared(ctx.em, `UPDATE rtm_batch SET status = 'sent', sentDate = ?, carrierRef = ?, sentAt = ?, sentById = ? WHERE id = ?`).run(
    input.date,
    input.carrierRef,
    ctx.now.toISOString(),
    user.id,
    batch.id
  )
  prepared(ctx.em, `UPDATE old_part SET status = 'sent' WHERE batchId = ?`).run(batch.id)
  await auditCall(ctx, {
    action: 'rtm.send',
    entity: 'rtm_batch',
    entityId: batch.id,
    detail: { batchNo: batch.batchNo, date: input.date, carrierRef: input.carrierRef, parts: batch.parts },
    changes: { status: { old: 'open', new: 'sent' } }
  })
  return loadBatch(ctx.em, batch.id)
}

export async function creditBatch(ctx: HandlerContext, input: { batchId: number; creditNoteNo: string; amountFen: number }): Promise<RtmBatchView> {
  const user = signedInUser(ctx)
  const batch = batchIn(ctx, input.batchId, 'sent', 'warehouse.e.batchNotSent')
  prepared(ctx.em, `UPDATE rtm_batch SET status = 'credited', creditNoteNo = ?, creditFen = ?, creditedAt = ?, creditedById = ? WHERE id = ?`).run(
    input.creditNoteNo,
    input.amountFen,
    ctx.now.toISOString(),
    user.id,
    batch.id
  )
  prepared(ctx.em, `UPDATE old_part SET status = 'credited' WHERE batchId = ?`).run(batch.id)
  await auditCall(ctx, {
    action: 'rtm.credit',
    entity: 'rtm_batch',
    entityId: batch.id,
    detail: { batchNo: batch.batchNo, creditNoteNo: input.creditNoteNo, amountFen: input.amountFen },
    changes: { status: { old: 'sent', new: 'credited' } }
  })
  return loadBatch(ctx.em, batch.id)
}

/** Writes a PDF under the user-data folder and returns it for download/open. */
export async function savePdf(ctx: HandlerContext, fileName: string, pdf: Buffer): Promise<{ fileName: string; path: string; base64: string }> {
  await mkdir(ctx.services.paths.pdfDir, { recursive: true })
  const path = join(ctx.services.paths.pdfDir, fileName)
  await writeFile(path, pdf)
  return { fileName, path, base64: pdf.toString('base64') }
}
