import type { Role } from '@shared/contract'

/** Customer care: ready notices, uncollected devices, comebacks (issue 8). */
export function NoticesScreen(_props: { role: Role | undefined; onOpenOrder: (orderId: number) => void }): React.JSX.Element {
  return <div data-testid="notices-screen" />
}
