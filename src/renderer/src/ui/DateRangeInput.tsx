import { useState } from 'react'
import { Space, Typography } from 'antd'
import { splitMessage } from '@shared/contract/fields'
import { readTypedDate } from '@shared/domain/date-input'
import type { PlainDate } from '@shared/domain/dates'
import { useT } from '../app/i18n'
import { DateInput } from './DateInput'

export interface DaySpan {
  from?: PlainDate
  to?: PlainDate
}

/**
 * A from–to filter made of two DateInputs: each side is read when the clerk leaves it; a side that
 * is not a real date says why and filters nothing (the other side still applies).
 */
export function DateRangeInput({ id, label, onChange }: { id: string; label: string; onChange: (span: DaySpan) => void }): React.JSX.Element {
  const t = useT()
  const [text, setText] = useState({ from: '', to: '' })
  const [shown, setShown] = useState(false)
  const from = readTypedDate(text.from)
  const to = readTypedDate(text.to, { min: from.ok && from.date ? from.date : undefined })
  const problem = shown ? [from, to].find((r) => !r.ok) : undefined
  const apply = () => {
    setShown(true)
    onChange({ from: from.ok ? (from.date ?? undefined) : undefined, to: to.ok ? (to.date ?? undefined) : undefined })
  }
  const side = (key: 'from' | 'to') => (
    <DateInput
      id={`${id}-${key}`}
      aria-label={`${label} ${key === 'from' ? '≥' : '≤'}`}
      style={{ width: 150 }}
      value={text[key]}
      status={problem && !(key === 'from' ? from : to).ok ? 'error' : undefined}
      onChange={(v) => setText((s) => ({ ...s, [key]: v }))}
      onBlur={apply}
      onEnter={apply}
    />
  )
  const message = problem && !problem.ok ? splitMessage(problem.message) : null
  return (
    <Space size={4} align="start" data-testid={id}>
      {side('from')}
      <span>–</span>
      {side('to')}
      {message && (
        <Typography.Text type="danger" role="alert" data-testid={`${id}-error`}>
          {t(message.key, message.params)}
        </Typography.Text>
      )}
    </Space>
  )
}
