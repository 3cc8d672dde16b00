import type { EntityManager } from 'typeorm'
import type { authContract, SessionView, UserView } from '@shared/contract/auth'
import { signedInUser, type HandlerContext, type Handlers } from '../core/context'
import { AppError, conflict, notFound, validationError } from '../core/errors'
import { auditCall, audit, changes, pick } from '../audit/audit'
import { User } from './user.entity'
import { hashPin, verifyPin } from './pin'
import { clearLock, countWrongPin, lockedSeconds, unlocked, type LockState } from './lockout'
import { dummyHash, recoveryCodeMatches, renewRecoveryCode } from './recovery'
import { managerApproval } from './approval'

export { MAX_WRONG_PINS } from './lockout'

export function userView(u: User): UserView {
  return { id: u.id, username: u.username, displayName: u.displayName, role: u.role, active: u.active, lockedUntil: u.lockedUntil }
}

async function setupDone(em: EntityManager): Promise<boolean> {
  return (await em.count(User, { where: { role: 'manager' } })) > 0
}

export async function sessionView(ctx: HandlerContext, user: User | null): Promise<SessionView> {
  const settings = await ctx.services.settings.load(ctx.em)
  return {
    user: user ? userView(user) : null,
    setupDone: await setupDone(ctx.em),
    locale: ctx.session.locale ?? settings.locale,
    storeName: settings.store.name
  }
}

/** This window's wrong-PIN counter: every user name typed here counts towards it. */
const windowLock = (ctx: HandlerContext): LockState => ctx.services.sessions.guard(ctx.session, unlocked)

const lockedError = (seconds: number) => new AppError('LOCKED', 'err.LOCKED', { seconds })
/** This window, not a user, is locked: any name typed here waits (other windows are unaffected). */
const windowLockedError = (seconds: number) => new AppError('LOCKED', 'auth.windowLocked', { seconds })

/** Fields whose change the audit log records (never pinHash). */
const AUDITED_USER_FIELDS = ['displayName', 'role', 'active'] as const

