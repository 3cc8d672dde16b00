import { nextImei, sampleIntake, setUpStore, startTestCore, userWithRole, type Caller, type TestCore } from '../../../test/helpers/core'
import { DEVICE_SUGGESTIONS } from '@shared/contract/devices'
import { DeviceSuggestions1795750000000 } from '../db/migrations/1795750000000-DeviceSuggestions'
import { suggestionStatements } from './suggestions'

let tc: TestCore
let manager: Caller

beforeEach(async () => {
  tc = await startTestCore()
  manager = await setUpStore(tc)
})
afterEach(async () => tc.close())

const intake = (brand: string, model: string, category = 'phone') =>
  manager.ok(
    'intake.create',
    sampleIntake({
      device: { category, brand, model, serial: category === 'phone' ? nextImei() : 'SN1', colour: '' }
    })
  )

describe('brand and model suggestions from the store’s own intakes', () => {
  it('offers brands and models taken in before, most used first, one spelling per brand', async () => {
    await intake('Apple', 'iPhone 15')
    await intake('华为', 'Mate 60 Pro')
    await intake('华为', 'Mate 60 Pro')
    await intake('ａｐｐｌｅ', 'iPhone 13') // full-width, other case: the same brand
    await intake('华为', 'P70')
    expect(await manager.ok('devices.suggest', { category: 'phone' })).toEqual(['华为', 'Apple'])
    expect(await manager.ok('devices.suggest', { category: 'phone', brand: 'APPLE' })).toEqual(expect.arrayContaining(['iPhone 15', 'iPhone 13']))
    expect((await manager.ok('devices.suggest', { category: 'phone', brand: '华为' }))[0]).toBe('Mate 60 Pro')
    // Another category has its own list.
    expect(await manager.ok('devices.suggest', { category: 'laptop' })).toEqual([])
  })

  it('puts names starting with the typed text first, and stays bounded', async () => {
    for (let i = 0; i < DEVICE_SUGGESTIONS + 5; i++) await intake('小米', `Redmi ${i}`)
    await intake('小米', 'Xiaomi 14')
    const list = await manager.ok('devices.suggest', { category: 'phone', brand: '小米', prefix: 'xia' })
    expect(list[0]).toBe('Xiaomi 14')
    expect(list.length).toBe(DEVICE_SUGGESTIONS)
  })

  it('fills the lists from the orders already on file when the migration runs', async () => {
    await intake('华为', 'Mate 60 Pro')
    await intake('华为', 'Mate 60 Pro')
    await intake('Apple', 'iPhone 15')
    const migration = new DeviceSuggestions1795750000000()
    const runner = tc.core.dataSource.createQueryRunner()
    try {
      await migration.down(runner)
      await migration.up(runner)
    } finally {
      await runner.release()
    }
    expect(await manager.ok('devices.suggest', { category: 'phone' })).toEqual(['华为', 'Apple'])
    expect(await manager.ok('devices.suggest', { category: 'phone', brand: '华为' })).toEqual(['Mate 60 Pro'])
    await intake('华为', 'P70') // and intake keeps counting after it
    expect(await manager.ok('devices.suggest', { category: 'phone', brand: '华为' })).toEqual(['Mate 60 Pro', 'P70'])
  })

  it('is for the counter: a technician is refused', async () => {
    const tech = await userWithRole(tc, manager, 'technician')
    const r = await tech.call('devices.suggest', { category: 'phone' })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.code).toBe('FORBIDDEN')
  })

  it('answers from an index, never a scan', async () => {
    for (const input of [
      { category: 'phone', brand: '', prefix: '' },
      { category: 'phone', brand: '', prefix: 'hua' },
      { category: 'phone', brand: '华为', prefix: '' },
      { category: 'phone', brand: '华为', prefix: 'mate' }
    ]) {
      for (const st of suggestionStatements(input)) {
        const plan = (await tc.core.dataSource.query(`EXPLAIN QUERY PLAN ${st.sql}`, st.params)) as { detail: string }[]
        const text = plan.map((p) => p.detail).join(' | ')
        expect(text, st.sql).toMatch(/USING (COVERING )?INDEX IDX_device_/)
        expect(text, st.sql).not.toMatch(/SCAN device_/)
      }
    }
  })
})
