import type { catalogueContract } from '@shared/contract/warehouse/catalogue'
import type { Handlers } from '../core/context'
import { createPartCall, partByCode, partDetail, searchParts, updatePartCall } from './catalogue'
import { exportCatalogueCsv, importCatalogueCsv } from './csv'
import { stockCard } from './stock-card'
import { reorderExport, reorderPage } from './reorder'
import { valuation } from './valuation'

export const catalogueHandlers: Handlers<typeof catalogueContract> = {
  'warehouse.parts.search': async (input, ctx) => searchParts(ctx.em, input),
  'warehouse.parts.byCode': async ({ code }, ctx) => partByCode(ctx.em, code),
  'warehouse.parts.get': async ({ partId }, ctx) => partDetail(ctx.em, partId),
  'warehouse.parts.create': async (input, ctx) => createPartCall(ctx, input),
  'warehouse.parts.update': async ({ partId, ...data }, ctx) => updatePartCall(ctx, partId, data),
  'warehouse.parts.importCsv': async (input, ctx) => importCatalogueCsv(ctx, input),
  'warehouse.parts.exportCsv': async ({ encoding }, ctx) => exportCatalogueCsv(ctx, encoding),
  'warehouse.stockCard': async (input, ctx) => stockCard(ctx.em, input),
  'warehouse.reorder': async ({ afterId }, ctx) => reorderPage(ctx.em, afterId ?? 0),
  'warehouse.reorder.export': async ({ format }, ctx) => reorderExport(ctx, format),
  'warehouse.valuation': async ({ date, afterId }, ctx) => valuation(ctx, date, afterId ?? 0)
}
