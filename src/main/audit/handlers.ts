import type { auditContract, AuditRowView } from '@shared/contract/audit'
import { addDays, startOfLocalDay } from '@shared/domain/dates'
import type { Handlers } from '../core/context'

interface Row {
  id: number
  at: string
  userId: number | null
  userName: string | null
  action: string
  entity: string
  entityId: number | null
  orderNo: string | null
  targetUserName: string | null
  detail: string | null
}

export const auditHandlers: Handlers<typeof auditContract> = {
  /**
   * Newest first, keyset-paged on (at, id): each page is one index range scan (at / userId,at /
   * action,at / entity,entityId), however long the log; no OFFSET, no COUNT.
   */
  'audit.list': async (input, ctx) => {
    const where: string[] = []
    const params: unknown[] = []
    if (input.userId !== undefined) {
      where.push('a.userId = ?')
      params.push(input.userId)
    }
    if (input.action?.endsWith('.')) {
      // A group ("auth."): a range on the action index; '/' sorts right after '.'.
      where.push('a.action >= ? AND a.action < ?')
      params.push(input.action, `${input.action.slice(0, -1)}/`)
    } else if (input.action) {
      where.push('a.action = ?')
      params.push(input.action)
    }
    if (input.orderNo) {
      const [order] = await ctx.em.query('SELECT id FROM work_order WHERE orderNo = ?', [input.orderNo])
      if (!order) return { rows: [], next: null }
      where.push(`a.entity = 'work_order' AND a.entityId = ?`)
      params.push(order.id)
    }
    const { timeZone } = await ctx.services.settings.cached(ctx.em)
    if (input.from) {
      where.push('a.at >= ?')
      params.push(startOfLocalDay(input.from, timeZone))
    }
    if (input.to) {
      where.push('a.at < ?')
      params.push(startOfLocalDay(addDays(input.to, 1), timeZone))
    }
    if (input.after) {
      // (at, id) < cursor, written so the first term is an index range on `at`.
      where.push('a.at <= ? AND (a.at < ? OR a.id < ?)')
      params.push(input.after.at, input.after.at, input.after.id)
    }
    const rows: Row[] = await ctx.em.query(
      `SELECT a.id, a.at, a.userId, u.displayName AS userName, a.action, a.entity, a.entityId, w.orderNo,
              tu.displayName AS targetUserName, a.detail
         FROM audit_log a
         LEFT JOIN user u ON u.id = a.userId
         LEFT JOIN work_order w ON a.entity = 'work_order' AND w.id = a.entityId
         LEFT JOIN user tu ON a.entity = 'user' AND tu.id = a.entityId
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY a.at DESC, a.id DESC
        LIMIT ?`,
      [...params, input.limit + 1]
    )
    const page = rows.slice(0, input.limit).map(rowView)
    const last = page[page.length - 1]
    return { rows: page, next: rows.length > input.limit && last ? { at: last.at, id: last.id } : null }
  }
}

function rowView(r: Row): AuditRowView {
  return {
    id: r.id,
    at: r.at,
    user: r.userId !== null ? { id: r.userId, displayName: r.userName ?? `#${r.userId}` } : null,
    action: r.action,
    entity: r.entity,
    entityId: r.entityId,
    orderNo: r.orderNo,
    targetName: r.orderNo ?? r.targetUserName,
    detail: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : null
  }
}
