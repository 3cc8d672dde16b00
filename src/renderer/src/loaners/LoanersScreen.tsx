import type { Role } from '@shared/contract'

/** Loaner devices (备用机): the pool, lending against a deposit, returns (issue 8). */
export function LoanersScreen(_props: { role: Role | undefined; onOpenOrder: (orderId: number) => void }): React.JSX.Element {
  return <div data-testid="loaners-screen" />
}
