import { sampleIntake, setUpStore, startTestCore, userWithRole, validImei, type Caller, type TestCore } from '../../../test/helpers/core'
import { searchPlan } from '@shared/contract/search'

describe('global search through the router', () => {
  let tc: TestCore
  let manager: Caller
  let clerk: Caller & { id: number }
  let first: { id: number; orderNo: string; claimCode: string }
  const imei = validImei('86012345678901')

  beforeAll(async () => {
    tc = await startTestCore()
    manager = await setUpStore(tc)
    clerk = await userWithRole(tc, manager, 'counter')
    const a = await clerk.ok(
      'intake.create',
      sampleIntake({
        customer: { name: '欧阳小明', mobile: '13812345678', landline: '', address: '' },
        device: { category: 'phone', brand: 'Apple', model: 'iPhone 15 Pro', serial: imei, colour: '' }
      })
    )
    first = { id: a.order.id, orderNo: a.order.orderNo, claimCode: a.order.claimCode }
    await clerk.ok('intake.create', sampleIntake({ customer: { name: '王芳', mobile: '13900005678', landline: '', address: '' } }))
    await clerk.ok(
      'intake.create',
      sampleIntake({
        customer: { name: '李小明', mobile: '13700001111', landline: '', address: '' },
        device: { category: 'appliance', brand: '美的', model: '微波炉 M1-L213B', serial: 'SN-MW2026XQ', colour: '' }
      })
    )
  })
  afterAll(async () => {
    await tc.close()
  })

  const found = async (query: string) => (await clerk.ok('search.global', { query })).hits.map((h) => `${h.customerName}:${h.matchedBy}`)

  it.each([
    ['order number', () => first.orderNo, ['欧阳小明:orderNo']],
    ['claim code, lower case', () => first.claimCode.toLowerCase(), ['欧阳小明:claimCode']],
    ['scanned claim ticket (QR / CODE128 text)', () => `RO|${first.orderNo}|${first.claimCode}`, ['欧阳小明:ticket']],
    ['full mobile', () => '13812345678', ['欧阳小明:mobile']],
    ['+86, spaces and full-width digits', () => '+86 １３８ １２３４ ５６７８', ['欧阳小明:mobile']],
    ['last 4 of a mobile', () => '5678', ['王芳:mobileLast4', '欧阳小明:mobileLast4']],
    ['IMEI', () => imei, ['欧阳小明:serial']],
    ['last 6 of an IMEI', () => imei.slice(-6), ['欧阳小明:serialLast6']],
    ['serial of an appliance, any case', () => 'sn-mw2026xq', ['李小明:serial']],
    ['a two-character given name', () => '小明', ['李小明:name', '欧阳小明:name']],
    ['a one-character surname', () => '王', ['王芳:name']],
    ['brand and model', () => 'iphone 15', ['欧阳小明:device']],
    ['a Chinese model name', () => '微波炉', ['李小明:device']]
  ])('finds an order by %s', async (_kind, query, expected) => {
    expect(await found(query())).toEqual(expected)
  })

  it('a ticket whose claim code does not match finds nothing; a unique match says so', async () => {
    expect(await found(`RO|${first.orderNo}|AAAAAA`)).toEqual([])
    expect((await clerk.ok('search.global', { query: first.orderNo })).unique).toBe(true)
    expect((await clerk.ok('search.global', { query: '5678' })).unique).toBe(false)
  })

  it('keeps the name index in step when a returning customer is renamed', async () => {
    const history = await clerk.ok('customers.search', { query: '王芳' })
    await clerk.ok('intake.create', sampleIntake({ customer: { id: history[0].id, name: '王芳芳', mobile: '13900005678', landline: '', address: '' } }))
    expect(await found('芳芳')).toEqual(['王芳芳:name', '王芳芳:name'])
    expect((await clerk.ok('customers.search', { query: '王芳芳' })).map((c) => c.name)).toEqual(['王芳芳'])
  })

  it('pages the orders list by keyset, newest first, with the total', async () => {
    const p1 = await clerk.ok('orders.page', { query: '', before: null, limit: 2 })
    expect(p1.total).toBe(4)
    expect(p1.orders.map((o) => o.id)).toEqual([4, 3])
    const p2 = await clerk.ok('orders.page', { query: '', before: p1.nextBefore, limit: 2 })
    expect(p2.orders.map((o) => o.id)).toEqual([2, 1])
    expect(p2.nextBefore).toBeNull()
  })

  it('applies a role change at once, though the role check no longer reads the user per call', async () => {
    await clerk.ok('customers.search', { query: '138' })
    await manager.ok('users.update', { id: clerk.id, role: 'technician' })
    const refused = await clerk.call('customers.search', { query: '138' })
    expect(refused.ok ? 'allowed' : refused.error.code).toBe('FORBIDDEN')
    await manager.ok('users.update', { id: clerk.id, role: 'counter' })
    expect((await clerk.call('customers.search', { query: '138' })).ok).toBe(true)
  })
})

describe('searchPlan', () => {
  it('reads each kind of input', () => {
    expect(searchPlan('RO|2611-0001|k7mxq4')).toEqual({ ticket: { orderNo: '2611-0001', claimCode: 'K7MXQ4' } })
    expect(searchPlan('2611-0001')).toEqual({ orderNo: '2611-0001' })
    expect(searchPlan('+86 138-1234-5678')).toEqual({ mobile: '13812345678', serial: '13812345678' })
    expect(searchPlan('5678')).toEqual({ mobileLast4: '5678' })
    expect(searchPlan('678903')).toEqual({ serialLast6: '678903' })
    expect(searchPlan('1381')).toEqual({ mobileLast4: '1381' })
    expect(searchPlan('13812')).toEqual({ mobilePrefix: '13812' })
    expect(searchPlan('  ')).toEqual({})
    expect(searchPlan('张三')).toEqual({ text: '张三' })
  })
})
