import { z } from 'zod'
import { channel, readOnly } from './channel'
import { id, optionalText, requiredText } from './fields'

export const COMPLAINT_SOURCES = ['followUp', 'phone', 'walkIn', 'letter'] as const
export type ComplaintSource = (typeof COMPLAINT_SOURCES)[number]
export const COMPLAINT_CATEGORIES = ['counter', 'technician', 'fees', 'quality', 'timeliness', 'other'] as const
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number]
/** open → responded → resolved → confirmed, one step at a time. */
export const COMPLAINT_STATUSES = ['open', 'responded', 'resolved', 'confirmed'] as const
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number]
export const COMPLAINT_NEXT: Record<ComplaintStatus, ComplaintStatus | null> = { open: 'responded', responded: 'resolved', resolved: 'confirmed', confirmed: null }

/** The customer hears back within this many working days of the complaint. */
export const RESPONSE_WORKING_DAYS = 2
/** The second follow-up call is due within this many (calendar) days of the resolution. */
export const SECOND_FOLLOW_UP_DAYS = 3
export const COMPLAINT_LIST_MAX = 100

export interface ComplaintItem {
  id: number
  complaintNo: string
  status: ComplaintStatus
  source: ComplaintSource
  category: ComplaintCategory
  orderId: number | null
  orderNo: string | null
  customerName: string
  mobile: string
  description: string
  createdAt: string
  ownerName: string
  /** The due date of the step the complaint waits for: the response (open) or the second follow-up (resolved). */
  dueDate: string | null
  overdue: boolean
}

export interface ComplaintView extends ComplaintItem {
  createdByName: string
  ownerId: number
  takenAt: string | null
  responseDue: string
  respondedAt: string | null
  respondedByName: string | null
  response: string
  resolvedAt: string | null
  resolvedByName: string | null
  resolution: string
  correctiveAction: string
  followUpDue: string | null
  confirmedAt: string | null
  confirmedByName: string | null
  confirmNote: string
  followUpId: number | null
}

export interface OverdueComplaint {
  id: number
  complaintNo: string
  status: ComplaintStatus
  category: ComplaintCategory
  customerName: string
  ownerName: string
  dueDate: string
  /** Working days past the due date (0 on a rest day right after it). */
  workingDaysOverdue: number
}

export const ComplaintCreateInput = z.object({
  source: z.enum(['phone', 'walkIn', 'letter']),
  category: z.enum(COMPLAINT_CATEGORIES),
  /** The order it is about (optional). */
  orderNo: z.string().trim().max(20).default(''),
  customerName: optionalText(40),
  mobile: optionalText(20),
  description: requiredText(500, { multiline: true })
})

export const ComplaintListInput = z
  .object({ status: z.enum(COMPLAINT_STATUSES).optional(), overdue: z.boolean().optional(), beforeId: id.optional() })
  .default({})

/** Complaints (投诉): counter and manager take, answer and close them. */
export const complaintsContract = {
  'complaints.list': readOnly(channel<ComplaintItem[]>()(ComplaintListInput, ['counter', 'manager'])),
  'complaints.get': readOnly(channel<ComplaintView>()(z.object({ complaintId: id }), ['counter', 'manager'])),
  'complaints.overdue': readOnly(channel<OverdueComplaint[]>()(z.object({}).default({}), ['counter', 'manager'])),
  'complaints.create': channel<ComplaintView>()(ComplaintCreateInput, ['counter', 'manager']),
  /** 首问负责: the first person who takes it over from its creator owns it from then on. */
  'complaints.take': channel<ComplaintView>()(z.object({ complaintId: id }), ['counter', 'manager']),
  'complaints.respond': channel<ComplaintView>()(z.object({ complaintId: id, response: requiredText(500, { multiline: true }) }), ['counter', 'manager']),
  'complaints.resolve': channel<ComplaintView>()(
    z.object({ complaintId: id, resolution: requiredText(500, { multiline: true }), correctiveAction: requiredText(500, { multiline: true }) }),
    ['counter', 'manager']
  ),
  /** The second follow-up call: the customer confirms the resolution. */
  'complaints.confirm': channel<ComplaintView>()(z.object({ complaintId: id, note: requiredText(500, { multiline: true }) }), ['counter', 'manager'])
}
