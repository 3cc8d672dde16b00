import { contract, type Channel, type Role } from '@shared/contract'
import type { WarehouseTab } from '../warehouse/WarehouseScreen'

/** Mirrors main's check so the UI never offers what the role cannot call (main still enforces it). */
export function canCall(role: Role | undefined, channel: Channel): boolean {
  const access = contract[channel].access
  if (access === 'public') return true
  if (!role) return false
  return access === 'signedIn' || access.includes(role)
}

export type Route =
  | { name: 'intake' }
  | { name: 'orders' }
  | { name: 'order'; orderId: number }
  | { name: 'settings' }
  | { name: 'audit' }
  | { name: 'warehouse'; tab?: WarehouseTab }
  | { name: 'bench' }
  | { name: 'pickup' }
  | { name: 'notices' }
  | { name: 'loaners' }
  | { name: 'dashboard' }
  | { name: 'followups' }
  | { name: 'complaints'; complaintId?: number }
  | { name: 'dayclose' }

/** The channel a screen cannot work without: the screen is shown only if the role may call it. */
export const ROUTE_CHANNEL: Record<Route['name'], Channel> = {
  intake: 'intake.create',
  orders: 'orders.list',
  order: 'orders.get',
  settings: 'settings.update',
  audit: 'audit.list',
  // Every role looks parts up; what each may do inside is per tab.
  warehouse: 'warehouse.parts.search',
  bench: 'repairs.queue',
  pickup: 'pickup.find',
  notices: 'notices.list',
  loaners: 'loaners.list',
  dashboard: 'reports.dashboard',
  followups: 'followups.list',
  complaints: 'complaints.list',
  dayclose: 'dayclose.close'
}

export function allowed(role: Role | undefined, route: Route): boolean {
  return canCall(role, ROUTE_CHANNEL[route.name])
}

export function homeRoute(role: Role | undefined): Route {
  return canCall(role, 'intake.create') ? { name: 'intake' } : { name: 'orders' }
}
