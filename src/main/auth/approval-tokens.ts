import { randomBytes } from 'node:crypto'
import type { ApprovalPurpose } from '@shared/contract/auth'

/** How long a manager's PIN typed on a screen stays good for the action it was typed for. */
export const APPROVAL_TTL_MS = 5 * 60_000

interface Grant {
  managerId: number
  purpose: ApprovalPurpose
  /** The signed-in user at whose window the PIN was typed: the token is good only there. */
  forUserId: number
  expiresMs: number
}

/**
 * Manager approvals checked when the PIN is typed (auth.approve: the scrypt check and lockout of
 * managerApproval), spent by the action they were typed for. The action itself then does only its
 * own work, and the manager learns of a wrong PIN before pressing the button. Kept in memory: a
 * restart simply asks for the PIN again.
 */
export class ApprovalTokens {
  private grants = new Map<string, Grant>()

  issue(grant: Omit<Grant, 'expiresMs'>, nowMs: number): { token: string; expiresAt: string } {
    for (const [token, g] of this.grants) if (g.expiresMs <= nowMs) this.grants.delete(token)
    const token = randomBytes(16).toString('hex')
    const expiresMs = nowMs + APPROVAL_TTL_MS
    this.grants.set(token, { ...grant, expiresMs })
    return { token, expiresAt: new Date(expiresMs).toISOString() }
  }

  /** The approving manager's id while the token is good for this purpose at this user's window. */
  peek(token: string, purpose: ApprovalPurpose, forUserId: number, nowMs: number): number | null {
    const g = this.grants.get(token)
    return g && g.purpose === purpose && g.forUserId === forUserId && g.expiresMs > nowMs ? g.managerId : null
  }

  /** Spent: call after the action committed (a refused action leaves the approval for the retry). */
  spend(token: string): void {
    this.grants.delete(token)
  }
}
