import type { Role } from '@shared/contract'

/** Technician bench: queue, status steps, repair card, quotes, QC, manufacturer trips (issue 8). */
export function BenchScreen(_props: { role: Role | undefined; onOpenOrder: (orderId: number) => void }): React.JSX.Element {
  return <div data-testid="bench-screen" />
}
