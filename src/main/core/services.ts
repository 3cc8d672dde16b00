import type { SettingsService } from '../settings/service'
import type { PrintQueue } from '../printing/queue'

/** Long-lived services handlers reach through their context. */
export interface CoreServices {
  settings: SettingsService
  printQueue: PrintQueue
  paths: {
    userData: string
    pdfDir: string
    fontPath: string
  }
}
