import { startTestCore, setUpStore } from '../../../test/helpers/core'
import { computeZReport } from './report'

it('perf', async () => {
  const tc = await startTestCore({ now: '2026-11-23T12:00:00Z' })
  const manager = await setUpStore(tc)
  const db = (tc.core.dataSource.driver as unknown as { databaseConnection: import('better-sqlite3').Database }).databaseConnection
  const { sampleIntake } = await import('../../../test/helpers/core')
  await manager.ok('intake.create', sampleIntake())
  const cols = (db.prepare(`PRAGMA table_info(work_order)`).all() as { name: string }[]).map((c) => c.name).filter((n) => n !== 'id')
  const over: Record<string, string> = { orderNo: '?', claimCode: '?', receivedAt: '?', status: '?', returnedAt: 'NULL' }
  const cloneSql = `INSERT INTO work_order (${cols.map((c) => `"${c}"`).join(',')}) SELECT ${cols.map((c) => over[c] ?? `"${c}"`).join(',')} FROM work_order WHERE id = 1`
  const ins = db.prepare(cloneSql)
  const order = cols.filter((c) => over[c] === '?')
  const pay = db.prepare(`INSERT INTO payment (orderId, kind, method, amountFen, receivedAt, userId) VALUES (?, 'deposit', ?, 1000, ?, 1)`)
  const ev = db.prepare(`INSERT INTO order_event (orderId, at, userId, kind, fromStatus, toStatus, note) VALUES (?, ?, 1, 'status', NULL, ?, '')`)
  const N = 500_000
  const start = Date.parse('2021-11-23T00:00:00Z')
  const step = (Date.parse('2026-11-23T12:00:00Z') - start) / N
  db.transaction(() => {
    for (let i = 1; i <= N; i++) {
      const at = new Date(start + i * step).toISOString()
      const recent = i > N - 4000
      const row: Record<string, string> = { orderNo: `O${i}`, claimCode: `C${i}`, receivedAt: at, status: recent ? (i % 3 ? 'repairing' : 'ready') : 'pickedUp' }
      const id = Number(ins.run(...order.map((n) => row[n])).lastInsertRowid)
      if (i === 1) console.log('first id', id)
      pay.run(i + 1, i % 2 ? 'cash' : 'wechat', at)
      ev.run(i + 1, at, 'received')
      if (!recent) ev.run(i + 1, at, 'pickedUp')
    }
  })()
  const settings = await manager.ok('settings.get', {})
  const em = tc.core.dataSource.manager
  const times: number[] = []
  for (let k = 0; k < 30; k++) {
    const t0 = performance.now()
    const r = computeZReport(em, '2026-11-22', settings)
    times.push(performance.now() - t0)
    if (k === 0) console.log(r.orders, r.inShopCount, r.money[0])
  }
  times.sort((a, b) => a - b)
  console.log('p50', times[15].toFixed(1), 'p95', times[28].toFixed(1))
  await tc.close()
}, 600_000)
