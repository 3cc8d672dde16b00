import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'

const ROOT = resolve(__dirname, '../..')

export interface BridgeProcess {
  child: ChildProcess
  stdout(): string
  stderr(): string
  /** Resolves with the URL once the bridge printed it; rejects if it exits first. */
  url: Promise<string>
  /** Resolves with the exit code. */
  exited: Promise<number | null>
  stop(): Promise<void>
}

/** The built `start:browser` bridge (RC_OUT_DIR or out/) on a data folder, exactly as a user starts it. */
export function spawnBridge(dataDir: string): BridgeProcess {
  const bridgeJs = resolve(ROOT, process.env.RC_OUT_DIR ?? 'out', 'main/bridge.js')
  if (!existsSync(bridgeJs)) throw new Error(`${bridgeJs} is missing: run \`npm run build\` first (npm test does)`)
  // NODE_PATH: a build outside the checkout (RC_OUT_DIR) still finds the project's node_modules.
  const env = { ...process.env, NODE_PATH: resolve(ROOT, 'node_modules') }
  const child = spawn(process.execPath, [bridgeJs, '--data', dataDir, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'], env })
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
