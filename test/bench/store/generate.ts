// Builds a realistic five-year store in a SQLite file: the app's own migrations and first-run
// setup through the router, then bulk rows with raw prepared statements in transactions.
// Insert-only, every constraint, trigger and foreign key satisfied (foreign_keys stays ON).
import Database from 'better-sqlite3'
import { ORDER_STATUSES } from '../../../src/shared/contract/intake'
import { addDays, localDate, yearMonthCode } from '../../../src/shared/domain/dates'
import { imeiCheckDigit } from '../../../src/shared/domain/imei'
import { DEFAULT_WARRANTY_POLICY, determineWarranty, type ConditionCheck } from '../../../src/shared/domain/warranty'
import { documentFor } from '../../../src/main/printing/documents'
import { defaultSettings } from '../../../src/main/settings/defaults'
import { createCore } from '../../../src/main/core/create-core'
import { sampleOrderView } from '../../helpers/order-fixture'
import { COLOURS, DEVICES, FAULTS, chineseName, pick, rng, uniqueMobile, type DeviceModel } from './data'
import { generateWarehouse, type WarehouseFacts } from './warehouse'
import { generateRepairs, type RepairFacts } from './repairs-data'
import { closeDays, generateFollowUps, type ManagerFacts } from './manager-data'

/** The bench's "now": the generated history ends the day before. */
export const BENCH_NOW = '2026-11-23T02:00:00.000Z'
export const TIME_ZONE = 'Asia/Shanghai'
export const YEARS = 5
/** A busy shop: ~275 devices a day for five years. */
export const FULL_SIZE = { customers: 300_000, orders: 500_000 }
/** Print jobs done longer ago than this keep no document (the print queue's retention, 7 days). */
export const DOCUMENT_RETENTION_DAYS = 7
export const PIN = '1357'
export const USERS = {
  manager: { username: 'boss', displayName: '王店长', pin: '2468' },
  clerks: ['counter1', 'counter2', 'counter3'],
  technicians: ['tech1', 'tech2', 'tech3', 'tech4'],
  warehouse: ['store1', 'store2']
}

export interface StoreFacts {
  scale: number
  customers: number
  orders: number
  payments: number
  printJobs: number
  auditRows: number
  generateMs: number
  warehouse: WarehouseFacts
  repairs: RepairFacts
  manager: ManagerFacts
}

const ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679'
const SHANGHAI_OFFSET_MS = 8 * 3600_000

