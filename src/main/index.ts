/**
 * The Electron shell, kept thin: a hardened window, and ipcMain wired to the same router the
 * HTTP bridge serves. Everything else lives in the transport-free core.
 */
import { app, BrowserWindow, dialog, ipcMain, safeStorage, session, shell } from 'electron'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { createCore, DB_FILE_NAME, type Core } from './core/create-core'
import { acquireProcessLock } from './db/process-lock'
import { CSP } from './bridge/server'
import { safeStorageKeyProvider } from './intake/passcode'

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
      if (state === 'completed' && item.getSavePath().toLowerCase().endsWith('.pdf')) void shell.openPath(item.getSavePath())
    })
  })
  void win.loadFile(join(__dirname, '../renderer/index.html'))
  return win
}

// One counter app per PC: a second copy on the same database could print the same ticket twice.
if (!app.requestSingleInstanceLock()) app.quit()
app.on('second-instance', () => {
  const win = BrowserWindow.getAllWindows()[0]
  if (win) {
    if (win.isMinimized()) win.restore()
    win.focus()
  }
})

app.whenReady().then(async () => {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } })
  })
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
  const dbArg = dbPathFromArgs(process.argv) ?? process.env.REPAIR_COUNTER_DB
  const dbPath = dbArg ? resolve(dbArg) : join(app.getPath('userData'), DB_FILE_NAME)
  try {
    // The single-instance lock is per user-data folder; this one also covers a start:browser on the same file.
    const lock = acquireProcessLock(dbPath)
    app.on('will-quit', () => lock.release())
  } catch (error) {
    dialog.showErrorBox('Repair Counter', error instanceof Error ? error.message : String(error))
    app.quit()
    return
  }
  const rendererUrl = pathToFileURL(join(__dirname, '../renderer/')).href
  let coreReady: Promise<Core> | null = null
  ipcMain.handle(RPC_CHANNEL, async (event, channel: unknown, input: unknown) => {
    if (!event.senderFrame?.url.startsWith(rendererUrl)) return { ok: false, error: { code: 'FORBIDDEN', message: 'forbidden' } }
    return (await coreReady!).router.call({ sessionKey: `ipc:${event.sender.id}` }, String(channel), input)
  })
  // The window loads while the database is checked (quick_check reads every page, about 1 s per GB);
  // its first calls wait for the check.
  createWindow()
  const open = (): Promise<Core> =>
    createCore({
      userDataDir: app.getPath('userData'),
      dbPath,
      // Set by scripts/start-electron.mjs: better-sqlite3 built for Electron's ABI, kept apart from
      // node_modules (which stays built for Node so `npm test` keeps working).
      nativeBinding: process.env.REPAIR_COUNTER_SQLITE_BINDING,
      // Device passcodes are sealed with a key the OS keychain protects, never kept in the database.
      passcodeKeys: safeStorageKeyProvider(safeStorage, app.getPath('userData')),
      // A restore (backups.restore): close this core and open a new one, which puts the backup in place.
      onRestartRequested: () => {
        coreReady = coreReady!.then((old) => old.close()).then(open)
        coreReady.then((c) => (core = c)).catch((e) => dialog.showErrorBox('Repair Counter', String(e)))
      }
    })
  try {
    coreReady = open()
    core = await coreReady
  } catch (error) {
    // Without its database the app cannot work: say why, rather than showing no window at all.
    dialog.showErrorBox('Repair Counter', `无法打开数据库 / Cannot open the database:\n${String(error)}`)
    app.quit()
  }
})

app.on('window-all-closed', async () => {
  await core?.close()
  app.quit()
})
