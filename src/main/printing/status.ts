/**
 * Printer status for the counter's indicator. Network printers are asked with the ESC/POS real-time
 * status requests `DLE EOT 1/2/4` (printer / offline cause / roll paper sensor); other interfaces can
 * only be checked for existence.
 */
import { spawn } from 'node:child_process'
import { access, constants } from 'node:fs/promises'
import net from 'node:net'
import { connectError, parseInterface, PrinterError } from './target'

export interface PrinterStatus {
  state: 'ready' | 'offline' | 'error'
  /** i18n key (printer.detail.*). */
  detailKey: string
}

const QUERY = Buffer.from([0x10, 0x04, 0x01, 0x10, 0x04, 0x02, 0x10, 0x04, 0x04])
/** Real-time status bytes always look like 0xx1xx10; anything else (e.g. ASB) is not an answer. */
const isStatusByte = (b: number) => (b & 0x93) === 0x12

/**
 * Decodes the answers to DLE EOT 1, 2 and 4 (in that order; missing ones are undefined).
 * Cover open and paper out put the printer offline, so they are checked before plain "offline".
 */
export function decodeStatusBytes(printer?: number, cause?: number, paper?: number): PrinterStatus {
  if (printer === undefined) return { state: 'ready', detailKey: 'printer.detail.unknown' }
  if (cause !== undefined && cause & 0x04) return { state: 'error', detailKey: 'printer.detail.coverOpen' }
  const paperOut = (cause !== undefined && cause & 0x20) || (paper !== undefined && (paper & 0x60) === 0x60)
  if (paperOut) return { state: 'error', detailKey: 'printer.detail.paperOut' }
  if (cause !== undefined && cause & 0x40) return { state: 'error', detailKey: 'printer.detail.error' }
  if (printer & 0x08) return { state: 'offline', detailKey: 'printer.detail.offline' }
  if (paper !== undefined && paper & 0x0c) return { state: 'ready', detailKey: 'printer.detail.paperLow' }
  return { state: 'ready', detailKey: 'printer.detail.ok' }
}

export async function queryPrinterStatus(iface: string, opts: { timeoutMs?: number } = {}): Promise<PrinterStatus> {
  const timeoutMs = opts.timeoutMs ?? 1_500
  let target
  try {
    target = parseInterface(iface)
  } catch (err) {
    return { state: 'offline', detailKey: err instanceof PrinterError ? err.detailKey : 'printer.detail.unknown' }
  }
  if (target.kind === 'tcp') return queryTcp(target.host, target.port, timeoutMs)
  if (target.kind === 'queue') return queryQueue(target.name, timeoutMs)
  try {
    await access(target.path, constants.W_OK)
    return { state: 'ready', detailKey: 'printer.detail.unknown' }
  } catch {
    return { state: 'offline', detailKey: 'printer.detail.noDevice' }
  }
}

function queryTcp(host: string, port: number, timeoutMs: number): Promise<PrinterStatus> {
  return new Promise((resolve) => {
    const answers: number[] = []
    let connected = false
    let done = false
    const socket = net.createConnection({ host, port })
    const finish = (status: PrinterStatus) => {
      if (done) return
      done = true
      clearTimeout(timer)
      socket.destroy()
      resolve(status)
    }
    // After connecting, silence until the deadline means a printer that does not answer DLE EOT
    const timer = setTimeout(() => {
      finish(connected ? decodeStatusBytes(answers[0], answers[1], answers[2]) : { state: 'offline', detailKey: 'printer.detail.timeout' })
    }, timeoutMs)
    socket.on('connect', () => {
      connected = true
      socket.write(QUERY)
    })
    socket.on('data', (chunk: Buffer) => {
      for (const b of chunk) if (isStatusByte(b)) answers.push(b)
      if (answers.length >= 3) finish(decodeStatusBytes(answers[0], answers[1], answers[2]))
    })
    socket.on('error', (err: NodeJS.ErrnoException) => {
      if (!connected) return finish({ state: 'offline', detailKey: connectError(err, `tcp://${host}:${port}`).detailKey })
      finish(decodeStatusBytes(answers[0], answers[1], answers[2]))
    })
    socket.on('close', () => finish(decodeStatusBytes(answers[0], answers[1], answers[2])))
  })
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
