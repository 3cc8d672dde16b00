import type { SettingsService } from '../settings/service'
import type { PrintQueue } from '../printing/queue'
import type { Sessions } from './sessions'
import type { SearchService } from '../search/search-service'
import type { PasscodeKeyProvider } from '../intake/passcode'
import type { BackupService } from '../backup/service'
import type { ApprovalTokens } from '../auth/approval-tokens'

/** Long-lived services handlers reach through their context. */
export interface CoreServices {
  settings: SettingsService
  printQueue: PrintQueue
  /** Signed-in windows; auth ends a locked or deactivated user's sessions through it. */
  sessions: Sessions
  /** Manager PINs checked as typed, spent by the action they approve (auth.approve). */
  approvals: ApprovalTokens
  /** Hot reads (search, lists, history) as lean indexed SQL. */
  search: SearchService
  /** The key that seals device passcodes; never stored in the database. */
  passcodeKeys: PasscodeKeyProvider
  /** Backups of the database, their manifest, restore (src/main/backup/). */
  backups: BackupService
  paths: {
    userData: string
    pdfDir: string
    fontPath: string
  }
}
