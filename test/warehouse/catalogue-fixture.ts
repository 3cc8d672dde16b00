import type { StockLocation, MoveType } from '../../src/shared/contract/warehouse/common'
import type { PartFieldsInput } from '../../src/shared/contract/warehouse/catalogue'
import { postMove } from '../../src/main/warehouse/ledger'
import { setUpStore, startTestCore, userWithRole, type Caller, type TestCore } from '../helpers/core'

export interface Shop {
  tc: TestCore
  manager: Caller & { id?: number }
  clerk: Caller & { id: number }
  counter: Caller & { id: number }
  tech: Caller & { id: number }
}

/** A fresh store with a warehouse clerk, a counter clerk and a technician, each signed in. */
export async function openShop(locale: 'zh-CN' | 'en' = 'zh-CN'): Promise<Shop> {
  const tc = await startTestCore()
  const manager = await setUpStore(tc, locale)
  const clerk = await userWithRole(tc, manager, 'warehouse')
  const counter = await userWithRole(tc, manager, 'counter')
  const tech = await userWithRole(tc, manager, 'technician')
  return { tc, manager, clerk, counter, tech }
}

let seq = 0
export function partInput(over: Partial<PartFieldsInput> = {}): PartFieldsInput {
  seq++
  return {
    sku: `SCR-${String(seq).padStart(4, '0')}`,
    name: '屏幕总成',
    spec: '原装 黑色',
    models: '华为 Mate 60 / Mate 60 Pro',
    unit: '个',
    barcode: '',
    bin: 'A-01-01',
    minStock: 0,
    salePriceFen: 0,
    active: true,
    ...over
  }
}

/**
 * Posts one ledger row straight through ledger.postMove in its own transaction (test setup only,
 * standing in for the movement documents: a receipt, an issue...). `at` sets the row's instant.
 */
export async function post(
  tc: TestCore,
  m: { partId: number; qty: number; location?: StockLocation; unitCostFen?: number; docType?: MoveType; at: string; userId: number; docNo?: string }
): Promise<{ id: number; balanceAfter: number }> {
  return tc.core.dataSource.transaction(async (em) =>
    postMove(em, {
      partId: m.partId,
      location: m.location ?? 'main',
      qty: m.qty,
      unitCostFen: m.unitCostFen,
      docType: m.docType ?? (m.qty > 0 ? 'receipt' : 'adjustment'),
      docId: 1,
      docNo: m.docNo ?? 'GR2611-0001',
      userId: m.userId,
      at: m.at
    })
  )
}
