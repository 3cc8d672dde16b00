/**
 * Test helper: a network receipt printer on 127.0.0.1 (raw "port 9100" protocol).
 *
 *   const printer = await startPrinterEmulator()        // random free port
 *   await sendToPrinter(printer.url, bytes)
 *   const [job] = await printer.waitForJobs(1, 5000)    // one job = one connection's bytes
 *   printer.setStatus({ coverOpen: true })              // DLE EOT answers follow the status
 *   await printer.close()                               // "printer switched off": connections refused
 *   printer = await startPrinterEmulator({ port })      // ... and back on the same port
 *
 * A job is recorded when the client closes the connection. Connections that only asked for status
 * (DLE EOT n) are not jobs. `dropConnections` resets every connection after its first bytes, to
 * simulate a printer that fails mid-job (nothing is recorded then).
 */
import net from 'node:net'

export interface EmulatedStatus {
  /** Offline by itself (e.g. the feed button held); cover open and paper out also make it offline. */
  online: boolean
  coverOpen: boolean
  paperOut: boolean
  paperLow: boolean
  /** False = a printer that ignores DLE EOT (connects, never answers). */
  answersStatus: boolean
  /** Reset each connection as soon as data arrives. */
  dropConnections: boolean
}

export interface PrinterEmulator {
  port: number
  /** tcp://127.0.0.1:port, the form the printer settings use. */
  url: string
  jobs: Buffer[]
  /** How many DLE EOT requests were answered (or ignored). */
  statusQueries: number
  waitForJobs(n: number, timeoutMs?: number): Promise<Buffer[]>
  setStatus(patch: Partial<EmulatedStatus>): void
  close(): Promise<void>
}

const DEFAULT_STATUS: EmulatedStatus = {
  online: true,
  coverOpen: false,
  paperOut: false,
  paperLow: false,
  answersStatus: true,
  dropConnections: false
}

/** The byte an Epson printer answers to DLE EOT n (fixed bits 0x12 plus the flags). */
export function statusByte(n: number, s: EmulatedStatus): number {
  const offline = !s.online || s.coverOpen || s.paperOut
  if (n === 1) return 0x12 | (offline ? 0x08 : 0)
  if (n === 2) return 0x12 | (s.coverOpen ? 0x04 : 0) | (s.paperOut ? 0x20 : 0)
  if (n === 4) return 0x12 | (s.paperLow || s.paperOut ? 0x0c : 0) | (s.paperOut ? 0x60 : 0)
  return 0x12
}

export async function startPrinterEmulator(
  opts: { port?: number; status?: Partial<EmulatedStatus> } = {}
): Promise<PrinterEmulator> {
  let status: EmulatedStatus = { ...DEFAULT_STATUS, ...opts.status }
  const jobs: Buffer[] = []
  const sockets = new Set<net.Socket>()
  const waiters = new Set<() => void>()
  let closing = false

  const server = net.createServer((socket) => {
    sockets.add(socket)
    const chunks: Buffer[] = []
    let scanned = 0 // bytes already scanned for DLE EOT
    let queryBytes = 0
    let dropped = false
    socket.on('data', (chunk: Buffer) => {
      if (status.dropConnections) {
        dropped = true
        socket.resetAndDestroy()
        return
      }
      chunks.push(chunk)
      const all = Buffer.concat(chunks)
      let k = scanned
      while (k + 2 < all.length) {
        if (all[k] === 0x10 && all[k + 1] === 0x04 && all[k + 2] >= 1 && all[k + 2] <= 4) {
          emulator.statusQueries++
          queryBytes += 3
          if (status.answersStatus) socket.write(Buffer.from([statusByte(all[k + 2], status)]))
          k += 3
        } else k++
      }
      scanned = k
    })
    socket.on('error', () => {}) // clients may reset; that is their business
    socket.on('close', () => {
      sockets.delete(socket)
      const all = Buffer.concat(chunks)
      if (!dropped && !closing && all.length > queryBytes) {
        jobs.push(all)
        for (const w of waiters) w()
      }
    })
  })

  let closed: Promise<void> = Promise.resolve()
  // Restarting on the same port ("the printer is back"): the port may still be settling; retry briefly.
  for (let attempt = 0; ; attempt++) {
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject)
        server.listen({ host: '127.0.0.1', port: opts.port ?? 0 }, () => {
          server.off('error', reject)
          resolve()
        })
      })
      break
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || !opts.port || attempt >= 50) throw error
      await new Promise((r) => setTimeout(r, 100))
    }
  }
  const port = (server.address() as net.AddressInfo).port

  const emulator: PrinterEmulator = {
    port,
    url: `tcp://127.0.0.1:${port}`,
    jobs,
    statusQueries: 0,
    setStatus(patch) {
      status = { ...status, ...patch }
    },
    waitForJobs(n, timeoutMs = 5_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (jobs.length < n) return
          clearTimeout(timer)
          waiters.delete(check)
          resolve(jobs.slice(0, n))
        }
        const timer = setTimeout(() => {
          waiters.delete(check)
          reject(new Error(`printer emulator: expected ${n} job(s) within ${timeoutMs} ms, got ${jobs.length}`))
        }, timeoutMs)
        waiters.add(check)
        check()
      })
    },
    close() {
      // Like pulling the plug: open connections die (unfinished jobs are lost), new ones are refused.
      // Closing twice is fine (a test may switch the printer off and leave it off).
      if (closing) return closed
      closing = true
      for (const s of sockets) s.destroy()
      closed = new Promise((resolve) => server.close(() => resolve()))
      return closed
    }
  }
  return emulator
}
