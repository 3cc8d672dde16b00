import { writeFileSync } from 'node:fs'
import ExcelJS from 'exceljs'
import { pdfFonts, pdfText } from '../helpers/pdf-text'
import { openShop, partInput, post, type Shop } from './catalogue-fixture'

describe('stock card', () => {
  let s: Shop
  let partId: number
  beforeAll(async () => {
    s = await openShop()
    partId = (await s.clerk.ok('warehouse.parts.create', partInput({ sku: 'CARD-1', name: '充电口排线' }))).part.id
  })
  afterAll(async () => {
    await s.tc.close()
  })

  it('lists every ledger row newest first with its running balance, 50 a page, with balances per location', async () => {
    const qtys: number[] = []
    let balance = 0
    for (let i = 0; i < 120; i++) {
      const qty = balance > 3 && i % 3 === 2 ? -2 : 5
      balance += qty
      qtys.push(qty)
      await post(s.tc, { partId, qty, unitCostFen: 1200, at: new Date(Date.UTC(2026, 10, 1, 2, i)).toISOString(), userId: s.clerk.id, docNo: `DOC-${i}` })
    }
    await post(s.tc, { partId, qty: 4, location: 'quarantine', docType: 'transfer', at: '2026-11-02T00:00:00Z', userId: s.clerk.id })
    const pages = []
    let beforeId: number | undefined
    do {
      const page = await s.counter.ok('warehouse.stockCard', { partId, location: 'main', beforeId })
      pages.push(page)
      beforeId = page.nextBeforeId ?? undefined
    } while (beforeId)
    expect(pages.map((p) => p.moves.length)).toEqual([50, 50, 20])
    const rows = pages.flatMap((p) => p.moves)
    // Oldest first again: each balance is the sum of the quantities up to that row.
    const oldestFirst = [...rows].reverse()
    let running = 0
    oldestFirst.forEach((m, i) => {
      running += qtys[i]
      expect(m).toMatchObject({ qty: qtys[i], balanceAfter: running, docNo: `DOC-${i}`, userName: 'warehouse 员工', location: 'main' })
    })
    expect(pages[0].balances).toEqual({ main: balance, quarantine: 4 })
    expect(pages[0].moves[0].balanceAfter).toBe(balance)
    const q = await s.counter.ok('warehouse.stockCard', { partId, location: 'quarantine' })
    expect(q.moves.map((m) => [m.qty, m.balanceAfter, m.docType])).toEqual([[4, 4, 'transfer']])
    expect(await s.counter.call('warehouse.stockCard', { partId: 9999, location: 'main' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('shows a goods receipt posted through the router with its document number, user and cost', async () => {
    const p = (await s.clerk.ok('warehouse.parts.create', partInput({ sku: 'CARD-2', name: '摄像头' }))).part.id
    s.tc.clock.set('2026-11-23T06:30:00Z')
    const receipt = await s.clerk.ok('warehouse.receipts.create', {
      supplier: '华为备件',
      supplierDocNo: 'HW-778',
      lines: [{ partId: p, deliveredQty: 4, acceptedQty: 3, unitCostFen: 4500, rejectReason: '外壳破损' }]
    })
    const card = await s.counter.ok('warehouse.stockCard', { partId: p, location: 'main' })
    expect(card.moves).toHaveLength(1)
    expect(card.moves[0]).toMatchObject({ qty: 3, balanceAfter: 3, unitCostFen: 4500, docType: 'receipt', docNo: receipt.receiptNo, userName: 'warehouse 员工', at: '2026-11-23T06:30:00.000Z' })
    expect(card.balances).toEqual({ main: 3, quarantine: 0 })
    expect(card.part.avgCostFen).toBe(4500)
  })
})

describe('reorder report', () => {
  let s: Shop
  beforeAll(async () => {
    s = await openShop()
    const mk = async (sku: string, minStock: number, onHand: number, over: Parameters<typeof partInput>[0] = {}) => {
      const id = (await s.clerk.ok('warehouse.parts.create', partInput({ sku, minStock, ...over }))).part.id
      if (onHand) await post(s.tc, { partId: id, qty: onHand, unitCostFen: 2500, at: '2026-11-20T02:00:00Z', userId: s.clerk.id })
      return id
    }
    await mk('RO-A', 5, 2, { name: '屏幕总成', bin: 'A-01' })
    await mk('RO-B', 5, 5, { name: '电池' })
    await mk('RO-C', 5, 6)
    await mk('RO-D', 0, 0)
    await mk('RO-E', 5, 0, { active: false })
    const f = await mk('RO-F', 3, 0, { name: '后盖' })
    await post(s.tc, { partId: f, qty: 10, location: 'quarantine', unitCostFen: 2500, at: '2026-11-20T02:00:00Z', userId: s.clerk.id })
  })
  afterAll(async () => {
    await s.tc.close()
  })

  it('lists active parts at or below minimum (shelf stock only) with 2 × min − on hand', async () => {
    const r = await s.clerk.ok('warehouse.reorder', {})
    expect(r.lines.map((l) => [l.sku, l.minStock, l.onHand, l.suggestedQty, l.suggestedValueFen])).toEqual([
      ['RO-A', 5, 2, 8, 8 * 2500],
      ['RO-B', 5, 5, 5, 5 * 2500],
      // 10 in quarantine do not count: they cannot be issued
      ['RO-F', 3, 0, 6, 6 * 2500]
    ])
    expect(r.nextAfterId).toBeNull()
  })

  it('pages by part id', async () => {
    for (let i = 0; i < 55; i++) await s.clerk.ok('warehouse.parts.create', partInput({ sku: `RO-P${String(i).padStart(2, '0')}`, minStock: 1 }))
    const first = await s.clerk.ok('warehouse.reorder', {})
    expect(first.lines).toHaveLength(50)
    const second = await s.clerk.ok('warehouse.reorder', { afterId: first.nextAfterId! })
    expect(second.lines).toHaveLength(8)
    expect(second.nextAfterId).toBeNull()
  })

  it('exports an A4 PDF with the CJK font embedded, a UTF-8 CSV and an xlsx', async () => {
    const pdf = await s.clerk.ok('warehouse.reorder.export', { format: 'pdf' })
    expect(pdf).toMatchObject({ fileName: 'reorder-2026-11-23.pdf', mime: 'application/pdf' })
    const bytes = Buffer.from(pdf.base64, 'base64')
    writeFileSync(`${process.env.TMPDIR ?? '/tmp'}/rc-reorder.pdf`, bytes)
    const text = await pdfText(bytes)
    expect(text).toContain('补货建议表')
    expect(text).toContain('诚信手机维修中心')
    expect(text).toMatch(/RO-A\s+屏幕总成.*A-01\s+5\s+2\s+8\s*个\s+25\.00\s+200\.00/)
    expect(text).toContain('共 58 种零件')
    expect((await pdfFonts(bytes)).every((f) => f.embedded)).toBe(true)

    const csv = await s.clerk.ok('warehouse.reorder.export', { format: 'csv' })
    const csvText = Buffer.from(csv.base64, 'base64').toString('utf8')
    expect(csvText.startsWith('\uFEFF编码,名称,规格,单位,库位,最低,现存,建议补货,平均成本,补货金额\r\n')).toBe(true)
    expect(csvText).toContain('RO-A,屏幕总成,原装 黑色,个,A-01,5,2,8,25.00,200.00\r\n')

    const xlsx = await s.clerk.ok('warehouse.reorder.export', { format: 'xlsx' })
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(xlsx.base64, 'base64') as never)
    const ws = wb.worksheets[0]
    expect(ws.getRow(2).values).toEqual([undefined, '编码', '名称', '规格', '单位', '库位', '最低', '现存', '建议补货', '平均成本', '补货金额'])
    expect(ws.getRow(3).values).toEqual([undefined, 'RO-A', '屏幕总成', '原装 黑色', '个', 'A-01', 5, 2, 8, 25, 200])
    expect(ws.getCell('J3').numFmt).toBe('0.00')
    expect(ws.rowCount).toBe(2 + 58)
  })
})

describe('stock valuation at a past date', () => {
  let s: Shop
  const partIds: number[] = []
  beforeAll(async () => {
    s = await openShop()
    for (let i = 0; i < 6; i++) partIds.push((await s.clerk.ok('warehouse.parts.create', partInput({ sku: `VAL-${i}`, name: `估值零件${i}` }))).part.id)
    // A deterministic mix over ten days: receipts at changing costs, issues, quarantine transfers.
    let seed = 7
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n)
    const onHand = new Map<string, number>()
    for (let day = 10; day < 20; day++) {
      for (let k = 0; k < 12; k++) {
        const partId = partIds[rnd(partIds.length)]
        // Rows are appended in time order (the router serialises calls on one clock), as in the shop.
        const at = new Date(Date.UTC(2026, 10, day, 2 * k, rnd(60))).toISOString()
        const main = onHand.get(`${partId}main`) ?? 0
        const kind = rnd(4)
        if (kind <= 1 || main === 0) {
          const qty = 1 + rnd(9)
          await post(s.tc, { partId, qty, unitCostFen: 1000 + rnd(5000), at, userId: s.clerk.id })
          onHand.set(`${partId}main`, main + qty)
        } else if (kind === 2) {
          const qty = -(1 + rnd(main))
          await post(s.tc, { partId, qty, docType: 'adjustment', at, userId: s.clerk.id })
          onHand.set(`${partId}main`, main + qty)
        } else {
          await post(s.tc, { partId, qty: -1, docType: 'transfer', at, userId: s.clerk.id })
          await post(s.tc, { partId, qty: 1, location: 'quarantine', docType: 'transfer', at, userId: s.clerk.id })
          onHand.set(`${partId}main`, main - 1)
        }
      }
    }
  })
  afterAll(async () => {
    await s.tc.close()
  })

  /** Independently: sum of ledger quantities before the end of the day × the cost on the last row before it. */
  async function expected(endUtc: string) {
    const rows: { partId: number; qty: number; avgCostAfter: number; at: string; id: number }[] = await s.tc.core.dataSource.query(
      `SELECT partId, qty, avgCostAfter, at, id FROM stock_move ORDER BY id`
    )
    const byPart = new Map<number, { qty: number; cost: number }>()
    for (const r of rows.filter((r) => r.at < endUtc)) {
      const p = byPart.get(r.partId) ?? { qty: 0, cost: 0 }
      p.qty += r.qty
      p.cost = r.avgCostAfter
      byPart.set(r.partId, p)
    }
    const lines = [...byPart.entries()].filter(([, p]) => p.qty !== 0).map(([partId, p]) => ({ partId, qty: p.qty, valueFen: p.qty * p.cost }))
    return { lines, valueFen: lines.reduce((a, l) => a + l.valueFen, 0), qty: lines.reduce((a, l) => a + l.qty, 0) }
  }

  it.each(['2026-11-09', '2026-11-10', '2026-11-12', '2026-11-15', '2026-11-19', '2026-11-23'])('matches the ledger summed by hand on %s', async (date) => {
    const r = await s.manager.ok('warehouse.valuation', { date })
    // Asia/Shanghai: the day ends at 16:00 UTC.
    const end = new Date(Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10), 16)).toISOString()
    expect(r.asOf).toBe(end)
    const e = await expected(end)
    expect(r.totals).toEqual({ parts: e.lines.length, qty: e.qty, valueFen: e.valueFen })
    expect(r.lines.map((l) => ({ partId: l.partId, qty: l.mainQty + l.quarantineQty, valueFen: l.valueFen }))).toEqual(e.lines.sort((a, b) => a.partId - b.partId))
  })

  it('counts a movement at 23:59 local in that day and one at 00:00 the next day in the next', async () => {
    const partId = (await s.clerk.ok('warehouse.parts.create', partInput({ sku: 'VAL-EDGE' }))).part.id
    await post(s.tc, { partId, qty: 2, unitCostFen: 500, at: '2026-11-21T15:59:59.000Z', userId: s.clerk.id })
    await post(s.tc, { partId, qty: 3, unitCostFen: 1000, at: '2026-11-21T16:00:00.000Z', userId: s.clerk.id })
    const line = async (date: string) => (await s.clerk.ok('warehouse.valuation', { date })).lines.find((l) => l.partId === partId)
    expect(await line('2026-11-20')).toBeUndefined()
    expect(await line('2026-11-21')).toMatchObject({ mainQty: 2, avgCostFen: 500, valueFen: 1000 })
    expect(await line('2026-11-22')).toMatchObject({ mainQty: 5, avgCostFen: 800, valueFen: 4000 })
  })

  it('pages the list by part id; counter staff may not see values', async () => {
    const first = await s.clerk.ok('warehouse.valuation', { date: '2026-11-19' })
    expect(first.nextAfterId).toBeNull()
    expect(await s.counter.call('warehouse.valuation', { date: '2026-11-19' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await s.clerk.call('warehouse.valuation', { date: '2026-02-30' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
  })
})
