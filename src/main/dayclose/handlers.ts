import type { dayCloseContract, ZReport } from '@shared/contract/dayclose'
import type { StoreSettings } from '@shared/contract/settings'
import type { Handlers } from '../core/context'
import { conflict } from '../core/errors'
import { renderPdf } from '../printing/pdf'
import { adjust, cashMove, closeDay, dayStatus, openFloat, storedReport, unclosedDays } from './service'
import { zReportA4, zReportCsv, zReportThermal, zReportXlsx } from './zreport-docs'

const MIME = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv'
} as const

/** The settings a closed day's report is rendered with: the language and time zone it was closed in. */
function asClosed(report: ZReport, settings: StoreSettings): StoreSettings {
  return { ...settings, locale: report.locale ?? settings.locale, timeZone: report.timeZone ?? settings.timeZone }
}

export const dayCloseHandlers: Handlers<typeof dayCloseContract> = {
  'dayclose.status': async ({ day }, ctx) => dayStatus(ctx, day),
  'dayclose.unclosed': async (_input, ctx) => ({ days: unclosedDays(ctx.em, ctx.now, (await ctx.services.settings.cached(ctx.em)).timeZone) }),
  'dayclose.openFloat': async (input, ctx) => openFloat(ctx, input),
  'dayclose.cashMove': async (input, ctx) => cashMove(ctx, input),
  'dayclose.adjust': async (input, ctx) => adjust(ctx, input),
  'dayclose.close': async (input, ctx) => closeDay(ctx, input),
  'dayclose.report': async ({ day }, ctx) => storedReport(ctx.em, day),

  // The frozen snapshot, every time: a reprint is identical to the first print.
  'dayclose.print': async ({ day }, ctx) => {
    const report = storedReport(ctx.em, day)
    const settings = asClosed(report, await ctx.services.settings.cached(ctx.em))
    if (!settings.printer.enabled) throw conflict('dayclose.err.noPrinter')
    ctx.afterCommit(() => ctx.services.printQueue.kick())
    return ctx.services.printQueue.enqueueDocument(ctx.em, {
      kind: 'zReport',
      document: zReportThermal(report, settings),
      orderId: null,
      oldPartId: null,
      userId: ctx.user?.id ?? null,
      now: ctx.now
    })
  },

  'dayclose.export': async ({ day, format }, ctx) => {
    const report = storedReport(ctx.em, day)
    const settings = asClosed(report, await ctx.services.settings.cached(ctx.em))
    const bytes =
      format === 'pdf'
        ? await renderPdf(zReportA4(report, settings), { fontPath: ctx.services.paths.fontPath })
        : format === 'xlsx'
          ? await zReportXlsx(report, settings)
          : zReportCsv(report, settings)
    return { fileName: `z-report-${day}.${format}`, base64: bytes.toString('base64'), mime: MIME[format] }
  }
}
