import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import { openShop, partInput, type Shop } from './catalogue-fixture'

const b64 = (s: string | Buffer) => (typeof s === 'string' ? Buffer.from(s, 'utf8') : s).toString('base64')
const BOM = '\uFEFF'

describe('catalogue CSV import and export', () => {
  let s: Shop
  beforeAll(async () => {
    s = await openShop()
  })
  afterAll(async () => {
    await s.tc.close()
  })
  const parts = () => s.tc.core.dataSource.query(`SELECT sku, name, spec, models, unit, barcode, bin, minStock, salePriceFen, active FROM part ORDER BY sku`)
  const importFile = (base64: string, who = s.clerk) => who.ok('warehouse.parts.importCsv', { fileName: 'parts.csv', base64 })

  it('reads a real GB18030 file (Excel on Chinese Windows) with Chinese headers and names', async () => {
    const file = readFileSync(join(__dirname, 'fixtures/parts-gb18030.csv'))
    const r = await importFile(file.toString('base64'))
    expect(r).toMatchObject({ ok: true, encoding: 'gb18030', rows: 3, created: 3, updated: 0, problems: [] })
    expect(await parts()).toEqual([
      { sku: 'GB-BAT-01', name: '电池', spec: '4800毫安', models: '华为 Mate 60', unit: '块', barcode: '6903000000028', bin: 'A-02-03', minStock: 5, salePriceFen: 12950, active: 1 },
      { sku: 'GB-FPC-01', name: '尾插排线（含麦克风）', spec: '', models: '荣耀 X50；小米 13', unit: '条', barcode: '', bin: 'B-01-01', minStock: 0, salePriceFen: 3500, active: 1 },
      { sku: 'GB-LCD-01', name: '屏幕总成', spec: '原装 OLED', models: '华为 Mate 60 Pro', unit: '个', barcode: '6903000000011', bin: 'A-01-01', minStock: 2, salePriceFen: 89900, active: 1 }
    ])
    // The imported names are searchable at once.
    expect((await s.counter.ok('warehouse.parts.search', { text: '尾插' })).parts.map((p) => p.sku)).toEqual(['GB-FPC-01'])
    const audit = await s.tc.core.dataSource.query(`SELECT detail FROM audit_log WHERE action = 'part.import'`)
    expect(JSON.parse(audit[0].detail)).toMatchObject({ fileName: 'parts.csv', encoding: 'gb18030', created: 3, updated: 0 })
  })

  it('reads UTF-8 with a BOM and English headers; rows update by SKU, unchanged rows count as such', async () => {
    const csv = `${BOM}SKU,Name,Unit,Min stock,Sale price,Active\r\ngb-lcd-01,屏幕总成,个,4,"1,099.00",yes\r\nGB-BAT-01,电池,块,5,129.50,yes\r\nEN-NEW-1,"Back cover, glass",pc,1,20,no\r\n`
    const r = await importFile(b64(csv))
    expect(r).toMatchObject({ ok: true, encoding: 'utf-8', rows: 3, created: 1, updated: 1, unchanged: 1 })
    const all = await parts()
    expect(all.find((p: { sku: string }) => p.sku === 'GB-LCD-01')).toMatchObject({ minStock: 4, salePriceFen: 109900, spec: '原装 OLED', barcode: '6903000000011' })
    expect(all.find((p: { sku: string }) => p.sku === 'EN-NEW-1')).toMatchObject({ name: 'Back cover, glass', unit: 'pc', active: 0 })
  })

  it('refuses a file with bad rows, naming each row, column and reason, and imports nothing', async () => {
    const before = await parts()
    const csv =
      '编码,名称,单位,条码,最低库存,售价,启用\n' +
      'OK-1,好零件,个,,1,10,是\n' + // row 2: fine on its own
      ',无编码,个,,1,10,是\n' + // row 3: sku missing
      'BAD SKU,有空格,个,,1,10,是\n' + // row 4: sku invalid
      'OK-2,价格错,个,,-3,12.345,是\n' + // row 5: min stock and price
      'OK-1,重复,个,,1,10,是\n' + // row 6: duplicate of row 2
      'OK-3,条码重复,个,6903000000011,1,10,也许\n' + // row 7: barcode belongs to GB-LCD-01; active unknown
      'OK-4,,,,,,\n' // row 8: name and unit missing
    const r = await importFile(b64(csv))
    expect(r.ok).toBe(false)
    expect(r.created + r.updated).toBe(0)
    expect(r.problems).toEqual([
      { row: 3, column: '编码', message: '必填' },
      { row: 4, column: '编码', message: '编码只能用字母、数字和 . _ - /，不能有空格' },
      { row: 5, column: '最低库存', message: '请输入整数' },
      { row: 5, column: '售价', message: '金额格式不对（如 12.50）' },
      { row: 6, column: '编码', message: '与第 2 行的编码重复' },
      { row: 7, column: '启用', message: '应填“是”或“否”' },
      { row: 8, column: '名称', message: '必填' },
      { row: 8, column: '单位', message: '必填' }
    ])
    expect(await parts()).toEqual(before)
    // Barcode clash with a part not in the file, once the row is otherwise clean.
    const clash = await importFile(b64('编码,名称,单位,条码\nOK-3,条码重复,个,6903000000011\n'))
    expect(clash.problems).toEqual([{ row: 2, column: '条码', message: '条码 6903000000011 已属于零件 GB-LCD-01' }])
    expect(await parts()).toEqual(before)
  })

  it('reports a bad header or an unreadable file', async () => {
    const r = await importFile(b64('编码,名字,单位,颜色\nX-1,a,个,红\n'))
    expect(r.ok).toBe(false)
    expect(r.problems).toEqual([
      { row: 1, column: '名字', message: '不认识的列名' },
      { row: 1, column: '颜色', message: '不认识的列名' },
      { row: 1, column: '名称', message: '缺少这一列' }
    ])
    const broken = await importFile(b64('编码,名称,单位\n"X-1,a,个\n'))
    expect(broken.ok).toBe(false)
    expect(broken.problems[0].message).toMatch(/^文件无法读取为 CSV/)
    expect((await importFile(b64('编码,名称,单位\n'))).problems).toEqual([{ row: 2, column: '', message: '文件只有表头，没有零件行' }])
    expect((await importFile(b64(BOM))).problems).toEqual([{ row: 1, column: '', message: '文件是空的' }])
    expect(await s.clerk.call('warehouse.parts.importCsv', { fileName: 'x.csv', base64: '' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { base64: '必填' } } })
  })

  it('exports UTF-8 with BOM and GB18030, and either file imports back unchanged (round trip)', async () => {
    await s.clerk.ok('warehouse.parts.create', partInput({ sku: 'RT-2', name: '听筒，"带网"', spec: '', models: '华为 P40, 荣耀 30', barcode: 'RT2', minStock: 3, salePriceFen: 1234, active: false }))
    const before = await parts()
    const utf8 = await s.clerk.ok('warehouse.parts.exportCsv', { encoding: 'utf-8' })
    const bytes = Buffer.from(utf8.base64, 'base64')
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(utf8.fileName).toMatch(/^parts-2026-11-23-utf-8\.csv$/)
    const text = bytes.toString('utf8')
    expect(text.split('\r\n')[0]).toBe('\uFEFF编码,名称,规格,适用机型,单位,条码,库位,最低库存,售价,成本,启用')
    expect(text).toContain('RT-2,"听筒，""带网""",,"华为 P40, 荣耀 30",个,RT2,A-01-01,3,12.34,0.00,否')
    const gb = await s.clerk.ok('warehouse.parts.exportCsv', { encoding: 'gb18030' })
    const gbBytes = Buffer.from(gb.base64, 'base64')
    expect(iconv.decode(gbBytes, 'gb18030')).toBe(text.slice(1))
    for (const file of [utf8.base64, gb.base64]) {
      const r = await importFile(file)
      expect(r).toMatchObject({ ok: true, created: 0, updated: 0, unchanged: before.length })
      expect(await parts()).toEqual(before)
    }
  })

  it('moves a barcode from one part to another within one file', async () => {
    await s.clerk.ok('warehouse.parts.create', partInput({ sku: 'SW-1', barcode: 'SWAP-A' }))
    await s.clerk.ok('warehouse.parts.create', partInput({ sku: 'SW-2', barcode: 'SWAP-B' }))
    const r = await importFile(b64('编码,名称,单位,条码\nSW-1,屏幕总成,个,SWAP-B\nSW-2,屏幕总成,个,SWAP-A\n'))
    expect(r).toMatchObject({ ok: true, updated: 2 })
    const rows = await s.tc.core.dataSource.query(`SELECT sku, barcode FROM part WHERE sku LIKE 'SW-%' ORDER BY sku`)
    expect(rows).toEqual([{ sku: 'SW-1', barcode: 'SWAP-B' }, { sku: 'SW-2', barcode: 'SWAP-A' }])
  })

  it('only warehouse staff and the manager import or export', async () => {
    expect(await s.counter.call('warehouse.parts.importCsv', { fileName: 'a.csv', base64: b64('编码,名称,单位\nA,b,c\n') })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await s.tech.call('warehouse.parts.exportCsv', { encoding: 'utf-8' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })
})
