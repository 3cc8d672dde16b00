import type { ReportFile } from '@shared/contract/reports'
import { REPORT_TABLES } from '@shared/contract/reports'
import type { reportsContract } from '@shared/contract/reports'
import { localDateTime } from '@shared/domain/dates'
import type { Handlers } from '../core/context'
import { dashboardData, rangeReport } from './service'
import { reportXlsx } from './export'

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

export const reportsHandlers: Handlers<typeof reportsContract> = {
  'reports.dashboard': async (_input, ctx) => dashboardData(ctx.em, await ctx.services.settings.cached(ctx.em), ctx.now),
  'reports.range': async ({ from, to }, ctx) => rangeReport(ctx.em, await ctx.services.settings.cached(ctx.em), from, to),
  'reports.export': async ({ from, to, table }, ctx): Promise<ReportFile> => {
    const settings = await ctx.services.settings.cached(ctx.em)
    const report = rangeReport(ctx.em, settings, from, to)
    const tables = table === 'all' ? REPORT_TABLES : [table]
    const buffer = await reportXlsx(report, tables, { store: settings.store.name, printedAt: localDateTime(ctx.now, settings.timeZone), t: ctx.t })
    return { fileName: `report-${table}-${from}_${to}.xlsx`, mime: XLSX, base64: buffer.toString('base64') }
  }
}
