/**
 * Gets receipt bytes to the printer: raw TCP (port 9100), a device path written raw, or an OS
 * print queue via `lp -o raw`. Errors say whether anything may have come out of the printer, so the
 * queue can retry silently (nothing sent) or mark the next copy as a reprint (maybe printed).
 */
import { spawn } from 'node:child_process'
import net from 'node:net'
import { openPrinterDevice } from './device'
import { isReady, NO_ANSWER, type PrinterStatus } from './status'
import { connectError, parseInterface, PrinterError } from './target'
import { TcpPrinter } from './tcp-printer'

const DEFAULT_TIMEOUT_MS = 10_000
/** A printer that keeps the socket open after our FIN is not an error once the data is flushed. */
const CLOSE_GRACE_MS = 2_000
/** A printer that is on answers DLE EOT within milliseconds; silence this long means it cannot. */
const STATUS_TIMEOUT_MS = 3_000

export interface PrintOptions {
  /** Connect / write / answer timeout. */
  timeoutMs: number
  /** The printer answers DLE EOT: ask before sending (a fault makes the job wait) and after (proof). */
  askStatus: boolean
  /**
   * Runs once the printer is ready, right before the first byte leaves: it must make that fact
   * durable (the job's transmitStartedAt, so a crash afterwards is known as "maybe printed") and
   * returns the bytes to send (the copy number is fixed at that moment).
   */
  startTransmit: () => Promise<Buffer>
}

/** After bytes went out: confirmed = the printer answered after the last byte with no fault. */
export interface PrintOutcome {
  confirmed: boolean
  /** Why it is confirmed or not (i18n key printer.detail.*). */
  detailKey: string
  /** The printer's state as last read (for the indicator), when it was asked. */
  status: PrinterStatus | null
}

/**
 * Prints one job. Throws a PrinterError with maybePrinted=false when the job must wait (refused,
 * no answer, paper out, cover open, offline, not a printer): nothing was sent. Throws with
 * maybePrinted=true when sending broke part-way. Otherwise says whether the printer confirmed it;
 * a printer that cannot report (askStatus false, device paths, OS queues) counts a completed write.
 */
export async function printJob(iface: string, opts: PrintOptions): Promise<PrintOutcome> {
  const target = parseInterface(iface)
  if (target.kind !== 'tcp' || !opts.askStatus) {
    if (target.kind === 'device') {
      const fh = await openPrinterDevice(target.path, opts.timeoutMs)
      const bytes = await opts.startTransmit().catch(async (err) => {
        await fh.close().catch(() => {})
        throw err
      })
      await writeDevice(fh, target.path, bytes, opts.timeoutMs)
    } else {
      await sendToPrinter(iface, await opts.startTransmit(), { timeoutMs: opts.timeoutMs })
    }
    return { confirmed: true, detailKey: 'printer.detail.unknown', status: null }
  }
  const printer = await TcpPrinter.connect(target.host, target.port, opts.timeoutMs)
  try {
    const before = (await printer.status(Math.min(opts.timeoutMs, STATUS_TIMEOUT_MS))) ?? NO_ANSWER
    if (!isReady(before)) throw new PrinterError('status', false, before.detailKey, `${printer.where}: ${before.detailKey}`)
    const after = await printer.sendAndConfirm(await opts.startTransmit(), opts.timeoutMs)
    if (!after) return { confirmed: false, detailKey: 'printer.detail.noConfirm', status: NO_ANSWER }
    // A fault right after the job (paper ran out, cover opened) means it may have stopped part-way.
    return { confirmed: isReady(after), detailKey: after.detailKey, status: after }
  } finally {
    printer.close()
  }
}

/** Raw bytes, no status: used when the printer cannot report (and by tests as a plain sender). */
export async function sendToPrinter(iface: string, bytes: Buffer, opts: { timeoutMs?: number } = {}): Promise<void> {
  const target = parseInterface(iface)
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS
  if (target.kind === 'tcp') return sendTcp(target.host, target.port, bytes, timeoutMs)
  if (target.kind === 'queue') return sendQueue(target.name, bytes, timeoutMs)
  return sendDevice(target.path, bytes, timeoutMs)
}

