export function App(): React.JSX.Element {
  return <div>Repair counter</div>
}
