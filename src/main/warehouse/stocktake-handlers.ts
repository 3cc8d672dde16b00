import type { stocktakeContract } from '@shared/contract/warehouse/stocktake'
import type { Handlers } from '../core/context'
import { auditCall } from '../audit/audit'
import { renderPdf } from '../printing/pdf'
import { savePdf } from './rtm'
import {
  allLines,
  approveStocktake,
  cancelStocktake,
  countLine,
  listStocktakes,
  loadStocktake,
  scanLine,
  startStocktake,
  stocktakeLines,
  varianceReport
} from './stocktake-service'
import { countSheetDoc, varianceDoc } from './warehouse-pdfs'

export const stocktakeHandlers: Handlers<typeof stocktakeContract> = {
  'warehouse.stocktakes.start': async (input, ctx) => startStocktake(ctx, input),
  'warehouse.stocktakes.list': async ({ beforeId }, ctx) => listStocktakes(ctx.em, beforeId),
  'warehouse.stocktakes.get': async ({ stocktakeId }, ctx) => loadStocktake(ctx.em, stocktakeId),
  'warehouse.stocktakes.lines': async (input, ctx) => stocktakeLines(ctx.em, input),
  'warehouse.stocktakes.count': async (input, ctx) => countLine(ctx, input),
  'warehouse.stocktakes.scan': async (input, ctx) => scanLine(ctx, input),
  'warehouse.stocktakes.variance': async ({ stocktakeId }, ctx) => varianceReport(ctx.em, stocktakeId),
  'warehouse.stocktakes.approve': async (input, ctx) => approveStocktake(ctx, input),
  'warehouse.stocktakes.cancel': async (input, ctx) => cancelStocktake(ctx, input),
  'warehouse.stocktakes.sheetPdf': async ({ stocktakeId }, ctx) => {
    const st = loadStocktake(ctx.em, stocktakeId)
    const settings = await ctx.services.settings.load(ctx.em)
    const pdf = await renderPdf(countSheetDoc(st, allLines(ctx.em, stocktakeId), settings), { fontPath: ctx.services.paths.fontPath })
    const fileName = `${st.stNo}-count-sheet.pdf`
    await auditCall(ctx, { action: 'print.pdf', entity: 'stocktake', entityId: st.id, detail: { stNo: st.stNo, fileName } })
    return savePdf(ctx, fileName, pdf)
  },
  'warehouse.stocktakes.variancePdf': async ({ stocktakeId }, ctx) => {
    const report = varianceReport(ctx.em, stocktakeId, null)
    const settings = await ctx.services.settings.load(ctx.em)
    const pdf = await renderPdf(varianceDoc(report, settings), { fontPath: ctx.services.paths.fontPath })
    const st = report.stocktake
    const fileName = `${st.stNo}-variance.pdf`
    await auditCall(ctx, { action: 'print.pdf', entity: 'stocktake', entityId: st.id, detail: { stNo: st.stNo, fileName } })
    return savePdf(ctx, fileName, pdf)
  }
}
