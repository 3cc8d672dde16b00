import { mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { MANAGER, setUpStore, startTestCore, userWithRole, type Caller, type TestCore } from '../helpers/core'
import { checkLedger, createPart, stockUp, takeIn } from '../helpers/warehouse'
import { pdfText, pdfToPng } from '../helpers/pdf-text'
import { movingAverage } from '../../src/main/warehouse/ledger'
import { MAX_FEN } from '../../src/shared/domain/money'

/** Every movement through the real router on a real SQLite file: what posts, what is refused, what the user reads. */
describe('warehouse movements', () => {
  let tc: TestCore
  let manager: Caller
  let clerk: Caller & { id: number }
  let tech: Caller & { id: number }
  let counter: Caller & { id: number }
  let screen: number
  let battery: number
  let orderId: number

  const q = (sql: string, ...params: unknown[]) => tc.core.dataSource.query(sql, params)
  const balances = async (partId: number) => {
    const rows = (await q(`SELECT location, qty FROM stock_balance WHERE partId = ?`, partId)) as { location: string; qty: number }[]
    return Object.fromEntries(rows.map((r) => [r.location, r.qty]))
  }
  const auditCount = async () => ((await q(`SELECT count(*) AS n FROM audit_log`)) as { n: number }[])[0].n
  const snapshot = async () => ({
    moves: await q(`SELECT * FROM stock_move ORDER BY id`),
    balances: await q(`SELECT * FROM stock_balance ORDER BY partId, location`),
    lines: await q(`SELECT * FROM requisition_line ORDER BY id`),
    audit: await auditCount()
  })
  /** Runs a call that must be refused and checks nothing changed. */
  async function refused<T>(call: () => Promise<T>) {
    const before = await snapshot()
    const r = (await call()) as { ok: boolean; error?: { code: string; message: string; fields?: Record<string, string> } }
    expect(r.ok).toBe(false)
    const after = await snapshot()
    expect(after.moves).toEqual(before.moves)
    expect(after.balances).toEqual(before.balances)
    expect(after.lines).toEqual(before.lines)
    return r.error!
  }
  /** Runs a call that must succeed with exactly one audit row. */
  async function oneAudit<T>(call: () => Promise<T>): Promise<T> {
    const before = await auditCount()
    const v = await call()
    expect(await auditCount()).toBe(before + 1)
    return v
  }

  beforeEach(async () => {
    tc = await startTestCore()
    manager = await setUpStore(tc)
    clerk = await userWithRole(tc, manager, 'warehouse', 'store1')
    tech = await userWithRole(tc, manager, 'technician', 'tech1')
    counter = await userWithRole(tc, manager, 'counter', 'counter1')
    screen = await createPart(clerk, { sku: 'SCR-M60', name: 'Mate 60 屏幕总成', barcode: '6901234567890' })
    battery = await createPart(clerk, { sku: 'BAT-M60', name: 'Mate 60 电池', barcode: '6901234567891' })
    orderId = await takeIn(counter)
  })
  afterEach(async () => {
    await tc.close()
  })

  describe('goods receipt', () => {
    it('puts only the accepted quantity into stock, keeps the rejected with its reason, and moves the average cost', async () => {
      await stockUp(clerk, [{ partId: screen, qty: 2, unitCostFen: 30000 }])
      const r = await oneAudit(() =>
        clerk.ok('warehouse.receipts.create', {
          supplier: '华强北配件行',
          supplierDocNo: 'HQ-20261123-7',
          lines: [
            { partId: screen, deliveredQty: 5, acceptedQty: 4, unitCostFen: 36000, rejectReason: '屏幕有划痕' },
            { partId: battery, deliveredQty: 10, acceptedQty: 10, unitCostFen: 8000 }
          ]
        })
      )
      expect(r.receiptNo).toBe('GR2611-0002')
      expect(r.lineViews.map((l) => [l.part.sku, l.deliveredQty, l.acceptedQty, l.rejectedQty, l.rejectReason])).toEqual([
        ['SCR-M60', 5, 4, 1, '屏幕有划痕'],
        ['BAT-M60', 10, 10, 0, '']
      ])
      expect(r.acceptedFen).toBe(4 * 36000 + 10 * 8000)
      expect(await balances(screen)).toEqual({ main: 6 })
      expect(await balances(battery)).toEqual({ main: 10 })
      // (2 × 300.00 + 4 × 360.00) / 6 = 340.00
      const part = await clerk.ok('warehouse.parts.get', { partId: screen })
      expect(part.part.avgCostFen).toBe(34000)
      const moves = await q(`SELECT docType, docNo, qty, unitCostFen, location FROM stock_move WHERE docId = ? AND docType = 'receipt'`, r.id)
      expect(moves).toEqual([
        { docType: 'receipt', docNo: 'GR2611-0002', qty: 4, unitCostFen: 36000, location: 'main' },
        { docType: 'receipt', docNo: 'GR2611-0002', qty: 10, unitCostFen: 8000, location: 'main' }
      ])
    })

    it('asks for the reason of a rejected quantity and refuses accepted > delivered, changing nothing', async () => {
      const e = await refused(() =>
        clerk.call('warehouse.receipts.create', {
          supplier: '华强北配件行',
          supplierDocNo: 'X1',
          lines: [
            { partId: screen, deliveredQty: 5, acceptedQty: 3, unitCostFen: 100 },
            { partId: battery, deliveredQty: 1, acceptedQty: 2, unitCostFen: 100 }
          ]
        })
      )
      expect(e.code).toBe('VALIDATION')
      expect(e.fields).toEqual({ 'lines.0.rejectReason': '有不合格数量时请填写原因', 'lines.1.acceptedQty': '合格数量不能大于到货数量' })
      expect(await q(`SELECT * FROM goods_receipt`)).toEqual([])
    })

    it('refuses the same supplier document twice, and counter or technician staff', async () => {
      const input = { supplier: 'S', supplierDocNo: 'D-1', lines: [{ partId: screen, deliveredQty: 1, acceptedQty: 1, unitCostFen: 100 }] }
      await clerk.ok('warehouse.receipts.create', input)
      const dup = await refused(() => clerk.call('warehouse.receipts.create', input))
      expect(dup.fields).toEqual({ supplierDocNo: '这张供应商单据已入库（GR2611-0001）' })
      expect((await refused(() => tech.call('warehouse.receipts.create', { ...input, supplierDocNo: 'D-2' }))).code).toBe('FORBIDDEN')
      expect((await refused(() => counter.call('warehouse.receipts.create', { ...input, supplierDocNo: 'D-3' }))).code).toBe('FORBIDDEN')
    })

    it('averages the cost half up, restarts at the new price once stock went to zero, and refuses a receipt worth more than the money limit', async () => {
      await stockUp(clerk, [{ partId: screen, qty: 1, unitCostFen: 100 }])
      await stockUp(clerk, [{ partId: screen, qty: 2, unitCostFen: 101 }])
      // (1 × 1.00 + 2 × 1.01) / 3 = 1.0067 -> 1.01
      expect((await clerk.ok('warehouse.parts.get', { partId: screen })).part.avgCostFen).toBe(101)
      // Quarantine stock is valued too: moving it off the shelf does not restart the average.
      await clerk.ok('warehouse.transfers.create', { partId: screen, qty: 3, from: 'main', to: 'quarantine', reason: '待检' })
      await stockUp(clerk, [{ partId: screen, qty: 1, unitCostFen: 201 }])
      // (3 × 1.01 + 1 × 2.01) / 4 = 1.26
      expect((await clerk.ok('warehouse.parts.get', { partId: screen })).part.avgCostFen).toBe(126)
      // Everything written off: the next delivery's price is the average.
      for (const [location, qty] of [['quarantine', -3], ['main', -1]] as const) {
        const a = await clerk.ok('warehouse.adjustments.request', { partId: screen, location, qty, reason: '报废' })
        await clerk.ok('warehouse.adjustments.approve', { adjustmentId: a.id, approval: { username: MANAGER.username, pin: MANAGER.pin } })
      }
      await stockUp(clerk, [{ partId: screen, qty: 2, unitCostFen: 5000 }])
      expect((await clerk.ok('warehouse.parts.get', { partId: screen })).part.avgCostFen).toBe(5000)
      // Beyond 2^53 fen a float average would be off by one; the ledger computes it exactly.
      expect(movingAverage(9_463_323, 7_696_181_652, 74_307, 5_111_302_108)).toBe(7_676_043_038)
      expect(movingAverage(1, 100, 1, 101)).toBe(101)

      const e = await refused(() =>
        clerk.call('warehouse.receipts.create', {
          supplier: 'S',
          supplierDocNo: 'BIG-1',
          lines: [
            { partId: screen, deliveredQty: 1, acceptedQty: 1, unitCostFen: MAX_FEN },
            { partId: battery, deliveredQty: 1, acceptedQty: 1, unitCostFen: 1 }
          ]
        })
      )
      expect(e.fields).toEqual({ 'lines.1.unitCostFen': '入库金额合计超出上限（1 亿元）' })
    })

    it('prints the 接收单 as an A4 PDF with the delivery, the check and the rejected reason', async () => {
      const r = await clerk.ok('warehouse.receipts.create', {
        supplier: '华强北配件行',
        supplierDocNo: 'HQ-20261123-7',
        note: '上午送达',
        lines: [
          { partId: screen, deliveredQty: 5, acceptedQty: 4, unitCostFen: 36000, rejectReason: '屏幕有划痕' },
          { partId: battery, deliveredQty: 10, acceptedQty: 10, unitCostFen: 8000 }
        ]
      })
      const out = await oneAudit(() => clerk.ok('warehouse.receipts.pdf', { receiptId: r.id }))
      expect(out.fileName).toBe('GR2611-0001-goods-receipt.pdf')
      const pdf = Buffer.from(out.base64, 'base64')
      const text = (await pdfText(pdf)).replace(/[ \t]+/g, ' ')
      for (const s of ['诚信手机维修中心', '接收单', 'GR2611-0001', '华强北配件行', 'HQ-20261123-7', 'SCR-M60', 'Mate 60 屏幕总成', '¥360.00', '¥1440.00', '拒收明细', '屏幕有划痕', '共 2 行：到货 15，合格入库 14，拒收 1', '送货人', '验收人', '¥2240.00']) {
        expect(text).toContain(s)
      }
      const dir = join(process.env.TMPDIR ?? tmpdir(), 'rc-pdf-png')
      mkdirSync(dir, { recursive: true })
      await pdfToPng(pdf, join(dir, 'goods-receipt.png'), { dpi: 60 })
    })
  })

  describe('requisition and issue', () => {
    beforeEach(async () => {
      await stockUp(clerk, [
        { partId: screen, qty: 1 },
        { partId: battery, qty: 5 }
      ])
    })

    const request = (who: Caller, lines = [{ partId: 0, qty: 2 }]) => who.ok('warehouse.requisitions.create', { orderId, lines })

    it('a technician requests for an order in the shop; the warehouse issues part of a short line, the rest later', async () => {
      const req = await oneAudit(() => request(tech, [{ partId: screen, qty: 2 }, { partId: battery, qty: 1 }]))
      expect(req).toMatchObject({ reqNo: 'RQ2611-0001', status: 'open', requestedBy: { id: tech.id }, order: { id: orderId, inShop: true } })
      const [scrLine, batLine] = req.lineViews
      expect(await balances(screen)).toEqual({ main: 1 }) // requesting changes no stock
      const after = await oneAudit(() =>
        clerk.ok('warehouse.requisitions.issue', { requisitionId: req.id, lines: [{ lineId: scrLine.id, qty: 1 }, { lineId: batLine.id, qty: 1 }] })
      )
      expect(after.status).toBe('open')
      expect(after.lineViews.map((l) => [l.issuedQty, l.toIssueQty])).toEqual([[1, 1], [1, 0]])
      expect(await balances(screen)).toEqual({ main: 0 })
      expect(await balances(battery)).toEqual({ main: 4 })
      // The second screen arrives and is issued: the requisition is done.
      await stockUp(clerk, [{ partId: screen, qty: 1 }])
      const done = await clerk.ok('warehouse.requisitions.issue', { requisitionId: req.id, lines: [{ lineId: scrLine.id, qty: 1 }] })
      expect(done.status).toBe('done')
      const rows = await q(`SELECT docType, docNo, qty, orderId FROM stock_move WHERE docType = 'issue' ORDER BY id`)
      expect(rows).toEqual([
        { docType: 'issue', docNo: 'RQ2611-0001', qty: -1, orderId },
        { docType: 'issue', docNo: 'RQ2611-0001', qty: -1, orderId },
        { docType: 'issue', docNo: 'RQ2611-0001', qty: -1, orderId }
      ])
      expect((await refused(() => clerk.call('warehouse.requisitions.issue', { requisitionId: req.id, lines: [{ lineId: batLine.id, qty: 1 }] }))).message).toBe(
        '领料单 RQ2611-0001 已全部发料'
      )
    })

    it('refuses an issue beyond stock, naming the part and what is on hand, and changes nothing (even the other lines)', async () => {
      const req = await request(tech, [{ partId: battery, qty: 1 }, { partId: screen, qty: 2 }])
      const e = await refused(() =>
        clerk.call('warehouse.requisitions.issue', { requisitionId: req.id, lines: [{ lineId: req.lineViews[0].id, qty: 1 }, { lineId: req.lineViews[1].id, qty: 2 }] })
      )
      expect(e).toMatchObject({ code: 'CONFLICT', message: 'SCR-M60 Mate 60 屏幕总成 库存不足：现有 1，需要 2' })
      expect(await balances(battery)).toEqual({ main: 5 })
    })

    it('never issues quarantine stock, and says so', async () => {
      await clerk.ok('warehouse.transfers.create', { partId: screen, qty: 1, from: 'main', to: 'quarantine', reason: '外观待检' })
      const req = await request(tech, [{ partId: screen, qty: 1 }])
      const e = await refused(() => clerk.call('warehouse.requisitions.issue', { requisitionId: req.id, lines: [{ lineId: req.lineViews[0].id, qty: 1 }] }))
      expect(e.message).toBe('SCR-M60 Mate 60 屏幕总成 货架库存不足：现有 0，需要 1（隔离区的 1 件不可发料）')
      // Not even by writing the ledger row directly: the trigger refuses issues from quarantine.
      await expect(
        q(`INSERT INTO stock_move (partId, location, qty, unitCostFen, balanceAfter, avgCostAfter, docType, docId, docNo, userId, at)
           VALUES (?, 'quarantine', -1, 0, 0, 0, 'issue', 1, 'X', 1, '2026-11-23T00:00:00Z')`, screen)
      ).rejects.toThrow(/issues come from main stock only/)
    })

    it('issues nothing without a requisition line of that requisition, nor more than requested', async () => {
      const mine = await request(tech, [{ partId: battery, qty: 1 }])
      const other = await request(clerk, [{ partId: screen, qty: 1 }])
      const wrongLine = await refused(() => clerk.call('warehouse.requisitions.issue', { requisitionId: mine.id, lines: [{ lineId: other.lineViews[0].id, qty: 1 }] }))
      expect(wrongLine.fields).toEqual({ 'lines.0.lineId': '领料单上没有这一行：没有领料单不能发料' })
      const noSuchLine = await refused(() => clerk.call('warehouse.requisitions.issue', { requisitionId: mine.id, lines: [{ lineId: 9999, qty: 1 }] }))
      expect(noSuchLine.code).toBe('VALIDATION')
      expect((await refused(() => clerk.call('warehouse.requisitions.issue', { requisitionId: 9999, lines: [{ lineId: mine.lineViews[0].id, qty: 1 }] }))).code).toBe('NOT_FOUND')
      const over = await refused(() => clerk.call('warehouse.requisitions.issue', { requisitionId: mine.id, lines: [{ lineId: mine.lineViews[0].id, qty: 2 }] }))
      expect(over.fields).toEqual({ 'lines.0.qty': '超出领料数量：这一行还可发 1' })
    })

    it('refuses a requisition or an issue for an order that has left the shop (void, or handed back) — checked at issue time too', async () => {
      const req = await request(tech, [{ partId: battery, qty: 2 }])
      await manager.ok('orders.void', { orderId, reason: '录错单' })
      const orderNo = ((await q(`SELECT orderNo FROM work_order WHERE id = ?`, orderId)) as { orderNo: string }[])[0].orderNo
      const atIssue = await refused(() => clerk.call('warehouse.requisitions.issue', { requisitionId: req.id, lines: [{ lineId: req.lineViews[0].id, qty: 1 }] }))
      expect(atIssue.message).toBe(`工单 ${orderNo} 的设备已不在店内（已作废或已取机），不能领料发料`)
      expect((await refused(() => tech.call('warehouse.requisitions.create', { orderId, lines: [{ partId: battery, qty: 1 }] }))).code).toBe('CONFLICT')
      // Handed back (returnedAt set): the same rule.
      const second = await takeIn(counter)
      const req2 = await tech.ok('warehouse.requisitions.create', { orderId: second, lines: [{ partId: battery, qty: 1 }] })
      await q(`UPDATE work_order SET returnedAt = '2026-11-23T03:00:00.000Z' WHERE id = ?`, second)
      expect((await refused(() => clerk.call('warehouse.requisitions.issue', { requisitionId: req2.id, lines: [{ lineId: req2.lineViews[0].id, qty: 1 }] }))).code).toBe('CONFLICT')
      expect((await refused(() => tech.call('warehouse.requisitions.create', { orderId: 9999, lines: [{ partId: battery, qty: 1 }] }))).fields).toEqual({ orderId: '没有这张工单' })
    })

    it('refuses a second line for the same part instead of merging it', async () => {
      const e = await refused(() =>
        tech.call('warehouse.requisitions.create', { orderId, lines: [{ partId: battery, qty: 100000 }, { partId: screen, qty: 1 }, { partId: battery, qty: 100000 }] })
      )
      expect(e.fields).toEqual({ 'lines.2.partId': '这个零件已在上面一行：请改那一行的数量' })
      expect(await q(`SELECT * FROM requisition`)).toEqual([])
    })

    it("a technician's list filtered by status pages through all of their own (the filter is not applied after the page)", async () => {
      const first = await request(tech, [{ partId: battery, qty: 1 }])
      for (let i = 0; i < 55; i++) {
        const r = await request(tech, [{ partId: battery, qty: 1 }])
        await tech.ok('warehouse.requisitions.cancel', { requisitionId: r.id, reason: '测试' })
      }
      const open = await tech.ok('warehouse.requisitions.list', { status: 'open' })
      expect(open.map((r) => r.id)).toEqual([first.id])
      const cancelled = await tech.ok('warehouse.requisitions.list', { status: 'cancelled' })
      expect(cancelled).toHaveLength(50)
      const rest = await tech.ok('warehouse.requisitions.list', { status: 'cancelled', beforeId: cancelled[49].id })
      expect(rest).toHaveLength(5)
    })

    it('technicians see only their own requisitions and cannot issue; counter staff cannot request', async () => {
      const tech2 = await userWithRole(tc, manager, 'technician', 'tech2')
      const mine = await request(tech, [{ partId: battery, qty: 1 }])
      const theirs = await request(tech2, [{ partId: battery, qty: 1 }])
      expect((await tech.ok('warehouse.requisitions.list', {})).map((r) => r.id)).toEqual([mine.id])
      expect((await clerk.ok('warehouse.requisitions.list', {})).map((r) => r.id)).toEqual([theirs.id, mine.id])
      expect((await tech.call('warehouse.requisitions.get', { requisitionId: theirs.id })).ok).toBe(false)
      expect((await tech.ok('warehouse.orderParts', { orderId })).requisitions.map((r) => r.id)).toEqual([mine.id])
      expect((await refused(() => tech.call('warehouse.requisitions.issue', { requisitionId: mine.id, lines: [{ lineId: mine.lineViews[0].id, qty: 1 }] }))).code).toBe('FORBIDDEN')
      expect((await refused(() => counter.call('warehouse.requisitions.create', { orderId, lines: [{ partId: battery, qty: 1 }] }))).code).toBe('FORBIDDEN')
      expect((await tech.call('warehouse.requisitions.cancel', { requisitionId: theirs.id, reason: 'x' })).ok).toBe(false)
      const cancelled = await oneAudit(() => tech.ok('warehouse.requisitions.cancel', { requisitionId: mine.id, reason: '不需要了' }))
      expect(cancelled.status).toBe('cancelled')
      expect((await refused(() => clerk.call('warehouse.requisitions.issue', { requisitionId: mine.id, lines: [{ lineId: mine.lineViews[0].id, qty: 1 }] }))).message).toBe(
        '领料单 RQ2611-0001 已取消'
      )
    })
  })

  describe('returns of unused parts', () => {
    it('returns to the shelf or to quarantine, never more than is out; a void order offers its unused parts', async () => {
      await stockUp(clerk, [{ partId: battery, qty: 5 }])
      const req = await tech.ok('warehouse.requisitions.create', { orderId, lines: [{ partId: battery, qty: 3 }] })
      const line = req.lineViews[0]
      await clerk.ok('warehouse.requisitions.issue', { requisitionId: req.id, lines: [{ lineId: line.id, qty: 3 }] })
      await manager.ok('orders.void', { orderId, reason: '客户取消维修' })
      const offered = await clerk.ok('warehouse.orderParts', { orderId })
      expect(offered.order.inShop).toBe(false)
      expect(offered.unreturnedQty).toBe(3)
      const back = await oneAudit(() => clerk.ok('warehouse.returns.create', { lineId: line.id, qty: 2, location: 'main', note: '' }))
      expect(back.lineViews[0]).toMatchObject({ issuedQty: 3, returnedQty: 2, unreturnedQty: 1 })
      await clerk.ok('warehouse.returns.create', { lineId: line.id, qty: 1, location: 'quarantine', note: '包装破损' })
      expect(await balances(battery)).toEqual({ main: 4, quarantine: 1 })
      const over = await refused(() => clerk.call('warehouse.returns.create', { lineId: line.id, qty: 1, location: 'main', note: '' }))
      expect(over.fields).toEqual({ qty: '退回数量超出：这一行未退回的只有 0' })
      expect((await refused(() => tech.call('warehouse.returns.create', { lineId: line.id, qty: 1, location: 'main', note: '' }))).code).toBe('FORBIDDEN')
      const view = await clerk.ok('warehouse.orderParts', { orderId })
      expect(view.unreturnedQty).toBe(0)
      expect(view.moves.map((m) => [m.docType, m.location, m.qty, m.sku])).toEqual([
        ['return', 'quarantine', 1, 'BAT-M60'],
        ['return', 'main', 2, 'BAT-M60'],
        ['issue', 'main', -3, 'BAT-M60']
      ])
    })
  })

  describe('transfers and adjustments', () => {
    const approval = { username: MANAGER.username, pin: MANAGER.pin }

    it('moves stock to quarantine; back to the shelf only with a manager approval', async () => {
      await stockUp(clerk, [{ partId: screen, qty: 3 }])
      const t = await oneAudit(() => clerk.ok('warehouse.transfers.create', { partId: screen, qty: 2, from: 'main', to: 'quarantine', reason: '疑似不良' }))
      expect(t).toMatchObject({ transferNo: 'TR2611-0001', balances: { main: 1, quarantine: 2 }, approvedBy: null })
      expect((await refused(() => clerk.call('warehouse.transfers.create', { partId: screen, qty: 1, from: 'quarantine', to: 'main', reason: '复检合格' }))).fields).toEqual({
        'approval.username': '从隔离区转回货架需要经理审批'
      })
      expect((await refused(() => clerk.call('warehouse.transfers.create', { partId: screen, qty: 3, from: 'main', to: 'quarantine', reason: 'x' }))).message).toContain('现有 1，需要 3')
      const back = await clerk.ok('warehouse.transfers.create', { partId: screen, qty: 1, from: 'quarantine', to: 'main', reason: '复检合格', approval })
      expect(back).toMatchObject({ balances: { main: 2, quarantine: 1 }, approvedBy: { displayName: MANAGER.displayName } })
      expect((await refused(() => counter.call('warehouse.transfers.create', { partId: screen, qty: 1, from: 'main', to: 'quarantine', reason: 'x' }))).code).toBe('FORBIDDEN')
    })

    it('an adjustment is pending (no stock change) until a manager approves with their PIN; then one ledger row posts', async () => {
      await stockUp(clerk, [{ partId: battery, qty: 5 }])
      const adj = await oneAudit(() => clerk.ok('warehouse.adjustments.request', { partId: battery, location: 'main', qty: -2, reason: '跌落损坏' }))
      expect(adj).toMatchObject({ adjNo: 'AD2611-0001', status: 'pending', onHand: 5 })
      expect(await balances(battery)).toEqual({ main: 5 })
      expect((await clerk.ok('warehouse.adjustments.list', { status: 'pending' })).map((a) => a.id)).toEqual([adj.id])

      const wrongPin = await refused(() => clerk.call('warehouse.adjustments.approve', { adjustmentId: adj.id, approval: { ...approval, pin: '0000' } }))
      expect(wrongPin.fields).toEqual({ 'approval.pin': 'PIN 不正确，还可尝试 4 次' })
      // The wrong PIN counts towards the manager's lockout (committed although the call failed).
      expect(((await q(`SELECT failedPins FROM "user" WHERE username = ?`, MANAGER.username)) as { failedPins: number }[])[0].failedPins).toBe(1)
      const notManager = await refused(() => clerk.call('warehouse.adjustments.approve', { adjustmentId: adj.id, approval: { username: 'store1', pin: '1357' } }))
      expect(notManager.fields).toEqual({ 'approval.username': '不是在职的经理用户名' })
      expect((await refused(() => tech.call('warehouse.adjustments.approve', { adjustmentId: adj.id, approval }))).code).toBe('FORBIDDEN')
      expect((await clerk.ok('warehouse.adjustments.list', {}))[0].status).toBe('pending')

      const ok = await oneAudit(() => clerk.ok('warehouse.adjustments.approve', { adjustmentId: adj.id, approval }))
      expect(ok).toMatchObject({ status: 'approved', decidedBy: { displayName: MANAGER.displayName }, onHand: 3 })
      expect(await q(`SELECT docType, docNo, qty, note FROM stock_move WHERE docType = 'adjustment'`)).toEqual([{ docType: 'adjustment', docNo: 'AD2611-0001', qty: -2, note: '跌落损坏' }])
      expect(((await q(`SELECT failedPins FROM "user" WHERE username = ?`, MANAGER.username)) as { failedPins: number }[])[0].failedPins).toBe(0)
      expect((await refused(() => clerk.call('warehouse.adjustments.approve', { adjustmentId: adj.id, approval }))).message).toBe('调整单 AD2611-0001 已批准')
    })

    it('a rejected adjustment posts nothing; approving one that would go negative is refused', async () => {
      await stockUp(clerk, [{ partId: battery, qty: 1 }])
      const a = await clerk.ok('warehouse.adjustments.request', { partId: battery, location: 'main', qty: 4, reason: '盘盈' })
      const r = await oneAudit(() => clerk.ok('warehouse.adjustments.reject', { adjustmentId: a.id, reason: '先盘点', approval }))
      expect(r).toMatchObject({ status: 'rejected', rejectReason: '先盘点' })
      expect(await balances(battery)).toEqual({ main: 1 })
      const b = await clerk.ok('warehouse.adjustments.request', { partId: battery, location: 'main', qty: -3, reason: '丢失' })
      expect((await refused(() => manager.call('warehouse.adjustments.approve', { adjustmentId: b.id, approval }))).message).toBe('BAT-M60 Mate 60 电池 库存不足：现有 1，需要 3')
      expect((await refused(() => clerk.call('warehouse.adjustments.request', { partId: battery, location: 'main', qty: 0, reason: 'x' }))).fields).toEqual({
        qty: '数量应为 -100000 到 100000 之间、不为 0 的整数'
      })
    })

    it('five wrong approval PINs lock the manager', async () => {
      await stockUp(clerk, [{ partId: battery, qty: 1 }])
      const a = await clerk.ok('warehouse.adjustments.request', { partId: battery, location: 'main', qty: 1, reason: '盘盈' })
      for (let i = 0; i < 4; i++) await clerk.call('warehouse.adjustments.approve', { adjustmentId: a.id, approval: { ...approval, pin: '0000' } })
      const fifth = await clerk.call('warehouse.adjustments.approve', { adjustmentId: a.id, approval: { ...approval, pin: '0000' } })
      expect(fifth).toMatchObject({ ok: false, error: { code: 'LOCKED' } })
      const right = await clerk.call('warehouse.adjustments.approve', { adjustmentId: a.id, approval })
      expect(right).toMatchObject({ ok: false, error: { code: 'LOCKED' } })
      expect(await balances(battery)).toEqual({ main: 1 })
    })
  })

  describe('the ledger in the database', () => {
    beforeEach(async () => {
      await stockUp(clerk, [{ partId: battery, qty: 5 }])
    })

    it.each([
      [`UPDATE stock_move SET qty = 50`, /stock_move is append-only/],
      [`DELETE FROM stock_move`, /stock_move is append-only/],
      [`UPDATE stock_balance SET qty = 50`, /stock_balance is kept by the ledger/],
      [`DELETE FROM stock_balance`, /stock_balance is kept by the ledger/],
      [`INSERT OR REPLACE INTO stock_balance (partId, location, qty) SELECT partId, location, qty + 1 FROM stock_balance`, /stock_balance is kept by the ledger/],
      [`INSERT INTO stock_move (partId, location, qty, unitCostFen, balanceAfter, avgCostAfter, docType, docId, docNo, userId, at)
        SELECT partId, 'main', -6, 0, -1, 0, 'adjustment', 1, 'X', 1, '2026-11-23T00:00:00Z' FROM stock_move LIMIT 1`, /stock cannot go negative/]
    ])('direct SQL is refused: %s', async (sql, message) => {
      const before = await snapshot()
      await expect(q(sql)).rejects.toThrow(message)
      const after = await snapshot()
      expect(after.moves).toEqual(before.moves)
      expect(after.balances).toEqual(before.balances)
    })

    it('balance equals the sum of ledger rows after a mix of movements', async () => {
      const req = await tech.ok('warehouse.requisitions.create', { orderId, lines: [{ partId: battery, qty: 2 }] })
      await clerk.ok('warehouse.requisitions.issue', { requisitionId: req.id, lines: [{ lineId: req.lineViews[0].id, qty: 2 }] })
      await clerk.ok('warehouse.returns.create', { lineId: req.lineViews[0].id, qty: 1, location: 'quarantine', note: '' })
      const check = await checkLedger(tc)
      expect(check).toMatchObject({ mismatches: [], negatives: 0, moves: 3 })
    })
  })
})
