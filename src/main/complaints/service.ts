import type { EntityManager } from 'typeorm'
import {
  COMPLAINT_LIST_MAX,
  COMPLAINT_NEXT,
  RESPONSE_WORKING_DAYS,
  SECOND_FOLLOW_UP_DAYS,
  type ComplaintCategory,
  type ComplaintItem,
  type ComplaintSource,
  type ComplaintStatus,
  type ComplaintView,
  type OverdueComplaint
} from '@shared/contract/complaints'
import { addDays, localDate, yearMonthCode, type PlainDate, type WorkCalendar } from '@shared/domain/dates'
import { addWorkingDays, workingDaysBetween } from '@shared/domain/working-days'
import { conflict, notFound } from '../core/errors'
import { audit } from '../audit/audit'
import { prepared } from '../db/prepared'

// Inserts the next serial itself (not 1): the tamper guard refuses an INSERT carrying a smaller serial.
const NEXT_SERIAL = `INSERT INTO complaint_sequence (period, lastSerial)
  VALUES (@period, coalesce((SELECT lastSerial FROM complaint_sequence WHERE period = @period), 0) + 1)
  ON CONFLICT(period) DO UPDATE SET lastSerial = excluded.lastSerial RETURNING lastSerial`

/** YYMM-NNN (more digits past 999) for the store-local month of `today`. Inside the complaint's transaction: no gaps. */
export function allocateComplaintNo(em: EntityManager, today: PlainDate): string {
  const period = yearMonthCode(today)
  const { lastSerial } = prepared(em, NEXT_SERIAL).get({ period }) as { lastSerial: number }
  return `${period}-${String(lastSerial).padStart(3, '0')}`
}

const INSERT = `INSERT INTO complaint (complaintNo, status, source, category, orderId, followUpId, customerName, mobile, description,
    createdAt, createdById, ownerId, responseDue, dueDate)
  VALUES (@complaintNo, 'open', @source, @category, @orderId, @followUpId, @customerName, @mobile, @description,
    @createdAt, @userId, @userId, @responseDue, @responseDue)`

export interface NewComplaint {
  source: ComplaintSource
  category: ComplaintCategory
  orderId: number | null
  followUpId: number | null
  customerName: string
  mobile: string
  description: string
  at: Date
  userId: number
  timeZone: string
  calendar: WorkCalendar
}

/** Opens a complaint owned by its creator (首问负责), response due in RESPONSE_WORKING_DAYS working days. Audited. */
export async function createComplaint(em: EntityManager, c: NewComplaint): Promise<number> {
  const today = localDate(c.at, c.timeZone)
  const complaintNo = allocateComplaintNo(em, today)
  const responseDue = addWorkingDays(today, RESPONSE_WORKING_DAYS, c.calendar)
  const id = Number(
    prepared(em, INSERT).run({
      complaintNo,
      source: c.source,
      category: c.category,
      orderId: c.orderId,
      followUpId: c.followUpId,
      customerName: c.customerName,
      mobile: c.mobile,
      description: c.description,
      createdAt: c.at.toISOString(),
      userId: c.userId,
      responseDue
    }).lastInsertRowid
  )
  await audit(em, {
    at: c.at,
    userId: c.userId,
    action: 'complaint.create',
    entity: 'complaint',
    entityId: id,
    detail: { complaintNo, source: c.source, category: c.category, orderId: c.orderId, responseDue }
  })
  return id
}

const VIEW = `SELECT c.*, w.orderNo, o.displayName AS ownerName, cb.displayName AS createdByName, rb.displayName AS respondedByName,
    sb.displayName AS resolvedByName, fb.displayName AS confirmedByName
  FROM complaint c LEFT JOIN work_order w ON w.id = c.orderId
    LEFT JOIN "user" o ON o.id = c.ownerId LEFT JOIN "user" cb ON cb.id = c.createdById LEFT JOIN "user" rb ON rb.id = c.respondedById
    LEFT JOIN "user" sb ON sb.id = c.resolvedById LEFT JOIN "user" fb ON fb.id = c.confirmedById
  WHERE c.id = ?`
const ITEM_COLUMNS = `c.id, c.complaintNo, c.status, c.source, c.category, c.orderId, w.orderNo, c.customerName, c.mobile, c.description,
    c.createdAt, o.displayName AS ownerName, c.dueDate
  FROM complaint c LEFT JOIN work_order w ON w.id = c.orderId LEFT JOIN "user" o ON o.id = c.ownerId`
// Newest first; complaints are few (tens a month), the status filter seeks (status, dueDate).
export const COMPLAINT_QUERIES = {
  all: `SELECT ${ITEM_COLUMNS} WHERE c.id < @before ORDER BY c.id DESC LIMIT ${COMPLAINT_LIST_MAX}`,
  byStatus: `SELECT ${ITEM_COLUMNS} WHERE c.status = @status AND c.id < @before ORDER BY c.id DESC LIMIT ${COMPLAINT_LIST_MAX}`,
  // Waiting for a response (open) or for the second follow-up (resolved), past the due date.
  overdue: `SELECT ${ITEM_COLUMNS} WHERE c.status IN ('open', 'resolved') AND c.dueDate < @today ORDER BY c.dueDate, c.id LIMIT ${COMPLAINT_LIST_MAX}`
}

type ItemRow = Omit<ComplaintItem, 'overdue' | 'ownerName'> & { ownerName: string | null }

function item(row: ItemRow, today: PlainDate): ComplaintItem {
  return { ...row, ownerName: row.ownerName ?? '', overdue: row.dueDate !== null && row.dueDate < today }
}

