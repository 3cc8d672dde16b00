import type { EntityManager } from 'typeorm'
import { WAREHOUSE_PAGE, type FileOut, type ReorderLine, type ReorderPage } from '@shared/contract/warehouse/catalogue'
import { localDate, localDateTime } from '@shared/domain/dates'
import type { HandlerContext } from '../core/context'
import { prepared } from '../db/prepared'
import { reorderCsv, reorderPdf, reorderXlsx, type ReportHead } from './reorder-files'

/**
 * A part is listed when it is active, has a minimum (minStock > 0) and its shelf stock ('main';
 * quarantine cannot be issued) is at or below that minimum. Suggested quantity: enough to reach
 * twice the minimum, i.e. 2 × minStock − on hand (so never less than the minimum itself).
 */
const LINE = `SELECT p.id AS partId, p.sku, p.name, p.spec, p.unit, p.bin, p.minStock, p.avgCostFen,
    coalesce(b.qty, 0) AS onHand, 2 * p.minStock - coalesce(b.qty, 0) AS suggestedQty,
    (2 * p.minStock - coalesce(b.qty, 0)) * p.avgCostFen AS suggestedValueFen
  FROM part p LEFT JOIN stock_balance b ON b.partId = p.id AND b.location = 'main'
  WHERE p.id > ? AND p.active = 1 AND p.minStock > 0 AND coalesce(b.qty, 0) <= p.minStock
  ORDER BY p.id`

/** Reorder statements (checked by test/schema/query-plans.test.ts): a rowid range over part, one balance lookup each. */
export const REORDER_QUERIES = {
  reorderPage: { sql: `${LINE} LIMIT ${WAREHOUSE_PAGE + 1}`, example: [0] }
} satisfies Record<string, { sql: string; example: unknown[] }>

export function reorderPage(em: EntityManager, afterId: number): ReorderPage {
  const rows = prepared(em, REORDER_QUERIES.reorderPage.sql).all(afterId) as ReorderLine[]
  const more = rows.length > WAREHOUSE_PAGE
  const lines = more ? rows.slice(0, WAREHOUSE_PAGE) : rows
  return { lines, nextAfterId: more ? lines[lines.length - 1].partId : null }
}

/** Every line, for the exported files (a catalogue is tens of thousands of parts at most). */
export function reorderAll(em: EntityManager): ReorderLine[] {
  return prepared(em, LINE).all(0) as ReorderLine[]
}

export async function reorderExport(ctx: HandlerContext, format: 'pdf' | 'csv' | 'xlsx'): Promise<FileOut> {
  const settings = await ctx.services.settings.load(ctx.em)
  const lines = reorderAll(ctx.em)
  const today = localDate(ctx.now, settings.timeZone)
  const head: ReportHead = {
    title: ctx.t('warehouse.reorder.title'),
    store: settings.store.name,
    printedAt: localDateTime(ctx.now, settings.timeZone),
    t: ctx.t
  }
  const base = `reorder-${today}`
  if (format === 'csv') return { fileName: `${base}.csv`, mime: 'text/csv', base64: (await reorderCsv(lines, head)).toString('base64') }
  if (format === 'xlsx') {
    return { fileName: `${base}.xlsx`, mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', base64: (await reorderXlsx(lines, head)).toString('base64') }
  }
  const pdf = await reorderPdf(lines, head, ctx.services.paths.fontPath)
  return { fileName: `${base}.pdf`, mime: 'application/pdf', base64: pdf.toString('base64') }
}
