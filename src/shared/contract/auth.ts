import { z } from 'zod'
import { channel } from './channel'
import { approval, halfWidth, id, pin, requiredText, username } from './fields'
import { ROLES, type Role } from './roles'
import { LOCALES, type Locale } from '../i18n/define'
import { optionalText, timeZone } from './fields'

export interface UserView {
  id: number
  username: string
  displayName: string
  role: Role
  active: boolean
  /** Set while wrong PINs keep the user locked (UTC ISO); a manager can unlock. */
  lockedUntil: string | null
}

/** The manager recovery code: shown once (setup, renewal, after each use), kept only as a hash. */
export interface RecoveryCodeView {
  recoveryCode: string
}

export interface SessionView {
  user: UserView | null
  /** False until first-run setup has created the store and its manager. */
  setupDone: boolean
  locale: Locale
  storeName: string
}

export const StoreProfileInput = z.object({
  name: requiredText(60),
  address: optionalText(120),
  phone: optionalText(30),
  receiptFooter: optionalText(200)
})

export const SetupInput = z.object({
  store: StoreProfileInput,
  timeZone: timeZone.default('Asia/Shanghai'),
  locale: z.enum(LOCALES).default('zh-CN'),
  manager: z.object({ username, displayName: requiredText(30), pin })
})

export const SignInInput = z.object({ username, pin })

/** Crockford base32 (no I, L, O, U), 16 characters = 80 bits; typed with or without dashes. */
export const RECOVERY_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
export const recoveryCode = z
  .string({ error: 'v.required' })
  .max(64, { error: 'auth.v.recoveryCode' })
  .overwrite((s) => halfWidth(s).toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1'))
  .regex(/^[0-9A-HJKMNP-TV-Z]{16}$/, 'auth.v.recoveryCode')

/** A manager who cannot sign in (forgotten PIN, kept locked) sets a new PIN with the recovery code. */
export const RecoverInput = z.object({ username, recoveryCode, pin })

export const CreateUserInput = z.object({
  username,
  displayName: requiredText(30),
  role: z.enum(ROLES, { error: 'v.choice' }),
  pin
})

export const UpdateUserInput = z.object({
  id,
  displayName: requiredText(30).optional(),
  role: z.enum(ROLES, { error: 'v.choice' }).optional(),
  active: z.boolean().optional(),
  pin: pin.optional()
})

/** Actions whose manager PIN is checked as it is typed (auth.approve), then spent by the action. */
export const APPROVAL_PURPOSES = ['dayclose.close'] as const
export type ApprovalPurpose = (typeof APPROVAL_PURPOSES)[number]
export const ApproveInput = z.object({ approval, purpose: z.enum(APPROVAL_PURPOSES) })
export interface ApprovalGrantView {
  token: string
  approverName: string
  expiresAt: string
}

export const authContract = {
  /** What the renderer needs before anything else: is setup done, who is signed in, which language. */
  'session.get': channel<SessionView>()(z.object({}).default({}), 'public'),
  /** Answers the recovery code once: the setup screen shows it for the manager to write down. */
  'setup.create': channel<SessionView & RecoveryCodeView>()(SetupInput, 'public'),
  /** Names for the sign-in / quick-switch picker; no PINs, no roles beyond display. */
  'auth.users': channel<Pick<UserView, 'username' | 'displayName' | 'role'>[]>()(z.object({}).default({}), 'public'),
  'auth.signIn': channel<SessionView>()(SignInInput, 'public'),
  'auth.signOut': channel<SessionView>()(z.object({}).default({}), 'public'),
  /** Unlocks the manager, sets the new PIN and signs in; the used code is replaced by a new one. */
  'auth.recover': channel<SessionView & RecoveryCodeView>()(RecoverInput, 'public'),
  'auth.renewRecoveryCode': channel<RecoveryCodeView>()(z.object({}).default({}), ['manager']),
  /** Checks a manager's PIN typed for an action (lockout as at sign-in); the action spends the token. */
  'auth.approve': channel<ApprovalGrantView>()(ApproveInput, ['manager']),
  'users.list': channel<UserView[]>()(z.object({}).default({}), ['manager']),
  'users.create': channel<UserView>()(CreateUserInput, ['manager']),
  'users.update': channel<UserView>()(UpdateUserInput, ['manager']),
  /** Lifts a wrong-PIN lock (the user's counters start again from zero). */
  'users.unlock': channel<UserView>()(z.object({ id }), ['manager'])
}
