import { startWarehouse } from './old-parts-fixture'
import { postMove } from '../../src/main/warehouse/ledger'

it('probe: 20k-part stocktake timings', async () => {
  const f = await startWarehouse()
  const ds = f.tc.core.dataSource
  await ds.transaction(async (em) => {
    const q = em.connection.driver as never
    for (let i = 1; i <= 20000; i++) {
      await em.query(`INSERT INTO part (sku, name, spec, models, unit, barcode, bin, minStock, salePriceFen, avgCostFen, active, createdAt, updatedAt) VALUES (?, ?, '', '', '个', '', ?, 0, 0, 0, 1, '2026-01-01', '2026-01-01')`, [`P${i}`, `part ${i}`, `B-${String(i % 500).padStart(3, '0')}`])
      postMove(em, { partId: i, location: 'main', qty: 5, unitCostFen: 100, docType: 'receipt', docId: i, docNo: `R${i}`, userId: 1, at: new Date().toISOString() })
    }
    void q
  })
  for (let k = 0; k < 3; k++) {
    const st = await f.wh.ok('warehouse.stocktakes.start', {})
    let t = performance.now()
    for (let i = 1; i <= 20000; i++) {
      await ds.transaction(async (em) => { await em.query(`UPDATE stocktake_line SET countedQty = 5 + (partId % 7 = 0), bookAtCount = 5, countedAt = 'x' WHERE stocktakeId = ? AND partId = ?`, [st.id, i]) })
      if (i > 200) break
    }
    await ds.query(`UPDATE stocktake_line SET countedQty = 5 + (partId % 7 = 0), bookAtCount = 5, countedAt = 'x' WHERE stocktakeId = ?`, [st.id])
    t = performance.now()
    const v = await f.wh.ok('warehouse.stocktakes.variance', { stocktakeId: st.id })
    console.log('variance ms', (performance.now() - t).toFixed(1), v.lines.length, v.totals)
    t = performance.now()
    await f.wh.ok('warehouse.stocktakes.list', {})
    console.log('list ms', (performance.now() - t).toFixed(1))
    t = performance.now()
    await f.wh.ok('warehouse.stocktakes.get', { stocktakeId: st.id })
    console.log('get ms', (performance.now() - t).toFixed(1))
    t = performance.now()
    await f.wh.ok('warehouse.stocktakes.scan', { stocktakeId: st.id, code: 'P77' })
    console.log('scan ms', (performance.now() - t).toFixed(1))
    t = performance.now()
    await f.wh.ok('warehouse.stocktakes.lines', { stocktakeId: st.id, uncountedOnly: true })
    console.log('lines uncounted ms', (performance.now() - t).toFixed(1))
    if (k < 2) await f.wh.ok('warehouse.stocktakes.cancel', { stocktakeId: st.id, reason: 'x' })
  }
  await f.close()
}, 300_000)
