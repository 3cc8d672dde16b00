import type { HandlerContext } from '../core/context'
import { AppError, validationError } from '../core/errors'
import { audit } from '../audit/audit'
import { User } from './user.entity'
import { verifyPin } from './pin'
import { clearLock, countWrongPin, lockedSeconds } from './lockout'
import { dummyHash } from './recovery'
import type { ApprovalPurpose } from '@shared/contract/auth'
import { signedInUser } from '../core/context'

export interface ApprovalInput {
  username: string
  pin: string
}

/**
 * A manager's approval typed on the screen of whoever is signed in (a warehouse clerk, or the
 * manager re-entering their own PIN): answers the approving manager, or a translated error whose
 * field path is `approval.username` / `approval.pin`.
 *
 * A wrong PIN counts towards that manager's lockout exactly like a wrong sign-in PIN, and the count
 * must survive the refusal: it is committed through ctx.failAfterCommit. CALL THIS FIRST in a
 * handler, before writing anything else: failAfterCommit commits whatever the call wrote so far.
 */
export async function managerApproval(ctx: HandlerContext, input: ApprovalInput): Promise<User> {
  const nowMs = ctx.now.getTime()
  const manager = await ctx.em.findOneBy(User, { username: input.username, active: true, role: 'manager' })
  // Always one scrypt check (a dummy hash for a name that is not a manager): timing tells nothing.
  const pinOk = verifyPin(input.pin, manager?.pinHash ?? dummyHash()) && manager !== null
  if (!manager) throw validationError({ 'approval.username': 'approval.notManager' })
  const wait = lockedSeconds(manager, nowMs)
  if (wait) throw new AppError('LOCKED', 'err.LOCKED', { seconds: wait })
  if (!pinOk) {
    const counted = countWrongPin(manager, nowMs)
    await ctx.em.save(manager)
    if (counted.lockedSeconds) ctx.services.sessions.endSessionsOf(manager.id)
    await audit(ctx.em, {
      at: ctx.now,
      userId: ctx.user?.id ?? null,
      action: counted.lockedSeconds ? 'auth.locked' : 'auth.wrongPin',
      entity: 'user',
      entityId: manager.id,
      detail: { username: manager.username, approval: true }
    })
    if (counted.lockedSeconds) ctx.failAfterCommit(new AppError('LOCKED', 'err.LOCKED', { seconds: counted.lockedSeconds }))
    ctx.failAfterCommit(validationError({ 'approval.pin': `auth.wrongPinLeft|left=${counted.left}` }))
  }
  if (manager.failedPins || manager.lockCount) {
    clearLock(manager)
    await ctx.em.save(manager)
  }
  return manager
}

/**
 * The manager who approved this action at auth.approve (the PIN was checked then), or a translated
 * "approval expired" on the PIN field. The token is spent once the action commits; a refused action
 * keeps it for the retry.
 */
export async function approvedBy(ctx: HandlerContext, token: string, purpose: ApprovalPurpose): Promise<User> {
  const managerId = ctx.services.approvals.peek(token, purpose, signedInUser(ctx).id, ctx.now.getTime())
  const manager = managerId === null ? null : await ctx.em.findOneBy(User, { id: managerId, active: true, role: 'manager' })
  if (!manager) throw validationError({ 'approval.token': 'approval.expired' })
  ctx.afterCommit(() => ctx.services.approvals.spend(token))
  return manager
}
