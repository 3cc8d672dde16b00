#!/usr/bin/env node
// `npm start`: launches the Electron shell on a connected machine without touching node_modules'
// better-sqlite3 (which stays built for Node, so `npm test` keeps working on the same checkout).
//  1. Electron's binary is not downloaded at `npm install` (package.json allowScripts: electron=false,
//     so installs also succeed offline); fetch it on first start.
//  2. Build better-sqlite3 once for Electron's ABI into .electron-native/<electron version>/ and hand
//     its path to main through REPAIR_COUNTER_SQLITE_BINDING (TypeORM's `nativeBinding` option).
import { spawnSync, spawn } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, copyFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(join(root, 'package.json'))
const electronPkg = require('electron/package.json')
const electronDir = dirname(require.resolve('electron/package.json'))
const fail = (line) => {
  console.error(line)
  process.exit(1)
}

function electronBinary() {
  try {
    return require('electron') // the path of the binary, or throws when it was never downloaded
  } catch {
    return null
  }
}

let binary = electronBinary()
if (!binary || !existsSync(binary)) {
  console.log(`Downloading the Electron ${electronPkg.version} binary (first start only)...`)
  // Its own output is a stack trace when offline; the line below says what to do instead.
  const r = spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: 'pipe', cwd: electronDir, timeout: 600_000 })
  binary = r.status === 0 ? electronBinary() : null
  if (!binary || !existsSync(binary)) {
    fail('Electron is not installed and could not be downloaded on this machine (offline?): run `npm run start:browser` to use the same app in Chromium.')
  }
}

const nativeDir = join(root, '.electron-native', electronPkg.version)
const binding = join(nativeDir, 'better_sqlite3.node')
if (!existsSync(binding)) {
  console.log(`Building better-sqlite3 for Electron ${electronPkg.version} (first start only)...`)
  const work = join(root, '.electron-native', 'build')
  rmSync(work, { recursive: true, force: true })
  cpSync(dirname(require.resolve('better-sqlite3/package.json')), work, { recursive: true })
  rmSync(join(work, 'build'), { recursive: true, force: true })
  const bin = (name) => join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name)
  const args = ['--runtime=electron', `--target=${electronPkg.version}`, `--arch=${process.arch}`]
  let ok = spawnSync(bin('prebuild-install'), args, { cwd: work, stdio: 'inherit', shell: process.platform === 'win32' }).status === 0
  if (!ok) {
    ok =
      spawnSync('npx', ['--yes', 'node-gyp', 'rebuild', '--release', `--target=${electronPkg.version}`, '--dist-url=https://electronjs.org/headers'], {
        cwd: work,
        stdio: 'inherit',
        shell: process.platform === 'win32'
      }).status === 0
  }
  const built = join(work, 'build', 'Release', 'better_sqlite3.node')
  if (!ok || !existsSync(built)) fail('Could not build better-sqlite3 for Electron (offline?): run `npm run start:browser` to use the same app in Chromium.')
  mkdirSync(nativeDir, { recursive: true })
  copyFileSync(built, binding)
  rmSync(work, { recursive: true, force: true })
}

const child = spawn(binary, [root, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, REPAIR_COUNTER_SQLITE_BINDING: binding }
})
child.on('exit', (code) => process.exit(code ?? 0))
