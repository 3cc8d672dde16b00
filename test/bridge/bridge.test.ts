import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startBridge, type Bridge } from '../../src/main/bridge/server'
import { startTestCore, type TestCore } from '../helpers/core'

let tc: TestCore
let bridge: Bridge
let parentDir: string

beforeAll(async () => {
  tc = await startTestCore()
  // <parent>/secret.txt sits one level above the served folder <parent>/static
  parentDir = mkdtempSync(join(tmpdir(), 'rc-bridge-'))
  const staticDir = join(parentDir, 'static')
  mkdirSync(staticDir)
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>app</title>')
  writeFileSync(join(parentDir, 'secret.txt'), 'do not serve')
  bridge = await startBridge({ router: tc.core.router, staticDir, port: 0 })
})
afterAll(async () => {
  await bridge.close()
  await tc.close()
  rmSync(parentDir, { recursive: true, force: true })
})

/** Raw HTTP so tests control every header (fetch would add or forbid some). */
function http(path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: bridge.port, path, method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      let body = ''
      res.on('data', (c) => (body += c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }))
    })
    req.on('error', reject)
    if (opts.body) req.write(opts.body)
    req.end()
  })
}

const rpcHeaders = (over: Record<string, string> = {}) => ({
  'content-type': 'application/json',
  'x-bridge-token': bridge.token,
  'x-session': 'tab-0001-abcdef',
  ...over
})

describe('loopback HTTP bridge', () => {
  it('listens on 127.0.0.1 only and serves the app with a strict CSP', async () => {
    expect(bridge.server.address()).toMatchObject({ address: '127.0.0.1' })
    const page = await http('/')
    expect(page.status).toBe(200)
    expect(page.body).toContain('<title>app</title>')
    expect(String(page.headers['content-security-policy'])).toContain("default-src 'self'")
  })

  it('answers the router for a caller with the token', async () => {
    const r = await http('/rpc/session.get', { method: 'POST', headers: rpcHeaders(), body: '{}' })
    expect(r.status).toBe(200)
    expect(JSON.parse(r.body)).toEqual({ ok: true, value: { user: null, setupDone: false, locale: 'zh-CN', storeName: '' } })
  })

  it('refuses calls without the token, from foreign origins, or for another host', async () => {
    const setup = JSON.stringify({ store: { name: 'X' }, manager: { username: 'evil', displayName: 'E', pin: '1234' } })
    expect((await http('/rpc/setup.create', { method: 'POST', headers: rpcHeaders({ 'x-bridge-token': 'guess' }), body: setup })).status).toBe(401)
    expect((await http('/rpc/setup.create', { method: 'POST', headers: rpcHeaders({ origin: 'http://evil.example' }), body: setup })).status).toBe(403)
    expect((await http('/rpc/setup.create', { method: 'POST', headers: rpcHeaders({ host: 'evil.example:80' }), body: setup })).status).toBe(421)
    expect((await http('/rpc/setup.create', { method: 'GET', headers: rpcHeaders() })).status).toBe(405)
    // None of them reached the router: the store is still not set up.
    const s = await http('/rpc/session.get', { method: 'POST', headers: rpcHeaders(), body: '{}' })
    expect(JSON.parse(s.body).value.setupDone).toBe(false)
  })

  it('does not serve files outside the renderer folder', async () => {
    for (const path of ['/..%2fsecret.txt', '/%2e%2e/secret.txt', '/..%5csecret.txt', '/static/..%2f..%2fsecret.txt']) {
      const r = await http(path)
      expect(r.body, path).not.toContain('do not serve')
    }
    expect((await http('/index.html')).body).toContain('<title>app</title>')
  })

  it('turns malformed JSON into a clear refusal', async () => {
    const r = await http('/rpc/auth.signIn', { method: 'POST', headers: rpcHeaders(), body: '{not json' })
    expect(r.status).toBe(400)
  })
})
