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
 * A job is recorded when a status request follows its bytes, or when the client closes the
 * connection. Connections that only asked for status (DLE EOT n) are not jobs. DLE EOT is answered at once wherever it appears in the stream, like a
 * real Epson (real-time commands), so a request written after a job is answered once the job's bytes
 * are in. Fault modes (setStatus):
 *
 *   refuse             close() — nothing listens, connections are refused (restart on the same port)
 *   hang               accepts the connection, never reads a byte, never answers (jammed firmware)
 *   answersStatus:false connects and reads, never answers DLE EOT
 *   muteOnJob          answers status until job bytes arrive, then goes silent and prints nothing
 *   closeMidJobAfter:N resets the connection after N job bytes (a large job is cut off part-way)
 *   faultOnJob:{...}   the status changes when job bytes arrive (e.g. paper runs out mid-ticket)
 *   paperOut / coverOpen / online:false   answered in DLE EOT; a job sent anyway is not printed
 *   dropConnections    resets every connection as soon as data arrives
 *   statusDelayMs:N    answers DLE EOT only after N ms (a busy printer)
 *
 * `jobs` holds what came out on paper; `received` every connection that carried job bytes.
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
  /** Accept connections but never read or answer. */
  hang: boolean
  /** Answer status until job bytes arrive on a connection, then never again (and print nothing). */
  muteOnJob: boolean
  /** Reset the connection once this many job bytes arrived (null: never). */
  closeMidJobAfter: number | null
  /** Applied to the status when job bytes arrive (the job is then not printed). */
  faultOnJob: Partial<EmulatedStatus> | null
  /** Answer DLE EOT only after this long (a slow or busy printer). */
  statusDelayMs: number
}

export interface PrinterEmulator {
  port: number
  /** tcp://127.0.0.1:port, the form the printer settings use. */
  url: string
  jobs: Buffer[]
  /** Every connection that carried job bytes, printed or not (a cut-off job: the bytes that arrived). */
  received: Buffer[]
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
  dropConnections: false,
  hang: false,
  muteOnJob: false,
  closeMidJobAfter: null,
  faultOnJob: null,
  statusDelayMs: 0
}

const faulty = (s: EmulatedStatus) => !s.online || s.coverOpen || s.paperOut

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

  const received: Buffer[] = []
  const server = net.createServer((socket) => {
    sockets.add(socket)
    const chunks: Buffer[] = []
    let scanned = 0 // bytes already scanned for DLE EOT
    let queryBytes = 0
    let dropped = false
    let muted = false
    let sawJob = false
    let jobBytes = 0
    let recorded = false
    let printable = true
    const record = (all: Buffer) => {
      recorded = true
      received.push(all)
      if (printable) jobs.push(all)
      for (const w of waiters) w()
    }
    if (status.hang) {
      socket.pause() // never read: the client's bytes pile up in the socket buffers
      socket.on('error', () => {})
      socket.on('close', () => sockets.delete(socket))
      return
    }
    socket.on('data', (chunk: Buffer) => {
      if (status.dropConnections) {
        dropped = true
        socket.resetAndDestroy()
        return
      }
      chunks.push(chunk)
      const all = Buffer.concat(chunks)
      let k = scanned
      while (k < all.length) {
        if (k + 2 < all.length && all[k] === 0x10 && all[k + 1] === 0x04 && all[k + 2] >= 1 && all[k + 2] <= 4) {
          emulator.statusQueries++
          queryBytes += 3
          // A status request after job bytes: the job is in (and on paper) before the answer goes out.
          if (sawJob && !recorded) record(all)
          if (status.answersStatus && !muted) {
            const answer = Buffer.from([statusByte(all[k + 2], status)])
            if (status.statusDelayMs > 0) setTimeout(() => socket.writable && socket.write(answer), status.statusDelayMs)
            else socket.write(answer)
          }
          k += 3
          continue
        }
        if (k + 2 >= all.length && all[k] === 0x10) break // maybe a request split across chunks
        jobBytes++
        if (status.closeMidJobAfter !== null && jobBytes >= status.closeMidJobAfter && !recorded) {
          dropped = true
          received.push(all.subarray(0, k + 1))
          socket.resetAndDestroy()
          return
        }
        if (!sawJob) {
          // The first job byte: a fault that comes with the job, or one already there, means no paper output
          sawJob = true
          if (status.muteOnJob) muted = true
          if (status.faultOnJob) status = { ...status, ...status.faultOnJob, faultOnJob: null }
          printable = !muted && !faulty(status)
        }
        k++
      }
      scanned = k
    })
    socket.on('error', () => {}) // clients may reset; that is their business
    socket.on('close', () => {
      sockets.delete(socket)
      const all = Buffer.concat(chunks)
      if (!dropped && !closing && !recorded && all.length > queryBytes) record(all)
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
    received,
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
