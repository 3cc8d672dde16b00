import type { EntityManager } from 'typeorm'
import type { authContract, SessionView, UserView } from '@shared/contract/auth'
import type { HandlerContext, Handlers } from '../core/context'
import { AppError, conflict, notFound, validationError } from '../core/errors'
import { audit } from '../audit/audit'
import { User } from './user.entity'
import { hashPin, verifyPin } from './pin'

export const MAX_WRONG_PINS = 5
export const LOCK_MS = 60_000

export function userView(u: User): UserView {
  return { id: u.id, username: u.username, displayName: u.displayName, role: u.role, active: u.active }
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
        failedPins: 0,
        lockedUntil: null,
        active: true,
        createdAt: ctx.now.toISOString()
      })
    )
    await audit(ctx.em, { at: ctx.now, userId: manager.id, action: 'setup.create', entity: 'store', detail: { store: input.store.name } })
    ctx.session.userId = manager.id
    return sessionView(ctx, manager)
  },

  'auth.users': async (_input, ctx) => {
    const users = await ctx.em.find(User, { where: { active: true }, order: { displayName: 'ASC' } })
    return users.map((u) => ({ username: u.username, displayName: u.displayName, role: u.role }))
  },

  'auth.signIn': async (input, ctx) => {
    const user = await ctx.em.findOneBy(User, { username: input.username, active: true })
    // Same answer for an unknown user as for a wrong PIN: do not reveal who exists.
    if (!user) throw validationError({ pin: 'auth.wrongPin' })
    const nowMs = ctx.now.getTime()
    if (user.lockedUntil && Date.parse(user.lockedUntil) > nowMs) {
      const seconds = Math.ceil((Date.parse(user.lockedUntil) - nowMs) / 1000)
      throw new AppError('LOCKED', 'err.LOCKED', { seconds })
    }
    if (!verifyPin(input.pin, user.pinHash)) {
      user.failedPins += 1
      const locked = user.failedPins >= MAX_WRONG_PINS
      if (locked) {
        user.failedPins = 0
        user.lockedUntil = new Date(nowMs + LOCK_MS).toISOString()
      }
      await ctx.em.save(user)
      await audit(ctx.em, { at: ctx.now, userId: user.id, action: locked ? 'auth.locked' : 'auth.wrongPin', entity: 'user', entityId: user.id })
      ctx.failAfterCommit(
        locked
          ? new AppError('LOCKED', 'err.LOCKED', { seconds: LOCK_MS / 1000 })
          : new AppError('VALIDATION', 'err.VALIDATION', {}, { pin: `auth.wrongPinLeft|left=${MAX_WRONG_PINS - user.failedPins}` })
      )
    }
    user.failedPins = 0
    user.lockedUntil = null
    await ctx.em.save(user)
    await audit(ctx.em, { at: ctx.now, userId: user.id, action: 'auth.signIn', entity: 'user', entityId: user.id })
    ctx.session.userId = user.id
    return sessionView(ctx, user)
  },

  'auth.signOut': async (_input, ctx) => {
    ctx.session.userId = null
    return sessionView(ctx, null)
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
        failedPins: 0,
        lockedUntil: null,
        active: true,
        createdAt: ctx.now.toISOString()
      })
    )
    await audit(ctx.em, { at: ctx.now, userId: ctx.user?.id ?? null, action: 'users.create', entity: 'user', entityId: user.id, detail: { role: user.role } })
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
    if (input.displayName !== undefined) user.displayName = input.displayName
    if (input.role !== undefined) user.role = input.role
    if (input.active !== undefined) user.active = input.active
    if (input.pin !== undefined) {
      user.pinHash = hashPin(input.pin)
      user.failedPins = 0
      user.lockedUntil = null
    }
    await ctx.em.save(user)
    await audit(ctx.em, {
      at: ctx.now,
      userId: ctx.user?.id ?? null,
      action: 'users.update',
      entity: 'user',
      entityId: user.id,
      detail: { role: input.role, active: input.active, pinReset: input.pin !== undefined }
    })
    return userView(user)
  }
}
