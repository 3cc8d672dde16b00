import { contextBridge, ipcRenderer } from 'electron'
import type { Api } from '@shared/contract'

// The only thing the renderer gets: one typed call into main's router.
const api = {
  call: (channel, input) => ipcRenderer.invoke('rpc', channel, input)
} satisfies Api

contextBridge.exposeInMainWorld('api', api)
