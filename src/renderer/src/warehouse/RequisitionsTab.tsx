/** Placeholder: replaced by the tab's owner. */
export function RequisitionsTab(_props: { onOpenOrder: (orderId: number) => void }): React.JSX.Element {
  return <div data-testid="RequisitionsTab" />
}
