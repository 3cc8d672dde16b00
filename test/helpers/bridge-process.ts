/**
 * Test helper: the built app (out/main/bridge.js, or RC_OUT_DIR's build) as its own process on a data
 * folder, exactly as `npm run start:browser` runs it. `spawnBridge` starts it; `startBridgeProcess`
 * also calls it over its loopback HTTP API like the browser does. Every test that needs the real
 * process (browser e2e, kill -9, the lock file, the integrity screen) starts it here.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { request } from 'node:http'
import { resolve } from 'node:path'

const ROOT = resolve(__dirname, '../..')
export const BRIDGE_JS = resolve(ROOT, process.env.RC_OUT_DIR ?? 'out', 'main/bridge.js')

export interface SpawnedBridge {
  child: ChildProcess
  stdout(): string
  stderr(): string
  /** Resolves with the URL (token included) once the bridge printed it; rejects if it exits first. */
  url: Promise<string>
  /** Resolves with the exit code. */
  exited: Promise<number | null>
  /** SIGTERM, as closing the app does. */
  stop(): Promise<void>
}

export function spawnBridge(dataDir: string, extraArgs: string[] = []): SpawnedBridge {
  if (!existsSync(BRIDGE_JS)) throw new Error(`${BRIDGE_JS} is missing: run \`npm run build\` first (npm test does)`)
  // NODE_PATH: a build outside the checkout (RC_OUT_DIR) still loads the checkout's packages.
  const env = { ...process.env, NODE_PATH: resolve(ROOT, 'node_modules') }
  const child = spawn(process.execPath, [BRIDGE_JS, '--data', dataDir, '--port', '0', ...extraArgs], { stdio: ['ignore', 'pipe', 'pipe'], env })
  let out = ''
  let err = ''
  child.stdout?.on('data', (d) => (out += d))
  child.stderr?.on('data', (d) => (err += d))
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)))
  const url = new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`bridge did not start: ${out}${err}`)), 20_000)
    child.stdout?.on('data', () => {
      const m = /BRIDGE_URL=(\S+)/.exec(out)
      if (m) {
        clearTimeout(timer)
        resolveUrl(m[1])
      }
    })
    void exited.then((code) => {
      clearTimeout(timer)
      reject(new Error(`bridge exited (${code}): ${err}`))
    })
  })
  url.catch(() => undefined)
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    url,
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM')
        await exited
      }
    }
  }
}

const TOKEN = 'bridge-process-token-0123456789abcdef'

export interface BridgeProcess {
  child: ChildProcess
  port: number
  /** Open this in Chromium: the app with its token. */
  url: string
  call<T = unknown>(channel: string, input: unknown): Promise<{ ok: boolean; value: T; error?: unknown }>
  ok<T = unknown>(channel: string, input: unknown): Promise<T>
}

/** The bridge on a known token, with a client that calls it the way the renderer does. */
export async function startBridgeProcess(dataDir: string): Promise<BridgeProcess> {
  const bridge = spawnBridge(dataDir, ['--token', TOKEN])
  const port = Number(new URL(await bridge.url).port)
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
    child: bridge.child,
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
export function kill9(app: { child: ChildProcess }): Promise<void> {
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