export const authHandlers: Handlers<typeof authContract> = {
  'session.get': async (_input, ctx) => sessionView(ctx, ctx.user),

  'setup.create': async (input, ctx) => {
    if (await setupDone(ctx.em)) throw conflict('auth.setupAlreadyDone')
    await ctx.services.settings.update(
      ctx.em,
      { store: input.store, timeZone: input.timeZone, locale: input.locale },
      ctx.afterCommit
    )
    const manager = await ctx.em.save(
      ctx.em.create(User, {
        username: input.manager.username,
        displayName: input.manager.displayName,
        role: 'manager',
        pinHash: hashPin(input.manager.pin),
        ...unlocked(),
        active: true,
        createdAt: ctx.now.toISOString()
      })
    )
    const recoveryCode = await renewRecoveryCode(ctx.em, ctx.now, manager.id)
    await audit(ctx.em, { at: ctx.now, userId: manager.id, action: 'setup.create', entity: 'store', detail: { store: input.store.name } })
    ctx.session.userId = manager.id
    return { ...(await sessionView(ctx, manager)), recoveryCode }
  },

  'auth.users': async (_input, ctx) => {
    const users = await ctx.em.find(User, { where: { active: true }, order: { displayName: 'ASC' } })
    return users.map((u) => ({ username: u.username, displayName: u.displayName, role: u.role }))
  },

  'auth.signIn': async (input, ctx) => {
    const nowMs = ctx.now.getTime()
    const window = windowLock(ctx)
    const windowWait = lockedSeconds(window, nowMs)
    if (windowWait) throw windowLockedError(windowWait)
    const user = await ctx.em.findOneBy(User, { username: input.username, active: true })
    // Always one scrypt check (a dummy hash for unknown names): timing does not tell who exists.
    const pinOk = verifyPin(input.pin, user?.pinHash ?? dummyHash()) && user !== null
    const userWait = user ? lockedSeconds(user, nowMs) : 0
    if (userWait) throw lockedError(userWait)
    if (!pinOk) {
      const byWindow = countWrongPin(window, nowMs)
      const byUser = user ? countWrongPin(user, nowMs) : null
      if (user) await ctx.em.save(user)
      const userLocked = (byUser?.lockedSeconds ?? 0) > 0
      if (user && userLocked) ctx.services.sessions.endSessionsOf(user.id)
      // Nobody is known to have acted (whoever typed is not signed in): the user is the target only.
      await audit(ctx.em, {
        at: ctx.now,
        userId: null,
        action: !user ? 'auth.unknownUser' : userLocked ? 'auth.locked' : 'auth.wrongPin',
        entity: 'user',
        entityId: user?.id ?? null,
        detail: { username: input.username, ...(byWindow.lockedSeconds ? { windowLockedSeconds: byWindow.lockedSeconds } : {}) }
      })
      const left = Math.min(byWindow.left, byUser?.left ?? byWindow.left)
      // A user's lock is what the person at the counter needs to hear; the window's only when alone.
      if (byUser?.lockedSeconds) ctx.failAfterCommit(lockedError(byUser.lockedSeconds))
      if (byWindow.lockedSeconds) ctx.failAfterCommit(windowLockedError(byWindow.lockedSeconds))
      ctx.failAfterCommit(validationError({ pin: `auth.wrongPinLeft|left=${left}` }))
    }
    const signedIn = user as User
    clearLock(signedIn)
    clearLock(window)
    await ctx.em.save(signedIn)
    await audit(ctx.em, { at: ctx.now, userId: signedIn.id, action: 'auth.signIn', entity: 'user', entityId: signedIn.id })
    ctx.session.userId = signedIn.id
    return sessionView(ctx, signedIn)
  },

  'auth.signOut': async (_input, ctx) => {
    if (ctx.user) await audit(ctx.em, { at: ctx.now, userId: ctx.user.id, action: 'auth.signOut', entity: 'user', entityId: ctx.user.id })
    ctx.session.userId = null
    return sessionView(ctx, null)
  },

  'auth.recover': async (input, ctx) => {
    const manager = await ctx.em.findOneBy(User, { username: input.username, active: true, role: 'manager' })
    // Check the code even for a wrong name (same time); the code is 80 bits, so no lock is needed.
    const codeOk = (await recoveryCodeMatches(ctx.em, input.recoveryCode)) && manager !== null
    if (!codeOk) {
      await audit(ctx.em, {
        at: ctx.now,
        userId: null,
        action: 'auth.recoverFailed',
        entity: 'user',
        entityId: manager?.id ?? null,
        detail: { username: input.username }
      })
      ctx.failAfterCommit(validationError({ recoveryCode: manager ? 'auth.recoveryWrong' : 'auth.recoveryWrongUser' }))
    }
    const user = manager as User
    user.pinHash = hashPin(input.pin)
    clearLock(user)
    clearLock(windowLock(ctx))
    await ctx.em.save(user)
    ctx.services.sessions.userChanged(user.id)
    const recoveryCode = await renewRecoveryCode(ctx.em, ctx.now, user.id)
    await audit(ctx.em, { at: ctx.now, userId: user.id, action: 'auth.recover', entity: 'user', entityId: user.id, detail: { pinReset: true } })
    ctx.session.userId = user.id
    return { ...(await sessionView(ctx, user)), recoveryCode }
  },

  'auth.renewRecoveryCode': async (_input, ctx) => {
    const recoveryCode = await renewRecoveryCode(ctx.em, ctx.now, ctx.user?.id ?? null)
    await auditCall(ctx, { action: 'auth.recoveryCodeRenewed', entity: 'store' })
    return { recoveryCode }
  },

  'auth.approve': async (input, ctx) => {
    const manager = await managerApproval(ctx, input.approval)
    const grant = ctx.services.approvals.issue({ managerId: manager.id, purpose: input.purpose, forUserId: signedInUser(ctx).id }, ctx.now.getTime())
    return { ...grant, approverName: manager.displayName }
  },

  'users.list': async (_input, ctx) => (await ctx.em.find(User, { order: { id: 'ASC' } })).map(userView),

  'users.create': async (input, ctx) => {
    if (await ctx.em.findOneBy(User, { username: input.username })) throw validationError({ username: 'auth.usernameTaken' })
    const user = await ctx.em.save(
      ctx.em.create(User, {
        username: input.username,
        displayName: input.displayName,
        role: input.role,
        pinHash: hashPin(input.pin),
        ...unlocked(),
        active: true,
        createdAt: ctx.now.toISOString()
      })
    )
    await auditCall(ctx, {
      action: 'users.create',
      entity: 'user',
      entityId: user.id,
      detail: { username: user.username },
      changes: changes({}, pick(user, AUDITED_USER_FIELDS))
    })
    return userView(user)
  },

  'users.update': async (input, ctx) => {
    const user = await ctx.em.findOneBy(User, { id: input.id })
    if (!user) throw notFound()
    const demotesLastManager =
      user.role === 'manager' &&
      ((input.role && input.role !== 'manager') || input.active === false) &&
      (await ctx.em.count(User, { where: { role: 'manager', active: true } })) <= 1
    if (demotesLastManager) throw conflict('auth.lastManager')
    const before = pick(user, AUDITED_USER_FIELDS)
    if (input.displayName !== undefined) user.displayName = input.displayName
    if (input.role !== undefined) user.role = input.role
    if (input.active !== undefined) user.active = input.active
    if (input.pin !== undefined) {
      user.pinHash = hashPin(input.pin)
      clearLock(user)
    }
    await ctx.em.save(user)
    if (!user.active) ctx.services.sessions.endSessionsOf(user.id)
    else ctx.services.sessions.userChanged(user.id)
    await auditCall(ctx, {
      action: 'users.update',
      entity: 'user',
      entityId: user.id,
      // The PIN and its hash never enter the log: only that it was reset.
      detail: input.pin !== undefined ? { pinReset: true } : undefined,
      changes: changes(before, pick(user, AUDITED_USER_FIELDS))
    })
    return userView(user)
  },

  'users.unlock': async ({ id }, ctx) => {
    const user = await ctx.em.findOneBy(User, { id })
    if (!user) throw notFound()
    const before = { lockedUntil: user.lockedUntil, failedPins: user.failedPins }
    clearLock(user)
    await ctx.em.save(user)
    ctx.services.sessions.userChanged(user.id)
    await auditCall(ctx, {
      action: 'users.unlock',
      entity: 'user',
      entityId: user.id,
      changes: changes(before, { lockedUntil: user.lockedUntil, failedPins: user.failedPins })
    })
    return userView(user)
  }
}
