/**
 * Shared set-up for the old-parts and stocktake tests: a store with a counter clerk, a technician,
 * a warehouse clerk and a loopback printer emulator; helpers to take in a work order, add a part
 * and put stock on the shelf.
 */
import type { StockLocation } from '../../src/shared/contract/warehouse/common'
import { postMove } from '../../src/main/warehouse/ledger'
import type { PrintQueueOptions } from '../../src/main/printing/queue'
import { sampleIntake, userWithRole, type Caller, type TestCore } from '../helpers/core'
import { closeCounterWithPrinter, startCounterWithPrinter } from '../helpers/counter-with-printer'
import type { PrinterEmulator } from '../helpers/printer-emulator'

export interface WarehouseFixture {
  tc: TestCore
  manager: Caller
  clerk: Caller & { id: number }
  tech: Caller & { id: number }
  wh: Caller & { id: number }
  printer: PrinterEmulator
  /** A warranty work order handled by the technician. */
  order(): Promise<{ id: number; orderNo: string }>
  /** A catalogue part, through the router (warehouse.parts.create). */
  part(p: { sku: string; name: string; bin?: string; barcode?: string; unit?: string }): Promise<number>
  /** Stock in (or out, negative) through the ledger, as a receipt would post it. */
  stock(partId: number, qty: number, opts?: { location?: StockLocation; unitCostFen?: number; docType?: 'receipt' | 'issue' }): Promise<void>
  usePrinter(): Promise<void>
  close(): Promise<void>
}

export const FAST: PrintQueueOptions = { retryDelaysMs: [100, 200, 400], waitPollMs: 100, sendTimeoutMs: 1000, statusTtlMs: 20 }

let docId = 0

export async function startWarehouse(): Promise<WarehouseFixture> {
  const c = await startCounterWithPrinter({ printQueue: FAST })
  const clerk = Object.assign(c.clerk, { id: 0 })
  const tech = await userWithRole(c.tc, c.manager, 'technician', 'tech1')
  const wh = await userWithRole(c.tc, c.manager, 'warehouse', 'store1')
  const ds = c.tc.core.dataSource
  return {
    ...c,
    clerk,
    tech,
    wh,
    async order() {
      const intake = sampleIntake()
      const { order } = await c.clerk.ok('intake.create', {
        ...intake,
        service: { ...(intake.service as object), technicianId: tech.id }
      } as never)
      return { id: order.id, orderNo: order.orderNo }
    },
    async part(p) {
      const made = await wh.ok('warehouse.parts.create', { unit: '个', ...p })
      return made.part.id
    },
    async stock(partId, qty, opts = {}) {
      if (qty > 0 && (opts.location ?? 'main') === 'main' && (opts.docType ?? 'receipt') === 'receipt') {
        // A goods receipt through the router, as the receiving clerk would post it
        await wh.ok('warehouse.receipts.create', {
          supplier: '测试供应商',
          supplierDocNo: `T-${++docId}`,
          lines: [{ partId, deliveredQty: qty, acceptedQty: qty, unitCostFen: opts.unitCostFen ?? 100 }]
        })
        return
      }
      // Quarantine stock and bare issues: straight through the ledger (postMove, the one way stock changes)
      await ds.transaction(async (em) => {
        postMove(em, {
          partId,
          location: opts.location ?? 'main',
          qty,
          unitCostFen: opts.unitCostFen,
          docType: opts.docType ?? (qty > 0 ? 'receipt' : 'issue'),
          docId: ++docId,
          docNo: `TEST-${docId}`,
          userId: 1,
          at: new Date().toISOString()
        })
      })
    },
    async usePrinter() {
      await c.manager.ok('settings.update', {
        printer: { enabled: true, interface: c.printer.url, widthMm: 80, type: 'epson', characterSet: 'GB18030', printDeviceTag: false }
      })
    },
    close: () => closeCounterWithPrinter(c)
  }
}
