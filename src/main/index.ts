/**
 * The Electron shell, kept thin: a hardened window, and ipcMain wired to the same router the
 * HTTP bridge serves. Everything else lives in the transport-free core.
 */
import { app, BrowserWindow, ipcMain, session, shell } from 'electron'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { createCore, type Core } from './core/create-core'
import { CSP } from './bridge/server'

export const RPC_CHANNEL = 'rpc'

/** `--db=PATH` (or `--db PATH`) points the app at another database file, e.g. a copy for training. */
function dbPathFromArgs(argv: string[]): string | undefined {
  const i = argv.findIndex((a) => a === '--db' || a.startsWith('--db='))
  if (i < 0) return undefined
  return argv[i].startsWith('--db=') ? argv[i].slice(5) : argv[i + 1]
}
let core: Core | null = null

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1360,
    height: 860,
    show: false,
    autoHideMenuBar: true,
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false
    }
  })
  win.once('ready-to-show', () => win.show())
  // No navigation, no new windows, no remote content.
  win.webContents.on('will-navigate', (e) => e.preventDefault())
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }))
  // PDFs the renderer saves are written by main; opening them goes to the OS viewer.
  win.webContents.session.on('will-download', (_e, item) => {
    item.once('done', (_ev, state) => {
      if (state === 'completed') void shell.openPath(item.getSavePath())
    })
  })
  void win.loadFile(join(__dirname, '../renderer/index.html'))
  return win
}

app.whenReady().then(async () => {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } })
  })
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
  core = await createCore({
    userDataDir: app.getPath('userData'),
    dbPath: dbPathFromArgs(process.argv) ?? process.env.REPAIR_COUNTER_DB,
    // Set by scripts/start-electron.mjs: better-sqlite3 built for Electron's ABI, kept apart from
    // node_modules (which stays built for Node so `npm test` keeps working).
    nativeBinding: process.env.REPAIR_COUNTER_SQLITE_BINDING
  })
  const rendererUrl = pathToFileURL(join(__dirname, '../renderer/')).href
  ipcMain.handle(RPC_CHANNEL, (event, channel: unknown, input: unknown) => {
    if (!event.senderFrame?.url.startsWith(rendererUrl)) return { ok: false, error: { code: 'FORBIDDEN', message: 'forbidden' } }
    return core!.router.call({ sessionKey: `ipc:${event.sender.id}` }, String(channel), input)
  })
  createWindow()
})

app.on('window-all-closed', async () => {
  await core?.close()
  app.quit()
})
