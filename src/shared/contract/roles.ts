export const ROLES = ['counter', 'technician', 'warehouse', 'manager'] as const
export type Role = (typeof ROLES)[number]

/** Who may call a channel: 'public' needs no sign-in, 'signedIn' any role, else the listed roles. */
export type Access = 'public' | 'signedIn' | readonly Role[]