/** First-run setup and staff through the router, so settings and users are exactly what the app writes. */
async function setUpThroughRouter(dir: string, path: string): Promise<void> {
  const core = await createCore({ userDataDir: dir, dbPath: path, clock: () => new Date(BENCH_NOW), logError: () => undefined, backupAtStart: false })
  const call = async (key: string, channel: string, input: unknown) => {
    const r = await core.router.call({ sessionKey: key }, channel, input)
    if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`)
    return r.value
  }
  await call('m', 'setup.create', {
    store: { name: '诚信手机维修中心', address: '深圳市福田区华强北路1号', phone: '0755-12345678', receiptFooter: '谢谢惠顾' },
    timeZone: TIME_ZONE,
    locale: 'zh-CN',
    manager: USERS.manager
  })
  for (const [i, username] of USERS.clerks.entries()) {
    await call('m', 'users.create', { username, displayName: `前台${i + 1}`, role: 'counter', pin: PIN })
  }
  for (const [i, username] of USERS.technicians.entries()) {
    await call('m', 'users.create', { username, displayName: `技师${'甲乙丙丁'[i]}`, role: 'technician', pin: PIN })
  }
  for (const [i, username] of USERS.warehouse.entries()) {
    await call('m', 'users.create', { username, displayName: `库管${i + 1}`, role: 'warehouse', pin: PIN })
  }
  await core.close()
}

/**
 * The grams column exactly as migration SearchIndexes builds it in SQL (the same characters and
 * bigrams for the first `max` characters; only spacing differs, which the tokenizer ignores),
 * computed here because the SQL expression costs most of a minute over 500,000 rows.
 */
export function gramsOf(text: string, max: number): string {
  const ch = Array.from(text)
  return ch
    .slice(0, max)
    .map((c, i) => `${c} ${c}${ch[i + 1] ?? ''}`)
    .join(' ')
}

function fillFts(db: Database.Database, table: string, source: string, max: number): void {
  const insert = db.prepare(`INSERT INTO ${table} (rowid, grams) VALUES (?, ?)`)
  db.transaction(() => {
    for (const row of db.prepare(source).all() as { id: number; text: string }[]) insert.run(row.id, gramsOf(row.text, max))
  })()
}

/**
 * Secondary indexes and the FTS sync triggers are dropped during the bulk load and rebuilt once
 * (the FTS tables filled with the migration's own expression): much faster than row by row.
 * Other triggers (tamper guards) stay and fire.
 */
function dropForBulkLoad(db: Database.Database, tables: string[]): () => void {
  const marks = tables.map(() => '?').join(',')
  const rows = db
    .prepare(
      `SELECT type, name, sql FROM sqlite_master WHERE tbl_name IN (${marks}) AND sql IS NOT NULL
         AND (type = 'index' OR (type = 'trigger' AND name GLOB '*_fts_*'))`
    )
    .all(...tables) as { type: string; name: string; sql: string }[]
  for (const r of rows) db.exec(`DROP ${r.type.toUpperCase()} "${r.name}"`)
  return () => {
    const has = (name: string) => !!db.prepare(`SELECT 1 FROM sqlite_master WHERE name = ?`).get(name)
    if (has('customer_fts')) fillFts(db, 'customer_fts', `SELECT id, name AS text FROM customer`, 40)
    if (has('work_order_fts')) fillFts(db, 'work_order_fts', `SELECT id, brand || ' ' || model AS text FROM work_order`, 101)
    for (const r of rows) db.exec(r.sql)
  }
}

export async function generateStore(dir: string, path: string, scale: number, log: (s: string) => void = () => undefined): Promise<StoreFacts> {
  const started = Date.now()
  await setUpThroughRouter(dir, path)
  const db = new Database(path)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = OFF')
  db.pragma('foreign_keys = ON')
  db.pragma('cache_size = -262144')
  const r = rng(20261123)

  const nOrders = Math.max(20, Math.round(FULL_SIZE.orders * scale))
  const nCustomers = Math.max(10, Math.round(FULL_SIZE.customers * scale))
  const users = db.prepare(`SELECT id, role FROM "user"`).all() as { id: number; role: string }[]
  const clerks = users.filter((u) => u.role === 'counter').map((u) => u.id)
  const techs = users.filter((u) => u.role === 'technician').map((u) => u.id)
  const storekeepers = users.filter((u) => u.role === 'warehouse').map((u) => u.id)
  const managerId = users.find((u) => u.role === 'manager')!.id
  // Devices that left the shop were handed back; repairs-data.ts walks every order's timeline.
  const closed: (typeof ORDER_STATUSES)[number] = 'pickedUp'
  const printJobNullable = (db.prepare(`SELECT "notnull" AS nn FROM pragma_table_info('print_job') WHERE name = 'document'`).get() as { nn: number }).nn === 0
  const settings = { ...defaultSettings(), store: { name: '诚信手机维修中心', address: '深圳市福田区华强北路1号', phone: '0755-12345678', receiptFooter: '谢谢惠顾' } }
  const frozen = {
    claimTicket: JSON.stringify(documentFor('claimTicket', sampleOrderView(), settings, 0)),
    deviceTag: JSON.stringify(documentFor('deviceTag', sampleOrderView(), settings, 0))
  }

  // Plan: order times day by day (ascending, so ids follow time), and who brought each device.
  const now = new Date(BENCH_NOW)
  const today = localDate(now, TIME_ZONE)
  const first = addDays(today, -365 * YEARS)
  const days = 365 * YEARS
  const orderAt = new Float64Array(nOrders)
  const orderCustomer = new Int32Array(nOrders)
  const customerLast = new Float64Array(nCustomers)
  // Kept for the warehouse: when each device left (NaN: still here), its model and technician.
  const orderReturned = new Float64Array(nOrders)
  const orderModel: string[] = new Array(nOrders)
  const orderTech = new Int32Array(nOrders)
  let made = 0
  let o = 0
  for (let d = 0; d < days; d++) {
    const count = Math.floor(((d + 1) * nOrders) / days) - Math.floor((d * nOrders) / days)
    const dayStartUtc = Date.parse(`${addDays(first, d)}T09:00:00Z`) - SHANGHAI_OFFSET_MS
    const minutes = Array.from({ length: count }, () => Math.floor(r() * 11 * 60 * 60_000)).sort((a, b) => a - b)
    for (const m of minutes) {
      orderAt[o] = dayStartUtc + m
      const needNew = made < nCustomers && (made === 0 || r() < (nCustomers - made) / (nOrders - o))
      const c = needNew ? made++ : Math.floor(r() * made)
      orderCustomer[o] = c
      customerLast[c] = orderAt[o]
      o++
    }
  }

  const bulkTables = ['customer', 'work_order', 'payment', 'print_job', 'audit_log', 'order_event', 'repair_charge', 'pickup']
  const restore = dropForBulkLoad(db, bulkTables)
  const insCustomer = db.prepare(`INSERT INTO customer (id, name, mobile, landline, address, createdAt, updatedAt) VALUES (?, ?, ?, '', ?, ?, ?)`)
  const insOrder = db.prepare(`INSERT INTO work_order (id, orderNo, claimCode, status, receivedAt, returnedAt, customerId, category, brand, model, serial, colour,
      invoiceDate, invoiceNo, faultDescription, faultCodes, condition, accessories, accessoriesOther, warrantyVerdict, inWarranty,
      overrideInWarranty, overrideReason, serviceType, estimateFen, depositFen, depositMethod, promisedDate, technicianId, createdById)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?, NULL, NULL, ?, ?, ?, ?, ?, ?, ?)`)
  const insPayment = db.prepare(`INSERT INTO payment (orderId, kind, method, amountFen, receivedAt, userId) VALUES (?, 'deposit', ?, ?, ?, ?)`)
  const insJob = db.prepare(`INSERT INTO print_job (orderId, kind, reprintNo, status, attempts, lastError, document, createdAt, printedAt, createdById)
    VALUES (?, ?, 0, 'done', 1, NULL, ?, ?, ?, ?)`)
  const insAudit = db.prepare(`INSERT INTO audit_log (at, userId, action, entity, entityId, detail) VALUES (?, ?, 'intake.create', 'work_order', ?, ?)`)
  const insSeq = db.prepare(`INSERT INTO order_sequence (period, lastSerial) VALUES (?, ?)`)

  const sequence = new Map<string, number>()
  const usedCodes = new Set<string>()
  const lastDevice: (string | undefined)[] = new Array(nCustomers)
  const deviceSeq = new Map<string, number>()
  const retentionFrom = now.getTime() - DOCUMENT_RETENTION_DAYS * 86_400_000
  let customerRows = 0
  let payments = 0
  let printJobs = 0
  const newSerial = (dev: DeviceModel): string => {
    const key = dev.tac || dev.brand + dev.model
    const n = (deviceSeq.get(key) ?? 0) + 1
    deviceSeq.set(key, n)
    if (dev.tac) {
      const body = dev.tac + String((n * 7919) % 1_000_000).padStart(6, '0')
      return body + imeiCheckDigit(body)
    }
    return `SN${(key.length * 1_000_003 + n * 7919).toString(36).toUpperCase().padStart(10, '0')}`
  }

  const insertBatch = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const at = new Date(orderAt[i])
      const stamp = at.toISOString()
      const day = new Date(orderAt[i] + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10)
      const c = orderCustomer[i]
      if (c === customerRows) {
        const address = r() < 0.4 ? `深圳市${pick(r, ['福田区', '南山区', '罗湖区', '宝安区', '龙岗区'])}${pick(r, ['华强北路', '深南大道', '科技园', '人民路'])}${1 + Math.floor(r() * 300)}号` : ''
        insCustomer.run(c + 1, chineseName(r), uniqueMobile(c), address, stamp, new Date(customerLast[c]).toISOString())
        customerRows++
      }
      const period = yearMonthCode(day)
      const serialNo = (sequence.get(period) ?? 0) + 1
      sequence.set(period, serialNo)
      let code: string
      do {
        code = ''
        for (let k = 0; k < 6; k++) code += ALPHABET[Math.floor(r() * ALPHABET.length)]
      } while (usedCodes.has(code))
      usedCodes.add(code)

      const repeat = lastDevice[c] !== undefined && r() < 0.4
      const dev = repeat ? DEVICES[Number(lastDevice[c]!.split('|')[0])] : DEVICES[Math.floor(Math.pow(r(), 1.6) * DEVICES.length)]
      const serial = repeat ? lastDevice[c]!.split('|')[1] : newSerial(dev)
      lastDevice[c] = `${DEVICES.indexOf(dev)}|${serial}`
      const invoiceDate = r() < 0.55 ? addDays(day, -Math.floor(r() * 720)) : null
      const [fault, codes] = pick(r, FAULTS)
      const condition: ConditionCheck = {
        screenCracked: codes.includes('screen') && r() < 0.6,
        scratchesDents: r() < 0.3,
        waterDamage: codes.includes('water'),
        sealsIntact: r() > 0.02,
        powersOn: !codes.includes('noPower'),
        other: ''
      }
      const verdict = determineWarranty({
        policy: DEFAULT_WARRANTY_POLICY,
        category: dev.category,
        component: 'main',
        invoiceDate,
        today: day,
        daysInRepair: 0,
        calendar: { holidays: [], makeupWorkdays: [] },
        condition
      })
      const paid = !verdict.inWarranty || r() < 0.1
      const estimate = paid ? (5 + Math.floor(r() * 80)) * 1000 : 0
      const deposit = paid && r() < 0.6 ? Math.min(estimate, 5000 * (1 + Math.floor(r() * 4))) : 0
      const method = deposit ? pick(r, ['cash', 'wechat', 'wechat', 'alipay', 'card'] as const) : null
      const clerk = clerks[i % clerks.length]
      const old = orderAt[i] < now.getTime() - 14 * 86_400_000
      const id = i + 1
      const returnedAt = old ? orderAt[i] + (1 + Math.floor(r() * 6)) * 86_400_000 : NaN
      const technicianId = r() < 0.8 ? techs[i % techs.length] : null
      orderReturned[i] = returnedAt
      orderModel[i] = dev.model
      orderTech[i] = technicianId ?? 0
      insOrder.run(
        id,
        `${period}-${String(serialNo).padStart(4, '0')}`,
        code,
        old ? closed : 'received',
        stamp,
        old ? new Date(returnedAt).toISOString() : null,
        c + 1,
        dev.category,
        dev.brand,
        dev.model,
        serial,
        pick(r, COLOURS),
        invoiceDate,
        invoiceDate ? `FP-${day.slice(0, 4)}-${String(id).padStart(7, '0')}` : '',
        fault,
        JSON.stringify(codes),
        JSON.stringify(condition),
        JSON.stringify(r() < 0.5 ? ['charger', 'simTray'] : ['simTray']),
        JSON.stringify(verdict),
        paid ? 0 : 1,
        paid ? 'paid' : 'warranty',
        estimate,
        deposit,
        method,
        addDays(day, 3 + Math.floor(r() * 5)),
        technicianId,
        clerk
      )
      if (deposit) {
        insPayment.run(id, method, deposit, stamp, clerk)
        payments++
      }
      const printedAt = new Date(orderAt[i] + 4000).toISOString()
      const keep = orderAt[i] >= retentionFrom
      for (const kind of ['claimTicket', 'deviceTag'] as const) {
        insJob.run(id, kind, keep ? frozen[kind] : printJobNullable ? null : '{}', stamp, printedAt, clerk)
        printJobs++
      }
      insAudit.run(stamp, clerk, id, JSON.stringify({ orderNo: `${period}-${String(serialNo).padStart(4, '0')}` }))
    }
  })
  const BATCH = 20_000
  for (let from = 0; from < nOrders; from += BATCH) {
    insertBatch(from, Math.min(nOrders, from + BATCH))
    if ((from / BATCH) % 5 === 4) log(`  ${Math.min(nOrders, from + BATCH)} / ${nOrders} orders (${((Date.now() - started) / 1000).toFixed(0)} s)`)
  }
  db.transaction(() => {
    for (const [period, last] of sequence) insSeq.run(period, last)
  })()
  const repairs = generateRepairs(db, { nowMs: now.getTime(), technicians: techs, clerks, managerId, log })
  log('  rebuilding indexes and search tables')
  restore()
  const warehouse = generateWarehouse(db, {
    scale,
    first,
    days,
    nowMs: now.getTime(),
    orderAt,
    orderReturned,
    orderModel,
    orderTech,
    warehouseUsers: storekeepers,
    technicians: techs,
    managerId,
    log
  })
  const followUps = generateFollowUps(db, { nowMs: now.getTime(), clerks, managerId, timeZone: TIME_ZONE })
  db.pragma('wal_checkpoint(TRUNCATE)')
  db.close()
  log('  closing the business days')
  const closedDays = await closeDays(path, { first, today, settings: { ...settings, timeZone: TIME_ZONE }, managerId })
  log(`  ${followUps.followUps} follow-up calls, ${followUps.complaints} complaints, ${closedDays} days closed`)
  return {
    scale,
    customers: customerRows,
    orders: nOrders,
    payments,
    printJobs,
    auditRows: nOrders,
    generateMs: Date.now() - started,
    warehouse,
    repairs,
    manager: { ...followUps, closedDays }
  }
}
