import { openShop, partInput, post, type Shop } from './catalogue-fixture'

describe('parts catalogue through the router', () => {
  let s: Shop
  beforeAll(async () => {
    s = await openShop()
  })
  afterAll(async () => {
    await s.tc.close()
  })
  const auditRows = (action: string) =>
    s.tc.core.dataSource.query(`SELECT entityId, detail FROM audit_log WHERE action = ? ORDER BY id`, [action]) as Promise<{ entityId: number; detail: string }[]>

  it('creates a part with normalised fields and audits it', async () => {
    const created = await s.clerk.ok('warehouse.parts.create', partInput({ sku: ' ｓｃｒ-m60-blk ', name: '屏幕总成 Mate 60', barcode: '6901234567890', minStock: 3, salePriceFen: 89900 }))
    expect(created.part).toMatchObject({ sku: 'SCR-M60-BLK', name: '屏幕总成 Mate 60', barcode: '6901234567890', minStock: 3, salePriceFen: 89900, avgCostFen: 0, active: true })
    expect(created.balances).toEqual({ main: 0, quarantine: 0 })
    const rows = await auditRows('part.create')
    expect(rows.at(-1)?.entityId).toBe(created.part.id)
  })

  it('refuses a duplicate SKU or barcode, naming the part that has it, and changes nothing', async () => {
    const a = await s.clerk.ok('warehouse.parts.create', partInput({ sku: 'BAT-P40', name: '电池 P40', barcode: 'BC-P40' }))
    const dupSku = await s.clerk.call('warehouse.parts.create', partInput({ sku: 'bat-p40', name: '别的电池' }))
    expect(dupSku).toMatchObject({ ok: false, error: { code: 'CONFLICT', fields: { sku: '已被零件“电池 P40”使用' } } })
    if (!dupSku.ok) expect(dupSku.error.message).toBe('编码 BAT-P40 已被零件“电池 P40”使用')
    const dupBarcode = await s.clerk.call('warehouse.parts.create', partInput({ sku: 'BAT-P50', barcode: 'BC-P40' }))
    expect(dupBarcode).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '条码 BC-P40 已属于零件 BAT-P40 电池 P40', fields: { barcode: '已属于零件 BAT-P40 电池 P40' } } })
    const count = await s.tc.core.dataSource.query(`SELECT count(*) AS n FROM part WHERE sku = 'BAT-P50'`)
    expect(count[0].n).toBe(0)
    // Updating another part onto a taken SKU is refused too; keeping its own is fine.
    const b = await s.clerk.ok('warehouse.parts.create', partInput({ sku: 'BAT-P30', name: '电池 P30' }))
    const clash = await s.clerk.call('warehouse.parts.update', { ...partInput({ sku: 'BAT-P40' }), partId: b.part.id })
    expect(clash).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    const same = await s.clerk.ok('warehouse.parts.update', { ...partInput({ sku: 'BAT-P40', name: '电池 P40', barcode: 'BC-P40' }), partId: a.part.id })
    expect(same.part.sku).toBe('BAT-P40')
    // Empty barcodes are many (unique only when set).
    await s.clerk.ok('warehouse.parts.create', partInput({ barcode: '' }))
    await s.clerk.ok('warehouse.parts.create', partInput({ barcode: '' }))
  })

  it('validates every field with translated messages', async () => {
    const bad = await s.clerk.call('warehouse.parts.create', {
      sku: 'A B',
      name: '',
      unit: '个',
      barcode: '69 01',
      minStock: -1,
      salePriceFen: 12.5
    })
    expect(bad.ok).toBe(false)
    if (bad.ok) return
    expect(bad.error.code).toBe('VALIDATION')
    expect(bad.error.fields).toMatchObject({
      sku: '编码只能用字母、数字和 . _ - /，不能有空格',
      name: '必填',
      barcode: '条码只能用字母、数字和符号（半角），不能有空格',
      minStock: '最低库存应为 0 到 1000000 的整数',
      salePriceFen: '请输入整数'
    })
    const long = await s.clerk.call('warehouse.parts.create', partInput({ models: 'x'.repeat(201) }))
    expect(long).toMatchObject({ ok: false, error: { fields: { models: '内容过长（最多 200 字）' } } })
  })

  it('updates a part, auditing exactly what changed; an unchanged save writes nothing', async () => {
    const p = await s.clerk.ok('warehouse.parts.create', partInput({ sku: 'CAM-R12', name: '后摄像头', minStock: 2 }))
    s.tc.clock.set('2026-11-24T03:00:00Z')
    const u = await s.manager.ok('warehouse.parts.update', { ...partInput({ sku: 'CAM-R12', name: '后置摄像头', minStock: 4, bin: 'B-02' }), partId: p.part.id })
    expect(u.part).toMatchObject({ name: '后置摄像头', minStock: 4, bin: 'B-02', updatedAt: '2026-11-24T03:00:00.000Z' })
    const rows = await auditRows('part.update')
    const changes = JSON.parse(rows.at(-1)!.detail).changes
    expect(changes).toEqual({ name: { old: '后摄像头', new: '后置摄像头' }, minStock: { old: 2, new: 4 }, bin: { old: 'A-01-01', new: 'B-02' } })
    const before = rows.length
    await s.manager.ok('warehouse.parts.update', { ...partInput({ sku: 'CAM-R12', name: '后置摄像头', minStock: 4, bin: 'B-02' }), partId: p.part.id })
    expect((await auditRows('part.update')).length).toBe(before)
    const missing = await s.clerk.call('warehouse.parts.update', { ...partInput(), partId: 99999 })
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('lets counter and technician look up but not write', async () => {
    const p = await s.clerk.ok('warehouse.parts.create', partInput({ sku: 'ROLE-1' }))
    for (const who of [s.counter, s.tech]) {
      expect((await who.call('warehouse.parts.create', partInput())).ok ? 'ok' : 'refused').toBe('refused')
      expect(await who.call('warehouse.parts.update', { ...partInput({ sku: 'ROLE-1' }), partId: p.part.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
      expect((await who.ok('warehouse.parts.get', { partId: p.part.id })).part.sku).toBe('ROLE-1')
      expect((await who.ok('warehouse.parts.search', { text: 'ROLE' })).parts.map((x) => x.sku)).toEqual(['ROLE-1'])
      expect((await who.ok('warehouse.stockCard', { partId: p.part.id, location: 'main' })).moves).toEqual([])
      expect(await who.call('warehouse.reorder', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
    const anon = s.tc.session()
    expect(await anon.call('warehouse.parts.search', { text: '' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
  })
})

describe('part search and the scanner path', () => {
  let s: Shop
  const ids: Record<string, number> = {}
  beforeAll(async () => {
    s = await openShop()
    const mk = async (key: string, over: Parameters<typeof partInput>[0]) => (ids[key] = (await s.clerk.ok('warehouse.parts.create', partInput(over))).part.id)
    await mk('screen', { sku: 'LCD-M60', name: '屏幕总成', spec: 'OLED 原装', models: '华为 Mate 60 Pro', barcode: '6901111111111' })
    await mk('battery', { sku: 'BAT-M60', name: '电池', spec: '4800mAh', models: '华为 Mate 60', barcode: '6902222222222' })
    await mk('iphone', { sku: 'LCD-IP12', name: 'Screen assembly', spec: 'incell', models: 'iPhone 12 / 12 Pro', barcode: '' })
    await mk('old', { sku: 'LCD-OLD', name: '屏幕总成 旧款', models: '华为 P20', active: false })
    await post(s.tc, { partId: ids.screen, qty: 5, unitCostFen: 30000, at: '2026-11-23T01:00:00Z', userId: s.clerk.id })
  })
  afterAll(async () => {
    await s.tc.close()
  })
  const skus = async (text: string, includeInactive = false) => (await s.counter.ok('warehouse.parts.search', { text, includeInactive })).parts.map((p) => p.sku)

  it('finds by SKU prefix in SKU order, case and width ignored', async () => {
    expect(await skus('lcd')).toEqual(['LCD-IP12', 'LCD-M60'])
    expect(await skus('ＬＣＤ-M')).toEqual(['LCD-M60'])
    expect(await skus('lcd', true)).toEqual(['LCD-IP12', 'LCD-M60', 'LCD-OLD'])
  })

  it('finds by exact barcode, first, with stock on hand', async () => {
    const r = await s.counter.ok('warehouse.parts.search', { text: '6901111111111' })
    expect(r.parts).toHaveLength(1)
    expect(r.parts[0]).toMatchObject({ sku: 'LCD-M60', matchedBy: 'barcode', mainQty: 5, quarantineQty: 0 })
    expect(await skus('690111111111')).toEqual([]) // a barcode is matched whole, not by prefix
  })

  it('finds by name, spec or compatible model words (Chinese by bigrams)', async () => {
    expect(await skus('屏幕')).toEqual(['LCD-M60'])
    expect(await skus('屏幕', true)).toEqual(['LCD-M60', 'LCD-OLD'])
    expect(await skus('mate 60')).toEqual(['LCD-M60', 'BAT-M60'])
    expect(await skus('Mate 60 Pro')).toEqual(['LCD-M60'])
    expect(await skus('iphone 12')).toEqual(['LCD-IP12'])
    expect(await skus('4800mah')).toEqual(['BAT-M60'])
    expect(await skus('原装 屏幕')).toEqual(['LCD-M60'])
    expect(await skus('电')).toEqual(['BAT-M60'])
    expect(await skus('小米')).toEqual([])
    expect(await skus('"*')).toEqual([])
  })

  it('pages 50 at a time with a keyset cursor, by SKU then by text', async () => {
    for (let i = 0; i < 60; i++) await s.clerk.ok('warehouse.parts.create', partInput({ sku: `PG-${String(i).padStart(3, '0')}`, name: `尾插排线 ${i}`, models: '' }))
    const first = await s.counter.ok('warehouse.parts.search', { text: 'pg-' })
    expect(first.parts).toHaveLength(50)
    expect(first.next).toEqual({ sku: 'PG-049' })
    const second = await s.counter.ok('warehouse.parts.search', { text: 'pg-', after: first.next! })
    expect(second.parts.map((p) => p.sku)).toEqual(Array.from({ length: 10 }, (_, i) => `PG-${String(50 + i).padStart(3, '0')}`))
    expect(second.next).toBeNull()
    const t1 = await s.counter.ok('warehouse.parts.search', { text: '尾插' })
    expect(t1.parts).toHaveLength(50)
    const t2 = await s.counter.ok('warehouse.parts.search', { text: '尾插', after: t1.next! })
    expect(t2.parts).toHaveLength(10)
    expect(new Set([...t1.parts, ...t2.parts].map((p) => p.id)).size).toBe(60)
    expect(t2.next).toBeNull()
  })

  it('byCode: exact barcode, else exact SKU, else null', async () => {
    expect((await s.counter.ok('warehouse.parts.byCode', { code: '6902222222222' }))?.part.sku).toBe('BAT-M60')
    expect((await s.counter.ok('warehouse.parts.byCode', { code: ' lcd-ip12 ' }))?.part.sku).toBe('LCD-IP12')
    const withStock = await s.counter.ok('warehouse.parts.byCode', { code: '6901111111111' })
    expect(withStock?.balances).toEqual({ main: 5, quarantine: 0 })
    expect(await s.counter.ok('warehouse.parts.byCode', { code: '0000' })).toBeNull()
    expect(await s.counter.ok('warehouse.parts.byCode', { code: '' })).toBeNull()
  })

  it('search index follows edits (triggers)', async () => {
    await s.clerk.ok('warehouse.parts.update', { ...partInput({ sku: 'BAT-M60', name: '电池', spec: '5000mAh', models: '荣耀 Magic 6', barcode: '6902222222222' }), partId: ids.battery })
    expect(await skus('mate 60')).toEqual(['LCD-M60'])
    expect(await skus('荣耀')).toEqual(['BAT-M60'])
    expect(await skus('5000mah')).toEqual(['BAT-M60'])
  })
})
