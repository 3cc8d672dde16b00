/** Placeholder: replaced by the tab's owner. */
export function ReportsTab(): React.JSX.Element {
  return <div data-testid="ReportsTab" />
}
