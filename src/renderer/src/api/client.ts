import type { Api, Channel, Contract, InputOf, OutputOf, Result } from '@shared/contract'

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a browser, where the HTTP bridge answers. */
    api?: Api
  }
}

function randomKey(): string {
  const bytes = new Uint8Array(16)
  crypto.getRandomValues(bytes)
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

/** The bridge's per-run token arrives in the URL once; it is kept for this tab and removed from the address bar. */
function bridgeCredentials(): { token: string; session: string } {
  const url = new URL(window.location.href)
  const fromUrl = url.searchParams.get('token')
  if (fromUrl) {
    sessionStorage.setItem('bridgeToken', fromUrl)
    url.searchParams.delete('token')
    window.history.replaceState(null, '', url.pathname + url.search + url.hash)
  }
  let session = sessionStorage.getItem('bridgeSession')
  if (!session) {
    session = randomKey()
    sessionStorage.setItem('bridgeSession', session)
  }
  return { token: sessionStorage.getItem('bridgeToken') ?? '', session }
}

function httpApi(): Api {
  const { token, session } = bridgeCredentials()
  return {
    async call(channel, input) {
      try {
        const res = await fetch(`/rpc/${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'x-bridge-token': token, 'x-session': session },
          body: JSON.stringify(input ?? {})
        })
        // The bridge refused the call (stale token after a restart) or answered nothing useful:
        // no message here, the screen shows the translated one for the code.
        if (!res.ok) return { ok: false, error: { code: 'UNREACHABLE', message: '' } }
        return await res.json()
      } catch {
        return { ok: false, error: { code: 'UNREACHABLE', message: '' } }
      }
    }
  } as Api
}

/** The typed client: the same calls whether Electron IPC or the loopback bridge answers. */
export const api: Api = window.api ?? httpApi()

/** Unwraps a result for TanStack Query: failures become thrown ApiError (with field messages). */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {}
  ) {
    super(message)
  }
}

export async function call<C extends Channel>(channel: C, input: InputOf<Contract[C]>): Promise<OutputOf<Contract[C]>> {
  const result = (await api.call(channel, input)) as Result<OutputOf<Contract[C]>>
  if (result.ok) return result.value
  throw new ApiError(result.error.code, result.error.message, result.error.fields)
}
