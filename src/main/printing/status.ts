/**
 * Printer status. Network printers are asked with the ESC/POS real-time status requests
 * `DLE EOT 1/2/4` (printer / offline cause / roll paper sensor); device paths are only checked for
 * being a printer device, OS queues with lpstat.
 */
import { spawn } from 'node:child_process'
import { checkPrinterDevice } from './device'
import { parseInterface, PrinterError } from './target'
import { TcpPrinter } from './tcp-printer'

export interface PrinterStatus {
  state: 'ready' | 'offline' | 'error'
  /** i18n key (printer.detail.*). */
  detailKey: string
}

/** DLE EOT 1, 2, 4: printer status, offline cause, roll paper sensor. */
export const STATUS_QUERY = Buffer.from([0x10, 0x04, 0x01, 0x10, 0x04, 0x02, 0x10, 0x04, 0x04])
/** Real-time status bytes always look like 0xx1xx10; anything else (e.g. ASB) is not an answer. */
export const isStatusByte = (b: number) => (b & 0x93) === 0x12

/** Ready to print: online, cover closed, paper in (paper low still prints). */
export const isReady = (s: PrinterStatus) => s.state === 'ready'

/**
 * Decodes the answers to DLE EOT 1, 2 and 4 (in that order).
 * Cover open and paper out put the printer offline, so they are checked before plain "offline".
 */
export function decodeStatusBytes(printer: number, cause: number, paper: number): PrinterStatus {
  if (cause & 0x04) return { state: 'error', detailKey: 'printer.detail.coverOpen' }
  if (cause & 0x20 || (paper & 0x60) === 0x60) return { state: 'error', detailKey: 'printer.detail.paperOut' }
  if (cause & 0x40) return { state: 'error', detailKey: 'printer.detail.error' }
  if (printer & 0x08) return { state: 'offline', detailKey: 'printer.detail.offline' }
  if (paper & 0x0c) return { state: 'ready', detailKey: 'printer.detail.paperLow' }
  return { state: 'ready', detailKey: 'printer.detail.ok' }
}

/** Connected, but no answer to DLE EOT: a jammed or hung printer, which must not count as ready. */
export const NO_ANSWER: PrinterStatus = { state: 'error', detailKey: 'printer.detail.noAnswer' }

/**
 * The printer's state for the indicator. askStatus false (a printer that cannot report): reachable
 * counts as ready. Device paths are checked for being a printer device, not asked.
 */
export async function queryPrinterStatus(iface: string, opts: { timeoutMs?: number; askStatus?: boolean } = {}): Promise<PrinterStatus> {
  const timeoutMs = opts.timeoutMs ?? 1_500
  let target
  try {
    target = parseInterface(iface)
  } catch (err) {
    return { state: 'offline', detailKey: err instanceof PrinterError ? err.detailKey : 'printer.detail.unknown' }
  }
  if (target.kind === 'queue') return queryQueue(target.name, timeoutMs)
  if (target.kind === 'device') {
    try {
      await checkPrinterDevice(target.path)
      return { state: 'ready', detailKey: 'printer.detail.unknown' }
    } catch (err) {
      return { state: 'offline', detailKey: err instanceof PrinterError ? err.detailKey : 'printer.detail.noDevice' }
    }
  }
  let printer: TcpPrinter
  try {
    printer = await TcpPrinter.connect(target.host, target.port, timeoutMs)
  } catch (err) {
    return { state: 'offline', detailKey: err instanceof PrinterError ? err.detailKey : 'printer.detail.offline' }
  }
  try {
    if (opts.askStatus === false) return { state: 'ready', detailKey: 'printer.detail.unknown' }
    return (await printer.status(timeoutMs)) ?? NO_ANSWER
  } finally {
    printer.close()
  }
}

/** printer:NAME -> `lpstat -p NAME`: known and not disabled counts as ready. */
function queryQueue(name: string, timeoutMs: number): Promise<PrinterStatus> {
  if (process.platform === 'win32') return Promise.resolve({ state: 'offline', detailKey: 'printer.detail.windowsQueue' })
  return new Promise((resolve) => {
    let out = ''
    const child = spawn('lpstat', ['-p', name], { stdio: ['ignore', 'pipe', 'ignore'], timeout: timeoutMs })
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    child.on('error', () => resolve({ state: 'offline', detailKey: 'printer.detail.noDevice' }))
    child.on('close', (code) => {
      if (code !== 0) resolve({ state: 'offline', detailKey: 'printer.detail.noDevice' })
      else if (/disabled/i.test(out)) resolve({ state: 'offline', detailKey: 'printer.detail.offline' })
      else resolve({ state: 'ready', detailKey: 'printer.detail.unknown' })
    })
  })
}
