/** Placeholder: replaced by the tab's owner. */
export function ReceiptsTab(): React.JSX.Element {
  return <div data-testid="ReceiptsTab" />
}
