/** Placeholder: replaced by the tab's owner. */
export function OldPartsTab(_props: { onOpenOrder: (orderId: number) => void }): React.JSX.Element {
  return <div data-testid="OldPartsTab" />
}
