import { randomBytes, timingSafeEqual } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, sep } from 'node:path'
import type { CallRouter } from '../core/damaged-router'

/**
 * Loopback HTTP transport for the same router Electron IPC serves: the real renderer runs in a
 * browser (start:browser, end-to-end tests). Binds 127.0.0.1 only; every RPC needs the per-run
 * token; foreign Origins and Host headers are refused (no DNS rebinding, no cross-site calls).
 */
export interface BridgeOptions {
  router: CallRouter
  /** The built renderer (out/renderer). */
  staticDir: string
  port?: number
  token?: string
}

export interface Bridge {
  server: Server
  port: number
  token: string
  /** Open this in the browser: it carries the token. */
  url: string
  close(): Promise<void>
}

const MAX_BODY = 1_000_000
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json'
}
// The same policy the Electron window enforces (see src/main/index.ts).
export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'"

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

function send(res: ServerResponse, status: number, body: string | Buffer, type = 'application/json; charset=utf-8') {
  res.writeHead(status, {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    ...(type.startsWith('text/html') ? { 'Content-Security-Policy': CSP, 'X-Frame-Options': 'DENY' } : {})
  })
  res.end(body)
}

async function readBody(req: IncomingMessage): Promise<string> {
  let size = 0
  const chunks: Buffer[] = []
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY) throw new Error('body too large')
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

export async function startBridge(opts: BridgeOptions): Promise<Bridge> {
  const token = opts.token ?? randomBytes(24).toString('hex')
  let origin = ''

  const server = createServer(async (req, res) => {
    try {
      const host = req.headers.host ?? ''
      if (host !== origin.slice('http://'.length)) return send(res, 421, '{"error":"wrong host"}')
      const url = new URL(req.url ?? '/', origin)
      if (url.pathname.startsWith('/rpc/')) return await rpc(req, res, url)
      if (req.method !== 'GET') return send(res, 405, '{"error":"method"}')
      return await serveStatic(res, url.pathname)
    } catch {
      send(res, 500, '{"error":"internal"}')
    }
  })

  async function rpc(req: IncomingMessage, res: ServerResponse, url: URL) {
    if (req.method !== 'POST') return send(res, 405, '{"error":"method"}')
    const reqOrigin = req.headers.origin
    if (reqOrigin !== undefined && reqOrigin !== origin) return send(res, 403, '{"error":"origin"}')
    if (req.headers['sec-fetch-site'] && req.headers['sec-fetch-site'] !== 'same-origin') return send(res, 403, '{"error":"origin"}')
    if (!sameToken(String(req.headers['x-bridge-token'] ?? ''), token)) return send(res, 401, '{"error":"token"}')
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, '{"error":"type"}')
    const session = String(req.headers['x-session'] ?? '')
    if (!/^[A-Za-z0-9_-]{8,64}$/.test(session)) return send(res, 400, '{"error":"session"}')
    let input: unknown
    try {
      const body = await readBody(req)
      input = body ? JSON.parse(body) : {}
    } catch {
      return send(res, 400, '{"error":"body"}')
    }
    const channel = decodeURIComponent(url.pathname.slice('/rpc/'.length))
    const result = await opts.router.call({ sessionKey: `http:${session}` }, channel, input)
    send(res, 200, JSON.stringify(result))
  }

  async function serveStatic(res: ServerResponse, pathname: string) {
    const rel = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '')
    const file = join(opts.staticDir, rel === '' ? 'index.html' : rel)
    if (!file.startsWith(opts.staticDir + sep) && file !== opts.staticDir) return send(res, 404, 'not found', 'text/plain')
    try {
      send(res, 200, await readFile(file), TYPES[extname(file)] ?? 'application/octet-stream')
    } catch {
      // Client-side routes fall back to the app shell.
      send(res, 200, await readFile(join(opts.staticDir, 'index.html')), TYPES['.html'])
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  origin = `http://127.0.0.1:${port}`
  return {
    server,
    port,
    token,
    url: `${origin}/?token=${token}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve()))
  }
}
