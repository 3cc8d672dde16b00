/**
 * The printer interface can only name a printer: no network default, no file, no database, no
 * /dev/fd alias — refused by the settings rule with a translated message, and again at send time.
 */
import { openSync, closeSync, readFileSync } from 'node:fs'
import { setUpStore, startTestCore, userWithRole, type Caller, type TestCore } from '../../../test/helpers/core'

let tc: TestCore
let manager: Caller
beforeEach(async () => {
  tc = await startTestCore({ printQueue: { retryDelaysMs: [100], waitPollMs: 100, sendTimeoutMs: 1000, statusTtlMs: 20 } })
  manager = await setUpStore(tc)
})
afterEach(() => tc.close())

const printer = (iface: string, enabled = true) => ({ enabled, interface: iface, widthMm: 80 as const, type: 'epson' as const, characterSet: 'GB18030' as const, printDeviceTag: false })
const CHINESE = /[\u4e00-\u9fff]/

describe('printer interface', () => {
  it('starts empty, and the printer cannot be enabled without one', async () => {
    const s = await manager.ok('settings.get', {})
    expect(s.printer).toMatchObject({ enabled: false, interface: '', reportsStatus: true, openDrawerOnCash: false })
    const r = await manager.call('settings.update', { printer: printer('') })
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { 'printer.interface': '启用打印机前请填写连接方式' } } })
    expect((await manager.ok('settings.update', { printer: printer('', false) })).printer.interface).toBe('')
  })

  it('accepts the ports a receipt printer is on', async () => {
    for (const iface of ['tcp://127.0.0.1:9100', '/dev/usb/lp0', '/dev/ttyUSB0', '/dev/ttyS1', '/dev/ttyACM0', 'COM3', 'LPT1', '\\\\FRONT-PC\\Receipt', 'printer:XP-58']) {
      expect((await manager.ok('settings.update', { printer: printer(iface) })).printer.interface).toBe(iface)
    }
  })

  it('refuses anything else — a file, the database, a directory, /dev/fd/N, /proc — and keeps the old value', async () => {
    const fd = openSync(tc.dbPath, 'r')
    try {
      await manager.ok('settings.update', { printer: printer('tcp://127.0.0.1:9100') })
      for (const iface of [tc.dbPath, `/dev/fd/${fd}`, `/proc/self/fd/${fd}`, '/dev/stdout', '/dev/null', '/dev/sda', '/dev/shm/x', '/dev/usb', '/dev/usb/lp0/../../fd/3', '/tmp', 'C:\\Windows\\win.ini', 'printer:-oraw', '\\\\host\\share\\sub']) {
        const r = await manager.call('settings.update', { printer: printer(iface) })
        expect(r, iface).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { 'printer.interface': expect.stringMatching(CHINESE) } } })
      }
      expect((await manager.ok('settings.get', {})).printer.interface).toBe('tcp://127.0.0.1:9100')
    } finally {
      closeSync(fd)
    }
  })

  it('a test print to the database file or /dev/fd/N (slipped past the rule, e.g. an old setting) writes nothing and the database stays intact', async () => {
    const clerk = await userWithRole(tc, manager, 'counter')
    const header = readFileSync(tc.dbPath).subarray(0, 100)
    const fd = openSync(tc.dbPath, 'r+')
    try {
      for (const iface of [`/dev/fd/${fd}`, tc.dbPath]) {
        // Written as an older version (or a hand edit) could have left it: straight into the settings row
        await tc.core.dataSource.query(`UPDATE setting SET value = ? WHERE key = 'printer'`, [JSON.stringify({ ...printer('x'), interface: iface })])
        await tc.core.dataSource.query(`INSERT OR IGNORE INTO setting (key, value) VALUES ('printer', ?)`, [JSON.stringify({ ...printer('x'), interface: iface })])
        const job = await clerk.ok('printing.testPrint', {})
        let row: { status: string; lastError: string; transmitStartedAt: string | null } | undefined
        for (let i = 0; i < 100; i++) {
          ;[row] = await tc.core.dataSource.query(`SELECT status, lastError, transmitStartedAt FROM print_job WHERE id = ?`, [job.id])
          if (row?.lastError) break
          await new Promise((r) => setTimeout(r, 30))
        }
        expect(row, iface).toMatchObject({ status: 'pending', transmitStartedAt: null })
        expect(['printing.v.interface', 'printer.detail.notPrinter']).toContain(row?.lastError)
        await tc.core.dataSource.query(`UPDATE print_job SET status = 'done' WHERE id = ?`, [job.id])
      }
      await tc.core.printQueue.idle()
      expect(readFileSync(tc.dbPath).subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0')
      expect(readFileSync(tc.dbPath).subarray(0, 100).subarray(0, 16)).toEqual(header.subarray(0, 16))
      expect(await tc.core.dataSource.query('PRAGMA quick_check')).toEqual([{ quick_check: 'ok' }])
      const audits = await tc.core.dataSource.query(`SELECT COUNT(*) AS n FROM audit_log WHERE action = 'print.test'`)
      expect(audits[0].n).toBe(2)
    } finally {
      closeSync(fd)
    }
  })
})
