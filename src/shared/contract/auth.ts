import { z } from 'zod'
import { channel } from './channel'
import { id, pin, requiredText, username } from './fields'
import { ROLES, type Role } from './roles'
import { LOCALES, type Locale } from '../i18n/define'
import { optionalText, timeZone } from './fields'

export interface UserView {
  id: number
  username: string
  displayName: string
  role: Role
  active: boolean
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

export const authContract = {
  /** What the renderer needs before anything else: is setup done, who is signed in, which language. */
  'session.get': channel<SessionView>()(z.object({}).default({}), 'public'),
  'setup.create': channel<SessionView>()(SetupInput, 'public'),
  /** Names for the sign-in / quick-switch picker; no PINs, no roles beyond display. */
  'auth.users': channel<Pick<UserView, 'username' | 'displayName' | 'role'>[]>()(z.object({}).default({}), 'public'),
  'auth.signIn': channel<SessionView>()(SignInInput, 'public'),
  'auth.signOut': channel<SessionView>()(z.object({}).default({}), 'public'),
  'users.list': channel<UserView[]>()(z.object({}).default({}), ['manager']),
  'users.create': channel<UserView>()(CreateUserInput, ['manager']),
  'users.update': channel<UserView>()(UpdateUserInput, ['manager'])
}
