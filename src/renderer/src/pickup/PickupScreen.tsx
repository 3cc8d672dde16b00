import type { Role } from '@shared/contract'

/** Pickup: find the order, settle, pay, final receipt, void the claim ticket (issue 8). */
export function PickupScreen(_props: { role: Role | undefined; onOpenOrder: (orderId: number) => void }): React.JSX.Element {
  return <div data-testid="pickup-screen" />
}