function sendTcp(host: string, port: number, bytes: Buffer, timeoutMs: number): Promise<void> {
  const where = `tcp://${host}:${port}`
  return new Promise((resolve, reject) => {
    let connected = false
    let settled = false
    let grace: NodeJS.Timeout | null = null
    const socket = net.createConnection({ host, port })
    const settle = (err: PrinterError | null) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      if (grace) clearTimeout(grace)
      // Data already handed to the OS is still delivered; nothing unread is left to cause a reset
      socket.destroy()
      if (err) reject(err)
      else resolve()
    }
    const timer = setTimeout(() => {
      settle(
        connected
          ? new PrinterError('timeout', true, 'printer.detail.timeout', `${where}: printer stopped accepting data`)
          : new PrinterError('timeout', false, 'printer.detail.timeout', `${where}: connect timed out after ${timeoutMs} ms`)
      )
    }, timeoutMs)
    socket.on('connect', () => {
      connected = true
      socket.end(bytes)
    })
    socket.on('data', () => {}) // status bytes a printer may push (ASB); read them so closing stays clean
    socket.on('finish', () => {
      grace = setTimeout(() => settle(null), Math.min(CLOSE_GRACE_MS, timeoutMs))
    })
    socket.on('close', (hadError) => {
      if (!hadError) settle(null)
    })
    socket.on('error', (err: NodeJS.ErrnoException) => {
      if (!connected) return settle(connectError(err, where))
      settle(new PrinterError('io', true, 'printer.detail.io', `${where}: ${err.code ?? err.message} while sending`, { cause: err }))
    })
  })
}

function withTimeout<T>(p: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout
  return Promise.race([
    p,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(onTimeout()), ms)
    })
  ]).finally(() => clearTimeout(timer))
}

/** /dev/usb/lp0, /dev/ttyUSB0, COM3, LPT1, or on Windows a shared printer \\host\share, written raw. */
async function sendDevice(path: string, bytes: Buffer, timeoutMs: number): Promise<void> {
  await writeDevice(await openPrinterDevice(path, timeoutMs), path, bytes, timeoutMs)
}

async function writeDevice(fh: Awaited<ReturnType<typeof openPrinterDevice>>, path: string, bytes: Buffer, timeoutMs: number): Promise<void> {
  const write = fh.writeFile(bytes)
  // A stuck write cannot be cancelled; the handle is closed whenever it ends
  void write.then(
    () => fh.close(),
    () => fh.close()
  ).catch(() => {})
  try {
    await withTimeout(write, timeoutMs, () => new PrinterError('timeout', true, 'printer.detail.timeout', `${path}: write timed out`))
  } catch (err) {
    if (err instanceof PrinterError) throw err
    throw new PrinterError('io', true, 'printer.detail.io', `${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, { cause: err })
  }
}

/**
 * printer:NAME -> `lp -d NAME -o raw` (CUPS on Linux/macOS). Windows has no lp: there a printer is
 * shared and addressed as \\host\share (a device path), which Windows spools raw.
 */
function sendQueue(name: string, bytes: Buffer, timeoutMs: number): Promise<void> {
  if (process.platform === 'win32') {
    return Promise.reject(new PrinterError('io', false, 'printer.detail.windowsQueue', 'printer:NAME needs lp; use \\\\host\\share on Windows'))
  }
  return new Promise((resolve, reject) => {
    let settled = false
    let stderr = ''
    const child = spawn('lp', ['-d', name, '-o', 'raw'], { stdio: ['pipe', 'ignore', 'pipe'] })
    const settle = (err: PrinterError | null) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      if (err) reject(err)
      else resolve()
    }
    const timer = setTimeout(() => {
      child.kill()
      // lp queues the job only after reading all input; once stdin is closed it may have queued it
      settle(new PrinterError('timeout', child.stdin.writableFinished, 'printer.detail.timeout', `lp -d ${name}: timed out`))
    }, timeoutMs)
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.stdin.on('error', () => {}) // EPIPE when lp exits early; its exit code tells why
    child.on('error', (err) => settle(new PrinterError('io', false, 'printer.detail.noDevice', `lp: ${err.message}`, { cause: err })))
    child.on('close', (code) => {
      if (code === 0) settle(null)
      else settle(new PrinterError('io', false, 'printer.detail.noDevice', `lp -d ${name} exited ${code}: ${stderr.trim()}`))
    })
    child.stdin.end(bytes)
  })
}

export { PrinterError, parseInterface, type PrinterErrorKind, type PrinterTarget } from './target'
export { queryPrinterStatus, decodeStatusBytes, type PrinterStatus } from './status'
export { checkPrinterDevice } from './device'
