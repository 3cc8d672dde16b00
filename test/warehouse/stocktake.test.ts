/**
 * Stocktake (盘点) through the router on real SQLite: snapshot, typed and scanned counts, the
 * variance report and its PDF, manager approval (balances after = counted), refusals that change
 * nothing, quarantine lines, overlapping scopes, and movements during an open count.
 */
import { mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { MANAGER } from '../helpers/core'
import { pdfText, pdfToPng } from '../helpers/pdf-text'
import { startWarehouse, type WarehouseFixture } from './old-parts-fixture'

let f: WarehouseFixture
const PNG_DIR = join(tmpdir(), 'rc-h3-pdf')

beforeEach(async () => {
  f = await startWarehouse()
})
afterEach(() => f.close())

const balance = async (partId: number, location = 'main') =>
  ((await f.tc.core.dataSource.query('SELECT qty FROM stock_balance WHERE partId = ? AND location = ?', [partId, location])) as { qty: number }[])[0]?.qty ?? 0
const moves = () => f.tc.core.dataSource.query('SELECT count(*) AS n FROM stock_move') as Promise<{ n: number }[]>
const approval = { username: MANAGER.username, pin: MANAGER.pin }

/** Three parts in bins, B-01 with stock; the screen part also has 2 in quarantine. */
async function shelf() {
  const screen = await f.part({ sku: 'SCR-M60', name: 'Mate60 屏幕', bin: 'A-01', barcode: '6901234567892' })
  const battery = await f.part({ sku: 'BAT-M60', name: 'Mate60 电池', bin: 'A-02' })
  const cable = await f.part({ sku: 'CBL-USBC', name: 'USB-C 排线', bin: 'B-01' })
  await f.stock(screen, 10, { unitCostFen: 30_000 })
  await f.stock(screen, 2, { location: 'quarantine' })
  await f.stock(battery, 5, { unitCostFen: 8_000 })
  await f.stock(cable, 20, { unitCostFen: 500 })
  return { screen, battery, cable }
}

describe('a stocktake', () => {
  it('snapshots, counts by typing and scanning, reports the variance, and posts it when the manager approves', async () => {
    const { screen, battery, cable } = await shelf()
    const st = await f.wh.ok('warehouse.stocktakes.start', {})
    expect(st).toMatchObject({ stNo: 'ST2611-0001', status: 'open', lines: 4, counted: 0, uncountedExpected: 4 })
    const page = await f.wh.ok('warehouse.stocktakes.lines', { stocktakeId: st.id })
    // Bin order; quarantine stock has its own line
    expect(page.lines.map((l) => [l.bin, l.sku, l.location, l.expectedQty])).toEqual([
      ['A-01', 'SCR-M60', 'main', 10],
      ['A-01', 'SCR-M60', 'quarantine', 2],
      ['A-02', 'BAT-M60', 'main', 5],
      ['B-01', 'CBL-USBC', 'main', 20]
    ])

    // Scans add one each (barcode or SKU, any case or width: the catalogue's one code rule); typing sets the count
    for (const code of ['6901234567892', '６９０１２３４５６７８９２', 'scr-m60']) await f.wh.ok('warehouse.stocktakes.scan', { stocktakeId: st.id, code })
    let line = await f.wh.ok('warehouse.stocktakes.count', { stocktakeId: st.id, partId: screen, location: 'main', qty: 9 })
    expect(line.countedQty).toBe(9)
    await f.wh.ok('warehouse.stocktakes.count', { stocktakeId: st.id, partId: screen, location: 'quarantine', qty: 2 })
    await f.wh.ok('warehouse.stocktakes.count', { stocktakeId: st.id, partId: battery, location: 'main', qty: 7 })

    // Approval waits for the line not counted yet, and changes nothing
    const early = await f.wh.call('warehouse.stocktakes.approve', { stocktakeId: st.id, approval })
    expect(early.ok).toBe(false)
    if (!early.ok) expect(early.error.message).toBe('还有 1 行有账面库存但未盘点，请先录入（没有实物请录 0）')
    line = await f.wh.ok('warehouse.stocktakes.scan', { stocktakeId: st.id, code: 'CBL-USBC' })
    expect(line.countedQty).toBe(1)
    await f.wh.ok('warehouse.stocktakes.count', { stocktakeId: st.id, partId: cable, location: 'main', qty: 20 })

    const report = await f.wh.ok('warehouse.stocktakes.variance', { stocktakeId: st.id })
    expect(report.lines.map((l) => [l.sku, l.location, l.expectedQty, l.countedQty, l.diffQty, l.valueFen])).toEqual([
      ['SCR-M60', 'main', 10, 9, -1, -30_000],
      ['BAT-M60', 'main', 5, 7, 2, 16_000]
    ])
    expect(report.totals).toMatchObject({ countedLines: 4, uncountedLines: 0, varianceLines: 2, gainFen: 16_000, lossFen: 30_000, netFen: -14_000 })

    // The variance report as A4 PDF
    const vPdf = Buffer.from((await f.wh.ok('warehouse.stocktakes.variancePdf', { stocktakeId: st.id })).base64, 'base64')
    const vText = await pdfText(vPdf)
    for (const s of ['盘点差异表', 'ST2611-0001', '盘点中', 'SCR-M60 Mate60 屏幕', 'BAT-M60 Mate60 电池', '-1', '+2', '-¥300.00', '+¥160.00', '-¥140.00']) expect(vText).toContain(s)
    expect(vText).not.toContain('CBL-USBC')
    mkdirSync(PNG_DIR, { recursive: true })
    await pdfToPng(vPdf, join(PNG_DIR, 'variance-open.png'), { dpi: 60 })

    // Wrong PIN: refused on the PIN field, counted toward the manager's lockout, nothing posted
    const wrong = await f.wh.call('warehouse.stocktakes.approve', { stocktakeId: st.id, approval: { ...approval, pin: '0000' } })
    expect(wrong.ok).toBe(false)
    if (!wrong.ok) expect(Object.keys(wrong.error.fields ?? {})).toEqual(['approval.pin'])
    const notManager = await f.wh.call('warehouse.stocktakes.approve', { stocktakeId: st.id, approval: { username: 'store1', pin: '1357' } })
    expect(notManager.ok).toBe(false)
    if (!notManager.ok) expect(Object.keys(notManager.error.fields ?? {})).toEqual(['approval.username'])
    expect(await balance(screen)).toBe(10)
    expect(await balance(battery)).toBe(5)
    expect((await f.wh.ok('warehouse.stocktakes.get', { stocktakeId: st.id })).status).toBe('open')
    const before = (await moves())[0].n
    // The counter cannot approve or count at all
    const counter = await f.clerk.call('warehouse.stocktakes.approve', { stocktakeId: st.id, approval })
    expect(counter.ok).toBe(false)
    if (!counter.ok) expect(counter.error.code).toBe('FORBIDDEN')

    const approved = await f.wh.ok('warehouse.stocktakes.approve', { stocktakeId: st.id, approval })
    expect(approved.status).toBe('approved')
    expect(approved.approved).toMatchObject({ by: { displayName: MANAGER.displayName }, adjustedLines: 2, netFen: -14_000 })
    // Balances after = counted; two ledger rows of type 'stocktake'
    expect([await balance(screen), await balance(screen, 'quarantine'), await balance(battery), await balance(cable)]).toEqual([9, 2, 7, 20])
    const rows = (await f.tc.core.dataSource.query(`SELECT partId, qty, docType, docNo FROM stock_move WHERE id > ? ORDER BY id`, [before])) as unknown[]
    expect(rows).toEqual([
      { partId: screen, qty: -1, docType: 'stocktake', docNo: 'ST2611-0001' },
      { partId: battery, qty: 2, docType: 'stocktake', docNo: 'ST2611-0001' }
    ])
    // Closed: no more counts, no second approval, no cancel
    for (const r of [
      await f.wh.call('warehouse.stocktakes.count', { stocktakeId: st.id, partId: cable, location: 'main', qty: 1 }),
      await f.wh.call('warehouse.stocktakes.approve', { stocktakeId: st.id, approval }),
      await f.wh.call('warehouse.stocktakes.cancel', { stocktakeId: st.id, reason: '重来' })
    ]) {
      expect(r.ok).toBe(false)
      if (!r.ok) expect(r.error.message).toBe('盘点单 ST2611-0001 当前为“已审核”，不能再修改')
    }
    const audit = await f.manager.ok('audit.list', { action: 'stocktake.' })
    const actions = audit.rows.map((r) => r.action)
    expect(actions.filter((a) => a === 'stocktake.approve').length).toBe(1)
    expect(actions.filter((a) => a === 'stocktake.scan').length).toBe(4)
    expect(actions).toContain('stocktake.start')

    // After approval the report shows what was posted, and the PDF says who approved it
    const aText = await pdfText(Buffer.from((await f.wh.ok('warehouse.stocktakes.variancePdf', { stocktakeId: st.id })).base64, 'base64'))
    expect(aText).toContain('已审核')
    expect(aText).toContain(MANAGER.displayName)

    // A receipt a day after the approval did not happen during the count: the report stays as approved
    f.tc.clock.set('2026-11-24T02:00:00Z')
    await f.stock(cable, 5, { unitCostFen: 500 })
    const later = await f.wh.ok('warehouse.stocktakes.variance', { stocktakeId: st.id })
    expect(later.lines.map((l) => [l.sku, l.diffQty, l.movedDuringCount])).toEqual([
      ['SCR-M60', -1, false],
      ['BAT-M60', 2, false]
    ])
    expect(later.totals).toMatchObject({ varianceLines: 2, gainFen: 16_000, lossFen: 30_000, netFen: -14_000 })
  })

  it('counts a bin range; overlapping open counts are refused; count sheets are in bin order without book quantities', async () => {
    const { cable } = await shelf()
    const a = await f.wh.ok('warehouse.stocktakes.start', { binFrom: 'A-01', binTo: 'A-02' })
    expect(a.lines).toBe(3)
    const overlap = await f.wh.call('warehouse.stocktakes.start', { binFrom: '', binTo: 'A-01' })
    expect(overlap.ok).toBe(false)
    if (!overlap.ok) expect(overlap.error.message).toBe('盘点单 ST2611-0001 正在盘点重叠的库位范围，请先完成或取消它')
    const all = await f.wh.call('warehouse.stocktakes.start', {})
    expect(all.ok).toBe(false)
    const reversed = await f.wh.call('warehouse.stocktakes.start', { binFrom: 'B', binTo: 'A' })
    expect(reversed.ok).toBe(false)
    if (!reversed.ok) expect(reversed.error.fields?.binTo).toBe('结束库位不能小于起始库位')
    // A disjoint range may run at the same time
    const b = await f.wh.ok('warehouse.stocktakes.start', { binFrom: 'B', binTo: 'B-99' })
    expect(b.lines).toBe(1)
    // A part outside the range is refused by name
    const outside = await f.wh.call('warehouse.stocktakes.count', { stocktakeId: a.id, partId: cable, location: 'main', qty: 3 })
    expect(outside.ok).toBe(false)
    if (!outside.ok) expect(outside.error.message).toBe('CBL-USBC USB-C 排线（库位 B-01）不在盘点单 ST2611-0001 的范围内')

    const sheet = Buffer.from((await f.wh.ok('warehouse.stocktakes.sheetPdf', { stocktakeId: a.id })).base64, 'base64')
    const text = await pdfText(sheet)
    expect(text).toContain('盘点表')
    expect(text).toContain('库位 A-01 至 A-02')
    const order = ['SCR-M60', 'BAT-M60'].map((s) => text.indexOf(s))
    expect(order[0]).toBeGreaterThan(0)
    expect(order[1]).toBeGreaterThan(order[0])
    expect(text).toContain('隔离区')
    expect(text).not.toContain('CBL-USBC')
    mkdirSync(PNG_DIR, { recursive: true })
    await pdfToPng(sheet, join(PNG_DIR, 'count-sheet.png'), { dpi: 60 })

    // Cancel (with a reason) frees the range; nothing posted
    const cancelled = await f.wh.ok('warehouse.stocktakes.cancel', { stocktakeId: a.id, reason: '范围选错' })
    expect(cancelled.cancelled).toMatchObject({ reason: '范围选错' })
    expect((await f.wh.ok('warehouse.stocktakes.start', { binFrom: 'A', binTo: 'A-99' })).lines).toBe(3)
    expect((await f.wh.ok('warehouse.stocktakes.list', {})).map((s) => [s.stNo, s.status])).toEqual([
      ['ST2611-0003', 'open'],
      ['ST2611-0002', 'open'],
      ['ST2611-0001', 'cancelled']
    ])
  })

  it('keeps a receipt before a count and an issue after it: the adjustment is counted − book at count, on top of the balance', async () => {
    const { screen, battery } = await shelf()
    const st = await f.wh.ok('warehouse.stocktakes.start', { binFrom: 'A-01', binTo: 'A-02' })
    // During the open count: 4 screens arrive, then the shelf is counted: 13 (one missing)
    await f.stock(screen, 4, { unitCostFen: 30_000 })
    let line = await f.wh.ok('warehouse.stocktakes.count', { stocktakeId: st.id, partId: screen, location: 'main', qty: 13 })
    expect(line).toMatchObject({ expectedQty: 10, bookAtCount: 14, countedQty: 13, movedDuringCount: true })
    // Battery counted right (5), then 2 are issued before approval
    line = await f.wh.ok('warehouse.stocktakes.count', { stocktakeId: st.id, partId: battery, location: 'main', qty: 5 })
    expect(line.movedDuringCount).toBe(false)
    await f.stock(battery, -2)
    await f.wh.ok('warehouse.stocktakes.count', { stocktakeId: st.id, partId: screen, location: 'quarantine', qty: 2 })

    const report = await f.wh.ok('warehouse.stocktakes.variance', { stocktakeId: st.id })
    expect(report.lines.map((l) => [l.sku, l.expectedQty, l.bookAtCount, l.countedQty, l.diffQty, l.movedDuringCount])).toEqual([
      ['SCR-M60', 10, 14, 13, -1, true],
      ['BAT-M60', 5, 5, 5, 0, true]
    ])
    const vText = await pdfText(Buffer.from((await f.wh.ok('warehouse.stocktakes.variancePdf', { stocktakeId: st.id })).base64, 'base64'))
    expect(vText).toContain('【盘点期间有出入库】')

    await f.wh.ok('warehouse.stocktakes.approve', { stocktakeId: st.id, approval })
    // Screen: the receipt (+4) is kept and one is written off: 14 − 1 = 13 = the shelf.
    // Battery: counted right, the later issue (−2) is kept: 3, not reset to the count of 5.
    expect(await balance(screen)).toBe(13)
    expect(await balance(battery)).toBe(3)
    const sums = (await f.tc.core.dataSource.query(
      `SELECT b.partId, b.location, b.qty, (SELECT sum(qty) FROM stock_move m WHERE m.partId = b.partId AND m.location = b.location) AS ledger FROM stock_balance b`
    )) as { qty: number; ledger: number }[]
    for (const s of sums) expect(s.qty).toBe(s.ledger)
  })

  it('parts added after the start are counted in scope with book 0 at the snapshot; an empty range is refused', async () => {
    await shelf()
    const st = await f.wh.ok('warehouse.stocktakes.start', { binFrom: 'A', binTo: 'A-99' })
    const late = await f.part({ sku: 'FLEX-1', name: '尾插小板', bin: 'A-05', barcode: 'FX1' })
    const line = await f.wh.ok('warehouse.stocktakes.scan', { stocktakeId: st.id, code: 'FX1' })
    expect(line).toMatchObject({ sku: 'FLEX-1', expectedQty: 0, countedQty: 1, bookAtCount: 0 })
    const unknown = await f.wh.call('warehouse.stocktakes.scan', { stocktakeId: st.id, code: 'NOPE' })
    expect(unknown.ok).toBe(false)
    if (!unknown.ok) expect(unknown.error.message).toBe('没有条码或编码为 NOPE 的零件')
    const empty = await f.wh.call('warehouse.stocktakes.start', { binFrom: 'Z', binTo: 'Z-99' })
    expect(empty.ok).toBe(false)
    if (!empty.ok) expect(empty.error.message).toBe('这个库位范围内没有零件')
    expect(late).toBeGreaterThan(0)
  })
})
