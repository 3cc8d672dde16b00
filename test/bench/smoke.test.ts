// The store bench at a tiny scale, in `npm test`, so the generator and every measured path keep
// working as the schema and the channels change (the full run is `npm run bench`).
import { jsonLine, table } from './store/measure'
import { runStoreBench, type BenchResult } from './store/run'

const NAMES = [
  'router.floor',
  'lookup.orderNo',
  'lookup.claimCode',
  'lookup.ticket',
  'lookup.imei',
  'lookup.imeiLast6',
  'lookup.mobile',
  'lookup.mobileLast4',
  'lookup.mobileVariant',
  'lookup.name',
  'lookup.brandModel',
  'customers.mobile4',
  'customers.mobile7',
  'customers.mobile11',
  'customers.name',
  'customers.history',
  'orders.listFirst',
  'orders.listDeep',
  'orders.get',
  'intake.checkWarranty',
  'warehouse.searchText',
  'warehouse.searchBarcode',
  'warehouse.searchSku',
  'warehouse.byCode',
  'warehouse.stockCard',
  'warehouse.valuation',
  'warehouse.issue',
  'repairs.queueShop',
  'repairs.queueTechnician',
  'pickup.find.ticket',
  'pickup.find.claimCode',
  'pickup.find.mobile',
  'pickup.find.orderNo',
  'pickup.complete',
  'reports.dashboard',
  'reports.month',
  'followups.list',
  'dayclose.close',
  'dayclose.closeLate',
  'auth.approve',
  'backup',
  'backup.live',
  'intake.new',
  'intake.returning',
  'db.open',
  'db.openNoCheck'
]

const ALONE = ['backup', 'auth.approve', 'backup.live']

describe('store-scale bench (smoke, scale 0.002)', () => {
  let result: BenchResult

  beforeAll(async () => {
    result = await runStoreBench({ scale: 0.002, intakes: 20, budgetMs: 40 })
  }, 180_000)

  it('measures every path, through the router and by hand', () => {
    expect(result.figures.map((f) => f.name)).toEqual(NAMES)
    for (const f of result.figures) {
      expect(f.router.p95, f.name).toBeGreaterThan(0)
      // Timed on their own, nothing by hand beside them: a backup (once), the PIN's scrypt check, a
      // counter call during a backup (as many as the backup lasts).
      if (ALONE.includes(f.name)) continue
      expect(f.router.runs, f.name).toBeGreaterThanOrEqual(5)
      expect(f.raw?.p95, f.name).toBeGreaterThan(0)
    }
    expect(table(result.figures).split('\n')).toHaveLength(NAMES.length + 2)
  })

  it('finds each sampled order by every kind of lookup, and each sampled part', () => {
    const checked = [...NAMES.filter((n) => n.startsWith('lookup.') || n.startsWith('repairs.') || n.startsWith('pickup.') || n.startsWith('reports.')), 'dayclose.close', 'dayclose.closeLate', 'backup', 'backup.live', 'warehouse.byCode', 'warehouse.searchBarcode', 'warehouse.searchText', 'warehouse.stockCard', 'warehouse.valuation']
    expect(result.found).toEqual(Object.fromEntries(checked.map((n) => [n, true])))
  })

  it('generated a consistent store the app continues without gaps', () => {
    expect(result.extra.orders).toBe(1000 + Number(result.extra.intakes))
    expect(result.extra.customers).toBe(600)
    expect(result.extra.numberingGapFree).toBe(true)
    // The warehouse: 40 parts, a ledger whose balances and costs the triggers and the store agree on.
    expect(result.extra.parts).toBe(40)
    expect(Number(result.extra.ledgerRows)).toBeGreaterThan(3000)
    expect(Number(result.extra.requisitions)).toBeGreaterThan(500)
    expect(result.extra.ledgerMatchesBalances).toBe(true)
    expect(Number(result.extra.bytesPerOrder)).toBeGreaterThan(0)
    const json = JSON.parse(jsonLine(result.figures, result.extra)) as Record<string, unknown>
    for (const name of NAMES) expect(json[name], name).toMatchObject({ p50: expect.any(Number), p95: expect.any(Number) })
  })
})
