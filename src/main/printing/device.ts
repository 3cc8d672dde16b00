/**
 * Device paths are opened for writing, so only a real printer port may be: on POSIX the path (after
 * symlinks) must be a character device under /dev that is not a file-descriptor alias, and the
 * opened handle must still be that device. A regular file (the database!), a directory, a socket,
 * /dev/fd/N or /proc/... is refused before a byte is written.
 */
import { constants } from 'node:fs'
import { lstat, open, realpath, type FileHandle } from 'node:fs/promises'
import { PrinterError } from './target'

const WINDOWS_PORT = /^(COM\d+|LPT\d)$/i
const ALIASES = /^\/(dev\/(fd|stdin|stdout|stderr)(\/|$)|proc\/)/

const notPrinter = (path: string, why: string) =>
  new PrinterError('notPrinter', false, 'printer.detail.notPrinter', `${path}: not a printer device (${why})`)

function missing(path: string, err: unknown): PrinterError {
  const code = (err as NodeJS.ErrnoException).code
  const key = code === 'EBUSY' ? 'printer.detail.offline' : 'printer.detail.noDevice'
  return new PrinterError('io', false, key, `${path}: ${code ?? String(err)}`, { cause: err })
}

/** Resolves the path a POSIX printer device really is, or throws (nothing opened). */
export async function checkPrinterDevice(path: string): Promise<string> {
  if (process.platform === 'win32') return path // COMn, LPTn, \\host\share: Windows opens only devices and shares there
  if (!path.startsWith('/dev/')) throw notPrinter(path, 'not under /dev')
  let real: string
  try {
    real = await realpath(path)
  } catch (err) {
    throw missing(path, err)
  }
  if (!real.startsWith('/dev/') || ALIASES.test(real)) throw notPrinter(path, `resolves to ${real}`)
  const st = await lstat(real).catch((err: unknown) => {
    throw missing(path, err)
  })
  if (!st.isCharacterDevice()) throw notPrinter(path, 'not a character device')
  return real
}

/** Opens a printer device write-only (never created, never truncated), checked before and after opening. */
export async function openPrinterDevice(path: string, timeoutMs: number): Promise<FileHandle> {
  const target = process.platform === 'win32' && WINDOWS_PORT.test(path) ? `\\\\.\\${path}` : await checkPrinterDevice(path)
  const flags = process.platform === 'win32' ? constants.O_WRONLY : constants.O_WRONLY | constants.O_NOCTTY | constants.O_NOFOLLOW
  const opening = open(target, flags)
  let timer: NodeJS.Timeout | undefined
  let fh: FileHandle
  try {
    fh = await Promise.race([
      opening,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new PrinterError('timeout', false, 'printer.detail.timeout', `${path}: open timed out`)), timeoutMs)
      })
    ])
  } catch (err) {
    opening.then((late) => late.close()).catch(() => {}) // an open that completes after the timeout
    if (err instanceof PrinterError) throw err
    throw missing(path, err)
  } finally {
    clearTimeout(timer)
  }
  if (process.platform !== 'win32') {
    // The path could have been swapped between the check and the open: trust only the open handle.
    const st = await fh.stat().catch(() => null)
    if (!st?.isCharacterDevice()) {
      await fh.close().catch(() => {})
      throw notPrinter(path, 'opened handle is not a character device')
    }
  }
  return fh
}
