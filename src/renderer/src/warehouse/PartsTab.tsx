/** Placeholder: replaced by the tab's owner. */
export function PartsTab(): React.JSX.Element {
  return <div data-testid="PartsTab" />
}
