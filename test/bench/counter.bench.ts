// `npm run bench`: how fast the counter's everyday operations are on this machine, through the real
// router on a real SQLite file. Targets (2-core counter PC): save & print < 100 ms, customer search
// < 20 ms with 10k customers, ticket ESC/POS render < 5 ms, A4 PDF < 500 ms.
import { afterAll, bench, describe } from 'vitest'
import { renderEscPos } from '../../src/main/printing/escpos'
import { renderPdf, resolveFontPath } from '../../src/main/printing/pdf'
import { documentFor } from '../../src/main/printing/documents'
import { sampleIntake, setUpStore, startTestCore, userWithRole } from '../helpers/core'
import { startPrinterEmulator } from '../helpers/printer-emulator'

const tc = await startTestCore()
const manager = await setUpStore(tc)
const clerk = await userWithRole(tc, manager, 'counter')
// A real (emulated) printer on loopback, so every intake also sends its two print jobs.
const printer = await startPrinterEmulator()
await manager.ok('settings.update', {
  printer: { enabled: true, interface: printer.url, widthMm: 80, type: 'epson', characterSet: 'GB18030', printDeviceTag: true }
})
await tc.core.dataSource.query(
  `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000)
   INSERT INTO customer (name, mobile, landline, address, createdAt, updatedAt)
   SELECT '客户' || i, '139' || printf('%08d', i), '', '', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z' FROM n`
)
const { order } = await clerk.ok('intake.create', sampleIntake())
const settings = await manager.ok('settings.get', {})
const ticket = documentFor('claimTicket', order, settings, 0)
const fontPath = resolveFontPath()
let mobileSeq = 0

afterAll(async () => {
  // Memory target: the whole core under 300 MB RSS after the runs above.
  await tc.core.printQueue.idle()
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`
  const orders = (await tc.core.dataSource.query('SELECT COUNT(*) AS n FROM work_order'))[0].n
  console.log(`memory: rss ${mb(process.memoryUsage().rss)}, heap ${mb(process.memoryUsage().heapUsed)}; ${orders} orders, ${printer.jobs.length} tickets printed`)
  await tc.close()
  await printer.close()
})

describe('counter', () => {
  bench('save & print: intake.create through the router, then both tickets received by the printer', async () => {
    const mobile = `137${String(++mobileSeq).padStart(8, '0')}`
    const before = printer.jobs.length
    await clerk.ok('intake.create', sampleIntake({ customer: { name: '王五', mobile, landline: '', address: '' } }))
    await printer.waitForJobs(before + 2, 10_000)
  })
  bench('customers.search by mobile prefix among 10k customers', async () => {
    await clerk.ok('customers.search', { query: '1390000' })
  })
  bench('claim ticket -> ESC/POS bytes (80 mm, GB18030)', () => {
    renderEscPos(ticket, { widthMm: 80, type: 'epson', characterSet: 'GB18030' })
  })
  bench(
    'claim ticket -> A4 PDF with embedded CJK subset',
    async () => {
      await renderPdf(ticket, { fontPath })
    },
    { iterations: 10 }
  )
})
