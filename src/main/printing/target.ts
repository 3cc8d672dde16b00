/** Printer interface strings and the one error type every printer failure is reported as. */
import { isPrinterInterface } from '@shared/contract/settings'

/** refused/timeout/io: the connection; status: the printer answered with a fault or not at all; notPrinter: the path is no printer. */
export type PrinterErrorKind = 'refused' | 'timeout' | 'io' | 'status' | 'notPrinter'

export class PrinterError extends Error {
  override name = 'PrinterError'
  constructor(
    readonly kind: PrinterErrorKind,
    /** False only when we know no byte reached the printer (e.g. the connection was refused). */
    readonly maybePrinted: boolean,
    /** i18n key for the counter (printer.detail.*). */
    readonly detailKey: string,
    message: string,
    options?: { cause?: unknown }
  ) {
    super(message, options)
  }
}

export type PrinterTarget =
  | { kind: 'tcp'; host: string; port: number }
  | { kind: 'queue'; name: string }
  | { kind: 'device'; path: string }

/** The same rule as the settings validation (contract/settings.ts isPrinterInterface), checked again here. */
export function parseInterface(iface: string): PrinterTarget {
  const s = iface.trim()
  if (!isPrinterInterface(s)) throw new PrinterError('notPrinter', false, 'printing.v.interface', `invalid printer interface: ${iface}`)
  const tcp = /^tcp:\/\/([A-Za-z0-9.\-]+):(\d{1,5})$/.exec(s)
  if (tcp) return { kind: 'tcp', host: tcp[1], port: +tcp[2] }
  const queue = /^printer:(.+)$/.exec(s)
  if (queue) return { kind: 'queue', name: queue[1] }
  return { kind: 'device', path: s }
}

/** Connect-phase errors: nothing was sent. */
export function connectError(err: NodeJS.ErrnoException, where: string): PrinterError {
  if (err.code === 'ECONNREFUSED') return new PrinterError('refused', false, 'printer.detail.refused', `${where}: connection refused`, { cause: err })
  if (err.code === 'ETIMEDOUT') return new PrinterError('timeout', false, 'printer.detail.timeout', `${where}: connect timed out`, { cause: err })
  return new PrinterError('io', false, 'printer.detail.offline', `${where}: ${err.code ?? err.message}`, { cause: err })
}

