import { Like } from 'typeorm'
import type { intakeContract } from '@shared/contract/intake'
import { plainMobile } from '@shared/contract/fields'
import type { Handlers } from '../core/context'
import { signedInUser } from '../core/context'
import { notFound } from '../core/errors'
import { User } from '../auth/user.entity'
import { Customer } from './customer.entity'
import { WorkOrder } from './work-order.entity'
import { createIntake } from './service'
import { customerView, loadOrderView, orderSummary } from './views'
import { warrantyVerdict } from './warranty'

export const intakeHandlers: Handlers<typeof intakeContract> = {
  'customers.search': async ({ query: raw }, ctx) => {
    // Digits as typed or pasted ("138 1234", "１３８") search by mobile prefix; anything else by name.
    const digits = plainMobile(raw)
    const query = /^\d+$/.test(digits) ? digits : raw
    if (!query) return []
    const where = /^\d+$/.test(query) ? [{ mobile: Like(`${query}%`) }] : [{ name: Like(`%${query}%`) }, { mobile: Like(`${query}%`) }]
    const found = await ctx.em.find(Customer, { where, order: { updatedAt: 'DESC' }, take: 10 })
    return found.map(customerView)
  },

  'customers.history': async ({ customerId }, ctx) => {
    const customer = await ctx.em.findOneBy(Customer, { id: customerId })
    if (!customer) throw notFound()
    const orders = await ctx.em.find(WorkOrder, {
      where: { customerId },
      relations: { customer: true },
      order: { receivedAt: 'DESC', id: 'DESC' },
      take: 50
    })
    return { customer: customerView(customer), orders: orders.map(orderSummary) }
  },

  'intake.checkWarranty': async (input, ctx) =>
    warrantyVerdict(ctx.em, await ctx.services.settings.load(ctx.em), ctx.now, input),

  'intake.technicians': async (_input, ctx) => {
    const techs = await ctx.em.find(User, { where: { role: 'technician', active: true }, order: { displayName: 'ASC' } })
    return techs.map((u) => ({ id: u.id, displayName: u.displayName }))
  },

  'intake.create': async (input, ctx) => createIntake(ctx, signedInUser(ctx), input),

  'orders.get': async ({ orderId }, ctx) => loadOrderView(ctx.em, orderId),

  'orders.list': async ({ query, limit }, ctx) => {
    const q = query.trim()
    const where = q
      ? [
          { orderNo: Like(`%${q}%`) },
          { serial: Like(`%${q}%`) },
          { customer: { mobile: Like(`${q}%`) } },
          { customer: { name: Like(`%${q}%`) } }
        ]
      : {}
    const orders = await ctx.em.find(WorkOrder, { where, relations: { customer: true }, order: { id: 'DESC' }, take: limit })
    return orders.map(orderSummary)
  }
}
