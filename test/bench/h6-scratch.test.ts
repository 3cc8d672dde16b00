// H6 scratch profiler (temporary; deleted before handing back).
import { Session } from 'node:inspector/promises'
import { writeFileSync } from 'node:fs'
import { createCore } from '../../src/main/core/create-core'
import { sampleIntake } from '../helpers/core'
import { startPrinterEmulator } from '../helpers/printer-emulator'
import { imeiCheckDigit } from '../../src/shared/domain/imei'
import { storeCopy } from './store/cache'
import { BENCH_NOW, PIN, USERS } from './store/generate'

const SCALE = Number(process.env.H6_SCALE ?? 0.01)
test('profile intake', async () => {
  const store = await storeCopy(SCALE)
  const printer = await startPrinterEmulator()
  const core = await createCore({ userDataDir: store.dir, dbPath: store.dbPath, clock: () => new Date(BENCH_NOW), logError: (w, e) => console.log(w, e), printQueue: { retryDelaysMs: [100], sendTimeoutMs: 2000, statusTtlMs: 60_000 } })
  const call = (k: string) => async (ch: string, i: unknown) => { const r = await core.router.call({ sessionKey: k }, ch, i); if (!r.ok) throw new Error(JSON.stringify(r.error)); return r.value as any }
  const manager = call('m'); const clerk = call('c')
  await manager('auth.signIn', { username: USERS.manager.username, pin: USERS.manager.pin })
  await manager('settings.update', { printer: { enabled: true, interface: printer.url, widthMm: 80, type: 'epson', characterSet: 'GB18030', printDeviceTag: true } })
  await core.printQueue.idle()
  await clerk('auth.signIn', { username: USERS.clerks[0], pin: PIN })
  let seq = 0
  const imei = () => { const b = `86999${String(++seq).padStart(9, '0')}`; return b + imeiCheckDigit(b) }
  const input = (customer: Record<string, unknown>) => sampleIntake({ customer: { landline: '', address: '', ...customer }, device: { category: 'phone', brand: '华为', model: 'Mate 60', serial: imei(), colour: '黑色' }, purchase: { invoiceDate: null, invoiceNo: '' }, service: { type: 'paid', estimateFen: 8000, depositFen: 0, depositMethod: null, promisedDate: '2026-11-30', technicianId: null } })
  const first = await clerk('intake.create', input({ name: '预热', mobile: '13000000000' }))
  await core.printQueue.idle()
  const cust = first.order.customer
  const sess = new Session(); sess.connect()
  await sess.post('Profiler.enable'); await sess.post('Profiler.setSamplingInterval', { interval: 100 })
  const times: number[] = []
  const other: Record<string, number[]> = { get: [], warranty: [] }
  await sess.post('Profiler.start')
  for (let i = 0; i < Number(process.env.H6_N ?? 80); i++) {
    const t0 = performance.now()
    await clerk('intake.create', input(i % 2 ? { name: '新客户', mobile: `1470000${String(i).padStart(4, '0')}` } : { id: cust.id, name: cust.name, mobile: cust.mobile }))
    times.push(performance.now() - t0)
    await core.printQueue.idle()
    let t1 = performance.now(); await clerk('orders.get', { orderId: first.order.id }); other.get.push(performance.now() - t1)
    t1 = performance.now(); await clerk('intake.checkWarranty', { category: 'phone', component: 'main', serial: first.order.device.serial, invoiceDate: '2026-06-01', condition: { screenCracked: false, scratchesDents: false, waterDamage: false, sealsIntact: true, powersOn: true, other: '' } }); other.warranty.push(performance.now() - t1)
  }
  const { profile } = await sess.post('Profiler.stop')
  writeFileSync('/tmp/h6/intake.cpuprofile', JSON.stringify(profile))
  const q = (a: number[], p: number) => [...a].sort((x, y) => x - y)[Math.floor(a.length * p)].toFixed(2)
  console.log('intake p50', q(times, 0.5), 'p95', q(times, 0.95), 'get p50', q(other.get, 0.5), 'p95', q(other.get, 0.95), 'warranty p50', q(other.warranty, 0.5), 'p95', q(other.warranty, 0.95))
  await core.close(); await printer.close(); store.cleanup()
}, 600_000)
