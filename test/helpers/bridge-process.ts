/**
 * Test helper: the built app (out/main/bridge.js, or RC_OUT_DIR's) as its own process on a data
 * folder, called over its loopback HTTP API like the browser does. Kill it with kill9().
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { request } from 'node:http'
import { join, resolve } from 'node:path'

const ROOT = resolve(__dirname, '../..')
export const BRIDGE_JS = resolve(ROOT, process.env.RC_OUT_DIR ?? 'out', 'main/bridge.js')
const TOKEN = 'bridge-process-token-0123456789abcdef'

export interface BridgeProcess {
  child: ChildProcess
  port: number
  /** Open this in Chromium: the app with its token. */
  url: string
  call<T = unknown>(channel: string, input: unknown): Promise<{ ok: boolean; value: T; error?: unknown }>
  ok<T = unknown>(channel: string, input: unknown): Promise<T>
}

export async function startBridgeProcess(dataDir: string): Promise<BridgeProcess> {
  if (!existsSync(BRIDGE_JS)) throw new Error(`${BRIDGE_JS} is missing: run \`npm run build\` first (npm test does)`)
  const child = spawn(process.execPath, [BRIDGE_JS, '--data', dataDir, '--port', '0', '--token', TOKEN], {
    stdio: ['ignore', 'pipe', 'pipe'],
    // A build outside the checkout (RC_OUT_DIR) still loads the checkout's packages
    env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') }
  })
  let err = ''
  child.stderr!.on('data', (d) => (err += d))
  const port = await new Promise<number>((resolvePort, reject) => {
    let out = ''
    const timer = setTimeout(() => reject(new Error(`bridge did not start: ${err}`)), 20_000)
    child.stdout!.on('data', (d) => {
      out += d
      const m = /BRIDGE_URL=http:\/\/127\.0\.0\.1:(\d+)\//.exec(out)
      if (m) {
        clearTimeout(timer)
        resolvePort(Number(m[1]))
      }
    })
    child.once('exit', (code) => reject(new Error(`bridge exited ${code}: ${err}`)))
  })
  const call = (channel: string, input: unknown) =>
    new Promise<{ ok: boolean; value: never }>((res, rej) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: `/rpc/${channel}`,
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-bridge-token': TOKEN, 'x-session': 'bridge-process-0001' }
        },
        (r) => {
          let text = ''
          r.on('data', (c) => (text += c))
          r.on('end', () => res(JSON.parse(text)))
        }
      )
      req.on('error', rej)
      req.end(JSON.stringify(input))
    })
  return {
    child,
    port,
    url: `http://127.0.0.1:${port}/?token=${TOKEN}`,
    call,
    async ok(channel, input) {
      const r = await call(channel, input)
      if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r)}`)
      return r.value
    }
  }
}

/** Like pulling the plug: SIGKILL, no clean-up in the app. */
export function kill9(app: BridgeProcess): Promise<void> {
  if (app.child.exitCode !== null || app.child.signalCode !== null) return Promise.resolve()
  return new Promise((r) => {
    app.child.once('exit', () => r())
    app.child.kill('SIGKILL')
  })
}

export async function until<T>(what: string, read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs
  let v = await read()
  while (!ok(v)) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(v)}`)
    await new Promise((r) => setTimeout(r, 50))
    v = await read()
  }
  return v
}
