/**
 * One conversation with a network ESC/POS printer (raw port 9100) on one connection, the way a
 * printer that takes one connection at a time wants it:
 *
 *   connect -> DLE EOT 1/2/4 (is it ready?) -> job bytes + DLE EOT 1/2/4 -> answers -> close
 *
 * Real-time requests (DLE EOT) are answered as soon as the printer's receive buffer reaches them, so
 * an answer to the request written after the job proves the printer took in every byte of it, and
 * says whether it is still fine (no paper out, cover closed, online). Bytes merely accepted by the
 * operating system prove nothing: a jammed printer keeps the socket open and reads nothing.
 */
import net from 'node:net'
import { decodeStatusBytes, STATUS_QUERY, isStatusByte, type PrinterStatus } from './status'
import { connectError, PrinterError } from './target'

export class TcpPrinter {
  private answers: number[] = []
  private wake: (() => void) | null = null
  private failure: Error | null = null
  private closed = false

  private constructor(
    private socket: net.Socket,
    readonly where: string
  ) {
    socket.on('data', (chunk: Buffer) => {
      for (const b of chunk) if (isStatusByte(b)) this.answers.push(b)
      this.wake?.()
    })
    socket.on('error', (err: NodeJS.ErrnoException) => {
      this.failure = err
      this.wake?.()
    })
    socket.on('close', () => {
      this.closed = true
      this.wake?.()
    })
  }

  /** Connects; a refusal or timeout here means nothing was sent. */
  static connect(host: string, port: number, timeoutMs: number): Promise<TcpPrinter> {
    const where = `tcp://${host}:${port}`
    return new Promise((resolve, reject) => {
      const socket = net.createConnection({ host, port })
      const timer = setTimeout(() => {
        socket.destroy()
        reject(new PrinterError('timeout', false, 'printer.detail.timeout', `${where}: connect timed out after ${timeoutMs} ms`))
      }, timeoutMs)
      socket.once('connect', () => {
        clearTimeout(timer)
        socket.removeAllListeners('error')
        resolve(new TcpPrinter(socket, where))
      })
      socket.once('error', (err: NodeJS.ErrnoException) => {
        clearTimeout(timer)
        reject(connectError(err, where))
      })
    })
  }

  /** Asks DLE EOT 1, 2 and 4; null when the printer does not answer all three in time. */
  async status(timeoutMs: number): Promise<PrinterStatus | null> {
    const from = this.answers.length
    if (!this.closed && !this.failure) this.socket.write(STATUS_QUERY)
    return this.readStatus(from, timeoutMs)
  }

  /**
   * Writes the job followed by a status request and waits for the answer. Any failure from here on
   * is reported as "may have printed" (maybePrinted): some bytes may already be on paper.
   */
  async sendAndConfirm(bytes: Buffer, timeoutMs: number): Promise<PrinterStatus | null> {
    const from = this.answers.length
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new PrinterError('timeout', true, 'printer.detail.noConfirm', `${this.where}: printer stopped taking data`)),
        timeoutMs
      )
      // The callback runs once the bytes are handed to the operating system (or on error).
      this.socket.write(Buffer.concat([bytes, STATUS_QUERY]), (err) => {
        clearTimeout(timer)
        if (err) reject(new PrinterError('io', true, 'printer.detail.io', `${this.where}: ${err.message} while sending`, { cause: err }))
        else resolve()
      })
    })
    return this.readStatus(from, timeoutMs)
  }

  close(): void {
    this.socket.destroy()
  }

  private async readStatus(from: number, timeoutMs: number): Promise<PrinterStatus | null> {
    const deadline = Date.now() + timeoutMs
    while (this.answers.length < from + 3) {
      if (this.closed || this.failure) return null
      const left = deadline - Date.now()
      if (left <= 0) return null
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left)
        this.wake = () => {
          clearTimeout(timer)
          resolve()
        }
      })
      this.wake = null
    }
    const [printer, cause, paper] = this.answers.slice(from, from + 3)
    return decodeStatusBytes(printer, cause, paper)
  }
}
