// `npm run bench`: how fast the counter's everyday operations are on this machine, through the real
// router on a real SQLite file. Targets (2-core counter PC): intake save < 50 ms, customer search
// < 20 ms with 10k customers, ticket ESC/POS render < 5 ms, A4 PDF < 500 ms.
import { bench, describe } from 'vitest'
import { renderEscPos } from '../../src/main/printing/escpos'
import { renderPdf, resolveFontPath } from '../../src/main/printing/pdf'
import { documentFor } from '../../src/main/printing/documents'
import { sampleIntake, setUpStore, startTestCore, userWithRole } from '../helpers/core'

const tc = await startTestCore()
const manager = await setUpStore(tc)
const clerk = await userWithRole(tc, manager, 'counter')
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

describe('counter', () => {
  bench('intake.create through the router (customer, number, order, deposit, audit, 2 print jobs)', async () => {
    const mobile = `137${String(++mobileSeq).padStart(8, '0')}`
    await clerk.ok('intake.create', sampleIntake({ customer: { name: '王五', mobile, landline: '', address: '' } }))
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
