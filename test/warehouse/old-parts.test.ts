/**
 * Old parts (旧件) and return-to-maker batches through the router on real SQLite: the record and its
 * thermal label decoded at the printer emulator, reprints, the batch lifecycle and every refusal,
 * the packing list PDF.
 */
import { mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { decodeEscPos } from '../helpers/escpos-decode'
import { pdfText, pdfToPng } from '../helpers/pdf-text'
import { startWarehouse, type WarehouseFixture } from './old-parts-fixture'

let f: WarehouseFixture

beforeEach(async () => {
  f = await startWarehouse()
})
afterEach(() => f.close())

/** The printed job whose barcode is `data` (intake tickets print on the same printer). */
async function labelPrinted(data: string, nth = 1) {
  for (let i = 0; i < 200; i++) {
    const labels = f.printer.jobs.map(decodeEscPos).filter((r) => r.barcodes.includes(data))
    if (labels.length >= nth) return labels[nth - 1]
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error(`label ${data} #${nth} never printed`)
}

const record = (orderNo: string, extra: Record<string, unknown> = {}) =>
  f.wh.call('warehouse.oldParts.create', { orderNo, partText: '屏幕总成', faultSymptom: '触摸失灵，左下角无反应', faultCode: 'LCD-07', ...extra })

describe('an old part', () => {
  it('is recorded with its work order and technician, and its label prints in Chinese with a CODE128 of its number', async () => {
    await f.usePrinter()
    const order = await f.order()
    const r = await record(order.orderNo.toLowerCase())
    if (!r.ok) throw new Error(JSON.stringify(r.error))
    const { oldPart, printJob } = r.value
    expect(oldPart.opNo).toBe('OP2611-0001')
    expect(oldPart.orderNo).toBe(order.orderNo)
    expect(oldPart.technician.displayName).toBe('technician 员工')
    expect(oldPart.status).toBe('waiting')
    expect(printJob.kind).toBe('oldPartLabel')

    const label = await labelPrinted(oldPart.opNo)
    expect(label.chineseMode).toBe(true)
    expect(label.barcodes).toEqual(['OP2611-0001'])
    for (const s of ['旧件标签', 'OP2611-0001', order.orderNo, '屏幕总成', 'technician 员工', 'LCD-07', '触摸失灵，左下角无反应', '华为 Mate 60']) {
      expect(label.text).toContain(s)
    }
    expect(label.cuts).toBe(1)
    expect(label.text).not.toMatch(/补打/)
    // Not stock: nothing in the ledger
    expect(await f.tc.core.dataSource.query('SELECT count(*) AS n FROM stock_move')).toEqual([{ n: 0 }])

    // Reprint: marked as a copy; both audited
    const again = await f.wh.ok('warehouse.oldParts.printLabel', { oldPartId: oldPart.id })
    expect(again.reprintNo).toBe(1)
    const copy = await labelPrinted(oldPart.opNo, 2)
    expect(copy.text).toContain('补打 第1次')
    const audit = await f.manager.ok('audit.list', { action: 'oldPart.' })
    expect(audit.rows.map((a) => a.action).sort()).toEqual(['oldPart.create', 'oldPart.printLabel'])
    const jobs = await f.clerk.ok('printing.jobs', { orderId: order.id })
    expect(jobs.filter((j) => j.kind === 'oldPartLabel').length).toBe(2)
  })

  it('lists by order and status; bad input is refused by field and nothing is written', async () => {
    const order = await f.order()
    const unknown = await record('RO2611-9999')
    expect(unknown.ok).toBe(false)
    if (!unknown.ok) expect(unknown.error.fields?.orderNo).toBe('没有这个工单号')
    const empty = await f.wh.call('warehouse.oldParts.create', { orderNo: order.orderNo, faultSymptom: '', faultCode: '' })
    expect(empty.ok).toBe(false)
    if (!empty.ok) {
      expect(empty.error.code).toBe('VALIDATION')
      expect(Object.keys(empty.error.fields ?? {}).sort()).toEqual(['faultCode', 'faultSymptom'])
    }
    const noPart = await record(order.orderNo, { partText: '' })
    expect(noPart.ok).toBe(false)
    if (!noPart.ok) expect(noPart.error.fields?.partText).toBe('必填')
    expect(await f.tc.core.dataSource.query('SELECT count(*) AS n FROM old_part')).toEqual([{ n: 0 }])

    // A catalogue part names the label when no text is given
    const partId = await f.part({ sku: 'SCR-M60', name: 'Mate60 屏幕' })
    const made = await f.wh.ok('warehouse.oldParts.create', { orderNo: order.orderNo, partId, faultSymptom: '花屏', faultCode: 'LCD-01' })
    expect(made.oldPart.partText).toBe('Mate60 屏幕')
    expect(made.oldPart.part?.sku).toBe('SCR-M60')
    await record(order.orderNo)
    expect((await f.tech.ok('warehouse.oldParts.list', { orderId: order.id })).map((p) => p.opNo)).toEqual(['OP2611-0002', 'OP2611-0001'])
    expect((await f.wh.ok('warehouse.oldParts.list', { status: 'waiting' })).length).toBe(2)
    // A technician sees an order's old parts (its page), not the warehouse's whole list
    const all = await f.tech.call('warehouse.oldParts.list', { status: 'waiting' })
    expect(all.ok).toBe(false)
    if (!all.ok) expect(all.error.code).toBe('FORBIDDEN')
    const info = await f.wh.ok('warehouse.oldParts.orderInfo', { orderNo: order.orderNo })
    expect(info.technicianId).toBe(f.tech.id)
    expect(info.oldParts.length).toBe(2)
    // The counter may look old parts up but not record them
    const counter = await f.clerk.call('warehouse.oldParts.create', { orderNo: order.orderNo, partText: 'x', faultSymptom: 'x', faultCode: 'x' })
    expect(counter.ok).toBe(false)
    if (!counter.ok) expect(counter.error.code).toBe('FORBIDDEN')
  })

  it('names the requisition line it replaced: a line of another order or of another part is refused', async () => {
    const order = await f.order()
    const other = await f.order()
    const screen = await f.part({ sku: 'SCR-P40', name: 'P40 屏幕' })
    const battery = await f.part({ sku: 'BAT-P40', name: 'P40 电池' })
    const rq = await f.tech.ok('warehouse.requisitions.create', { orderId: order.id, lines: [{ partId: screen, qty: 1 }] })
    const lineId = rq.lineViews[0].id
    const ok = await f.wh.ok('warehouse.oldParts.create', { orderNo: order.orderNo, partId: screen, requisitionLineId: lineId, faultSymptom: '花屏', faultCode: 'LCD-01' })
    expect(ok.oldPart.requisitionLineId).toBe(lineId)
    const wrongOrder = await f.wh.call('warehouse.oldParts.create', { orderNo: other.orderNo, partId: screen, requisitionLineId: lineId, faultSymptom: '花屏', faultCode: 'LCD-01' })
    expect(wrongOrder.ok).toBe(false)
    if (!wrongOrder.ok) expect(wrongOrder.error.fields?.requisitionLineId).toBe('该领料行不属于这个工单')
    const wrongPart = await f.wh.call('warehouse.oldParts.create', { orderNo: order.orderNo, partId: battery, requisitionLineId: lineId, faultSymptom: '鼓包', faultCode: 'BAT-02' })
    expect(wrongPart.ok).toBe(false)
    if (!wrongPart.ok) expect(wrongPart.error.fields?.requisitionLineId).toBe('该领料行领的是另一个零件')
  })
})

describe('a return-to-maker batch', () => {
  it('goes open → sent → credited, refuses every other step, holds a part once, and prints a packing list', async () => {
    const order = await f.order()
    const a = (await f.wh.ok('warehouse.oldParts.create', { orderNo: order.orderNo, partText: '屏幕总成', faultSymptom: '触摸失灵', faultCode: 'LCD-07' })).oldPart
    const b = (await f.wh.ok('warehouse.oldParts.create', { orderNo: order.orderNo, partText: '电池', faultSymptom: '鼓包', faultCode: 'BAT-02' })).oldPart
    const batch = await f.wh.ok('warehouse.rtm.create', { maker: '华为售后备件中心' })
    expect(batch).toMatchObject({ batchNo: 'RB2611-0001', status: 'open', parts: 0 })
    const other = await f.wh.ok('warehouse.rtm.create', { maker: '另一个厂家' })

    // Empty batches are not sent; credit before sending is refused
    const emptySend = await f.wh.call('warehouse.rtm.send', { batchId: batch.id, date: '2026-11-23', carrierRef: 'SF1234567890' })
    expect(emptySend.ok).toBe(false)
    if (!emptySend.ok) expect(emptySend.error.message).toBe('批次 RB2611-0001 里还没有旧件，不能发出')
    const early = await f.wh.call('warehouse.rtm.credit', { batchId: batch.id, creditNoteNo: 'CN-1', amountFen: 100 })
    expect(early.ok).toBe(false)
    if (!early.ok) expect(early.error.message).toBe('批次 RB2611-0001 当前为“未发出”，只有已发出的批次可以登记退款')

    // Added by id and by scanned number; a part in one batch only
    let view = await f.wh.ok('warehouse.rtm.add', { batchId: batch.id, oldPartIds: [a.id], opNos: [b.opNo.toLowerCase()] })
    expect(view.oldParts.map((p) => [p.opNo, p.status])).toEqual([
      [a.opNo, 'batched'],
      [b.opNo, 'batched']
    ])
    const twice = await f.wh.call('warehouse.rtm.add', { batchId: other.id, oldPartIds: [a.id] })
    expect(twice.ok).toBe(false)
    if (!twice.ok) expect(twice.error.message).toBe(`旧件 ${a.opNo} 已在返厂批次 RB2611-0001 中，一个旧件只能在一个批次里`)
    // Even direct SQL cannot move a part to another batch
    await expect(f.tc.core.dataSource.query('UPDATE old_part SET batchId = ? WHERE id = ?', [other.id, a.id])).rejects.toThrow(/one batch only/)

    view = await f.wh.ok('warehouse.rtm.remove', { batchId: batch.id, oldPartId: b.id })
    expect(view.parts).toBe(1)
    view = await f.wh.ok('warehouse.rtm.add', { batchId: batch.id, oldPartIds: [b.id] })

    const future = await f.wh.call('warehouse.rtm.send', { batchId: batch.id, date: '2026-11-24', carrierRef: 'SF1' })
    expect(future.ok).toBe(false)
    if (!future.ok) expect(future.error.fields?.date).toBe('发出日期不能晚于今天')
    const sent = await f.wh.ok('warehouse.rtm.send', { batchId: batch.id, date: '2026-11-23', carrierRef: 'SF1234567890' })
    expect(sent.status).toBe('sent')
    expect(sent.sent).toMatchObject({ date: '2026-11-23', carrierRef: 'SF1234567890' })
    expect(sent.oldParts.every((p) => p.status === 'sent')).toBe(true)

    // Only open batches are edited; a sent batch is not sent again
    for (const [channel, input] of [
      ['warehouse.rtm.remove', { batchId: batch.id, oldPartId: a.id }],
      ['warehouse.rtm.send', { batchId: batch.id, date: '2026-11-23', carrierRef: 'SF2' }]
    ] as const) {
      const r = await f.wh.call(channel, input as never)
      expect(r.ok).toBe(false)
      if (!r.ok) expect(r.error.message).toBe('批次 RB2611-0001 当前为“已发出”，只有未发出的批次可以修改或发出')
    }
    await expect(f.tc.core.dataSource.query(`UPDATE rtm_batch SET status = 'open' WHERE id = ?`, [batch.id])).rejects.toThrow(/open -> sent -> credited/)

    const credited = await f.wh.ok('warehouse.rtm.credit', { batchId: batch.id, creditNoteNo: 'HW-CN-2611-88', amountFen: 45_600 })
    expect(credited.status).toBe('credited')
    expect(credited.credited).toMatchObject({ creditNoteNo: 'HW-CN-2611-88', amountFen: 45_600 })
    expect((await f.wh.ok('warehouse.oldParts.list', { status: 'credited' })).length).toBe(2)
    const again = await f.wh.call('warehouse.rtm.credit', { batchId: batch.id, creditNoteNo: 'X', amountFen: 1 })
    expect(again.ok).toBe(false)

    const audit = await f.manager.ok('audit.list', { action: 'rtm.' })
    expect(audit.rows.map((r) => r.action).sort()).toEqual(['rtm.add', 'rtm.add', 'rtm.create', 'rtm.create', 'rtm.credit', 'rtm.remove', 'rtm.send'])
    expect((await f.wh.ok('warehouse.rtm.list', { status: 'credited' })).map((s) => s.batchNo)).toEqual(['RB2611-0001'])

    // The packing list: A4 PDF with the parts and the credit
    const out = await f.wh.ok('warehouse.rtm.pdf', { batchId: batch.id })
    const pdf = Buffer.from(out.base64, 'base64')
    const text = await pdfText(pdf)
    for (const s of ['旧件返厂装箱单', 'RB2611-0001', '华为售后备件中心', 'SF1234567890', a.opNo, b.opNo, order.orderNo, '屏幕总成', 'LCD-07', '鼓包', 'HW-CN-2611-88', '456.00', '合计 2 件']) {
      expect(text).toContain(s)
    }
    const dir = join(tmpdir(), 'rc-h3-pdf')
    mkdirSync(dir, { recursive: true })
    await pdfToPng(pdf, join(dir, 'packing-list.png'), { dpi: 60 })
  })
})
