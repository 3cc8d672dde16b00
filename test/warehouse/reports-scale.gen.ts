// Developer tool (GEN=1 npx vitest run test/warehouse/reports-scale.gen.ts): valuation, stock card and
// part search timings on 20,000 parts and 2,000,000 ledger rows (the bench measures them too).
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDatabase } from '../../src/main/db/data-source'
import { connectionOf } from '../../src/main/db/prepared'
import { valuationAt } from '../../src/main/warehouse/valuation'
import { stockCard } from '../../src/main/warehouse/stock-card'
import { searchParts } from '../../src/main/warehouse/catalogue'

it('valuation at a date on 20k parts / 2M rows', async () => {
  const ds = await openDatabase({ path: join(mkdtempSync(join(tmpdir(), 'rc-scale-')), 'db.sqlite') })
  const db = connectionOf(ds)
  const PARTS = 20_000
  const ROWS = 2_000_000
  db.exec('DROP TRIGGER stock_move_check; DROP TRIGGER stock_move_post; DROP TRIGGER stock_balance_guard_insert; DROP TRIGGER stock_balance_guard_update')
  const insPart = db.prepare(`INSERT INTO part (sku, name, spec, models, unit, barcode, bin, minStock, createdAt, updatedAt) VALUES (?, ?, '', ?, '个', ?, '', 2, '2021-01-01T00:00:00Z', '2021-01-01T00:00:00Z')`)
  const insMove = db.prepare(`INSERT INTO stock_move (partId, location, qty, unitCostFen, balanceAfter, avgCostAfter, docType, docId, docNo, orderId, userId, at, note) VALUES (?, ?, ?, 1000, ?, ?, 'receipt', 1, 'X', NULL, 1, ?, '')`)
  const bal = new Map<string, number>()
  db.transaction(() => {
    for (let i = 1; i <= PARTS; i++) insPart.run(`P-${i}`, `零件${i} 屏幕`, `华为 Mate ${i % 90}`, `69${String(i).padStart(11, '0')}`)
  })()
  const start = Date.UTC(2021, 0, 1)
  const span = 5 * 365 * 86400_000
  db.transaction(() => {
    for (let r = 0; r < ROWS; r++) {
      const partId = 1 + ((r * 7919) % PARTS)
      const location = r % 50 === 0 ? 'quarantine' : 'main'
      const key = `${partId}${location}`
      const b = bal.get(key) ?? 0
      const qty = b > 2 && r % 3 === 0 ? -1 : 2
      bal.set(key, b + qty)
      insMove.run(partId, location, qty, b + qty, 1000 + (r % 500), new Date(start + Math.floor((r / ROWS) * span)).toISOString())
    }
  })()
  db.exec(`INSERT INTO stock_balance (partId, location, qty) SELECT partId, location, balanceAfter FROM stock_move m WHERE id = (SELECT max(id) FROM stock_move WHERE partId = m.partId AND location = m.location)`)
  db.exec('ANALYZE')
  for (const end of ['2023-06-30T16:00:00.000Z', '2025-12-31T16:00:00.000Z', '2030-01-01T00:00:00.000Z']) {
    const t0 = performance.now()
    const v = valuationAt(ds.manager, end, 0)
    console.log(end, 'valuation', Math.round(performance.now() - t0), 'ms', v.totals)
  }
  let t0 = performance.now()
  for (let i = 1; i <= 200; i++) stockCard(ds.manager, { partId: i * 50, location: 'main' })
  console.log('stock card first page avg', ((performance.now() - t0) / 200).toFixed(2), 'ms')
  for (const text of ['P-1234', '6900000012345', '屏幕', 'mate 5', '零件123']) {
    t0 = performance.now()
    for (let i = 0; i < 50; i++) searchParts(ds.manager, { text, includeInactive: false })
    console.log('search', text, ((performance.now() - t0) / 50).toFixed(2), 'ms')
  }
  await ds.destroy()
}, 600_000)
