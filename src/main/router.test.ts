import { sampleIntake, setUpStore, startTestCore, userWithRole, type TestCore } from '../../test/helpers/core'

let tc: TestCore
afterEach(() => tc.close())

describe('router error mapping', () => {
  it('answers a tamper guard that fires on an app path with a clear CONFLICT, not INTERNAL, and saves nothing', async () => {
    tc = await startTestCore()
    const manager = await setUpStore(tc)
    const clerk = await userWithRole(tc, manager, 'counter')
    // Stand-in for a guard an app path might one day run into: any insert of a work order.
    await tc.core.dataSource.query(`CREATE TRIGGER test_guard BEFORE INSERT ON work_order BEGIN SELECT RAISE(ABORT, 'tamper guard: test'); END`)
    const r = await clerk.call('intake.create', sampleIntake())
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('不能修改或删除') } })
    expect((await tc.core.dataSource.query('SELECT COUNT(*) AS n FROM work_order'))[0].n).toBe(0)
  })
})
