import { useState, type KeyboardEvent, type ReactNode } from 'react'
import { Checkbox } from 'antd'

export interface CheckItem {
  value: string
  label: ReactNode
}

interface Props {
  /** Each checkbox gets id `${idPrefix}-${value}`. */
  idPrefix: string
  items: readonly CheckItem[]
  isChecked: (value: string) => boolean
  onToggle: (value: string, on: boolean) => void
  label: string
}

/**
 * A list of checkboxes that is ONE Tab stop (a roving tab index, as in a toolbar): arrows move,
 * Space ticks, and digit n ticks item n directly. Twelve checks no longer cost twelve Tabs.
 */
export function CheckGroup({ idPrefix, items, isChecked, onToggle, label }: Props): React.JSX.Element {
  const [active, setActive] = useState(0)
  const focusItem = (i: number) => {
    const next = (i + items.length) % items.length
    setActive(next)
    document.getElementById(`${idPrefix}-${items[next].value}`)?.focus()
  }
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.ctrlKey || e.altKey || e.metaKey) return
    const i = items.findIndex((it) => `${idPrefix}-${it.value}` === (e.target as HTMLElement).id)
    if (i < 0) return
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown') {
      e.preventDefault()
      focusItem(i + 1)
    } else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') {
      e.preventDefault()
      focusItem(i - 1)
    } else if (/^[1-9]$/.test(e.key) && +e.key <= items.length) {
      e.preventDefault()
      const item = items[+e.key - 1]
      onToggle(item.value, !isChecked(item.value))
      focusItem(+e.key - 1)
    }
  }
  return (
    <div className="check-grid" role="group" aria-label={label} onKeyDown={onKeyDown}>
      {items.map((it, i) => (
        <Checkbox
          key={it.value}
          id={`${idPrefix}-${it.value}`}
          tabIndex={i === active ? 0 : -1}
          checked={isChecked(it.value)}
          onChange={(e) => onToggle(it.value, e.target.checked)}
          onFocus={() => setActive(i)}
        >
          {i < 9 && <kbd>{i + 1}</kbd>}
          {it.label}
        </Checkbox>
      ))}
    </div>
  )
}
