/** Placeholder: replaced by the tab's owner. */
export function StocktakeTab(): React.JSX.Element {
  return <div data-testid="StocktakeTab" />
}