export function complaintView(em: EntityManager, complaintId: number, today: PlainDate): ComplaintView {
  const row = prepared(em, VIEW).get(complaintId) as (ComplaintView & ItemRow) | undefined
  if (!row) throw notFound()
  return { ...row, ...item(row, today) }
}

export function listComplaints(em: EntityManager, q: { status?: ComplaintStatus; overdue?: boolean; beforeId?: number }, today: PlainDate): ComplaintItem[] {
  const before = q.beforeId ?? Number.MAX_SAFE_INTEGER
  const rows = q.overdue
    ? prepared(em, COMPLAINT_QUERIES.overdue).all({ today })
    : q.status
      ? prepared(em, COMPLAINT_QUERIES.byStatus).all({ status: q.status, before })
      : prepared(em, COMPLAINT_QUERIES.all).all({ before })
  return (rows as ItemRow[]).map((r) => item(r, today)).filter((i) => !q.status || i.status === q.status)
}

/** For the manager's dashboard: complaints whose response or second follow-up is past due, most overdue first. */
export function overdueComplaints(em: EntityManager, today: PlainDate, calendar: WorkCalendar): OverdueComplaint[] {
  return (prepared(em, COMPLAINT_QUERIES.overdue).all({ today }) as ItemRow[]).map((r) => ({
    id: r.id,
    complaintNo: r.complaintNo,
    status: r.status,
    category: r.category,
    customerName: r.customerName,
    ownerName: r.ownerName ?? '',
    dueDate: r.dueDate!,
    workingDaysOverdue: workingDaysBetween(r.dueDate!, today, calendar)
  }))
}

interface Actor {
  at: Date
  userId: number
  timeZone: string
}

const STATUS_OF = `SELECT status, ownerId, createdById, takenAt FROM complaint WHERE id = ?`

function current(em: EntityManager, complaintId: number): { status: ComplaintStatus; ownerId: number; createdById: number; takenAt: string | null } {
  const row = prepared(em, STATUS_OF).get(complaintId) as ReturnType<typeof current> | undefined
  if (!row) throw notFound()
  return row
}

/** 首问负责: someone other than the creator takes an open complaint over, once. Audited. */
export async function takeComplaint(em: EntityManager, complaintId: number, a: Actor): Promise<void> {
  const c = current(em, complaintId)
  if (c.status !== 'open') throw conflict('complaints.err.takeOpenOnly')
  if (c.takenAt !== null) throw conflict('complaints.err.alreadyTaken')
  if (c.ownerId === a.userId) throw conflict('complaints.err.alreadyYours')
  prepared(em, `UPDATE complaint SET ownerId = ?, takenAt = ? WHERE id = ? AND takenAt IS NULL`).run(a.userId, a.at.toISOString(), complaintId)
  await audit(em, { at: a.at, userId: a.userId, action: 'complaint.take', entity: 'complaint', entityId: complaintId, changes: { ownerId: { old: c.ownerId, new: a.userId } } })
}

const STEP_SQL: Record<'responded' | 'resolved' | 'confirmed', string> = {
  responded: `UPDATE complaint SET status = 'responded', respondedAt = @at, respondedById = @userId, response = @response, dueDate = NULL WHERE id = @id AND status = 'open'`,
  resolved: `UPDATE complaint SET status = 'resolved', resolvedAt = @at, resolvedById = @userId, resolution = @resolution, correctiveAction = @correctiveAction,
    followUpDue = @followUpDue, dueDate = @followUpDue WHERE id = @id AND status = 'responded'`,
  confirmed: `UPDATE complaint SET status = 'confirmed', confirmedAt = @at, confirmedById = @userId, confirmNote = @note, dueDate = NULL WHERE id = @id AND status = 'resolved'`
}
const STEP_ACTION = { responded: 'complaint.respond', resolved: 'complaint.resolve', confirmed: 'complaint.confirm' } as const

/**
 * One status step: open → responded (the response), → resolved (resolution and corrective action;
 * the second follow-up falls due SECOND_FOLLOW_UP_DAYS later), → confirmed (that call's note).
 * Any other step is refused, naming both statuses.
 */
export async function stepComplaint(
  em: EntityManager,
  complaintId: number,
  to: 'responded' | 'resolved' | 'confirmed',
  fields: { response?: string; resolution?: string; correctiveAction?: string; note?: string },
  a: Actor
): Promise<void> {
  const c = current(em, complaintId)
  if (COMPLAINT_NEXT[c.status] !== to) throw conflict('complaints.err.step', { from: `@complaints.status.${c.status}`, to: `@complaints.status.${to}` })
  const followUpDue = to === 'resolved' ? addDays(localDate(a.at, a.timeZone), SECOND_FOLLOW_UP_DAYS) : null
  const changed = prepared(em, STEP_SQL[to]).run({
    id: complaintId,
    at: a.at.toISOString(),
    userId: a.userId,
    response: fields.response ?? '',
    resolution: fields.resolution ?? '',
    correctiveAction: fields.correctiveAction ?? '',
    note: fields.note ?? '',
    followUpDue
  }).changes
  if (changed !== 1) throw conflict('complaints.err.changed')
  await audit(em, {
    at: a.at,
    userId: a.userId,
    action: STEP_ACTION[to],
    entity: 'complaint',
    entityId: complaintId,
    detail: { ...fields, ...(followUpDue ? { followUpDue } : {}) },
    changes: { status: { old: c.status, new: to } }
  })
}
