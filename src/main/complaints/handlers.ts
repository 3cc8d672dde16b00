import type { complaintsContract } from '@shared/contract/complaints'
import { localDate } from '@shared/domain/dates'
import type { HandlerContext, Handlers } from '../core/context'
import { signedInUser } from '../core/context'
import { validationError } from '../core/errors'
import { prepared } from '../db/prepared'
import { complaintView, createComplaint, listComplaints, overdueComplaints, stepComplaint, takeComplaint } from './service'

const ORDER_BY_NO = `SELECT w.id, c.name, c.mobile FROM work_order w JOIN customer c ON c.id = w.customerId WHERE w.orderNo = ?`

async function actor(ctx: HandlerContext) {
  const s = await ctx.services.settings.load(ctx.em)
  return { at: ctx.now, userId: signedInUser(ctx).id, timeZone: s.timeZone, calendar: s.calendar, today: localDate(ctx.now, s.timeZone) }
}

export const complaintsHandlers: Handlers<typeof complaintsContract> = {
  'complaints.list': async (input, ctx) => listComplaints(ctx.em, input, (await actor(ctx)).today),

  'complaints.get': async ({ complaintId }, ctx) => complaintView(ctx.em, complaintId, (await actor(ctx)).today),

  'complaints.overdue': async (_input, ctx) => {
    const a = await actor(ctx)
    return overdueComplaints(ctx.em, a.today, a.calendar)
  },

  'complaints.create': async (input, ctx) => {
    const a = await actor(ctx)
    let order: { id: number; name: string; mobile: string } | undefined
    if (input.orderNo) {
      order = prepared(ctx.em, ORDER_BY_NO).get(input.orderNo) as typeof order
      if (!order) throw validationError({ orderNo: 'complaints.v.noSuchOrder' })
    }
    const id = await createComplaint(ctx.em, {
      source: input.source,
      category: input.category,
      orderId: order?.id ?? null,
      followUpId: null,
      customerName: input.customerName || order?.name || '',
      mobile: input.mobile || order?.mobile || '',
      description: input.description,
      ...a
    })
    return complaintView(ctx.em, id, a.today)
  },

  'complaints.take': async ({ complaintId }, ctx) => {
    const a = await actor(ctx)
    await takeComplaint(ctx.em, complaintId, a)
    return complaintView(ctx.em, complaintId, a.today)
  },

  'complaints.respond': async ({ complaintId, response }, ctx) => {
    const a = await actor(ctx)
    await stepComplaint(ctx.em, complaintId, 'responded', { response }, a)
    return complaintView(ctx.em, complaintId, a.today)
  },

  'complaints.resolve': async ({ complaintId, resolution, correctiveAction }, ctx) => {
    const a = await actor(ctx)
    await stepComplaint(ctx.em, complaintId, 'resolved', { resolution, correctiveAction }, a)
    return complaintView(ctx.em, complaintId, a.today)
  },

  'complaints.confirm': async ({ complaintId, note }, ctx) => {
    const a = await actor(ctx)
    await stepComplaint(ctx.em, complaintId, 'confirmed', { note }, a)
    return complaintView(ctx.em, complaintId, a.today)
  }
}
