/** Placeholder: replaced by the tab's owner. */
export function AdjustmentsTab(): React.JSX.Element {
  return <div data-testid="AdjustmentsTab" />
}
