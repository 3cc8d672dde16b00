import { useState, type CSSProperties, type KeyboardEvent } from 'react'
import { Button, Calendar, Input, Popover } from 'antd'
import { CalendarOutlined } from '@ant-design/icons'
import dayjs from 'dayjs'
import { readTypedDate, type DateRange } from '@shared/domain/date-input'
import type { PlainDate } from '@shared/domain/dates'
import { useI18n } from '../app/i18n'

export interface DateInputProps {
  id: string
  /** The text as typed (a saved date is just 'YYYY-MM-DD' text): never rewritten while typing. */
  value: string
  onChange: (text: string) => void
  onBlur?: () => void
  /** Enter with a readable date (e.g. "add to list"); without it Enter moves on like any field. */
  onEnter?: (date: PlainDate) => void
  range?: DateRange
  status?: 'error' | 'warning'
  placeholder?: string
  style?: CSSProperties
  'aria-label'?: string
}

/**
 * The one date field of the app: a plain text box that reads 2026-06-20, 2026/6/20, 2026.6.20,
 * 20260620 or 2026年6月20日 only when the clerk leaves it (then shows it as YYYY-MM-DD), says what
 * it will save while they type, and leaves impossible dates as typed for the field's message to
 * name. The calendar opens only on demand (Alt+↓ or the icon), so it is never a Tab stop.
 */
export function DateInput(props: DateInputProps): React.JSX.Element {
  const { id, value, onChange, onBlur, onEnter, range = {}, status, placeholder, style } = props
  const { t, locale } = useI18n()
  const [open, setOpen] = useState(false)
  const read = readTypedDate(value, range)
  const date = read.ok ? read.date : null
  const showsOther = date !== null && date !== value.trim()

  const settle = () => {
    if (showsOther) onChange(date)
    onBlur?.()
  }
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if ((e.altKey && e.key === 'ArrowDown') || e.key === 'F4') {
      e.preventDefault()
      setOpen(true)
    } else if (e.key === 'Escape' && open) {
      // Esc closes the calendar only; what was typed stays.
      e.stopPropagation()
      setOpen(false)
    } else if (e.key === 'Enter' && onEnter && !e.ctrlKey && !e.metaKey) {
      e.preventDefault()
      if (date) onEnter(date)
      else onBlur?.()
    }
  }
  const pick = (day: dayjs.Dayjs) => {
    onChange(day.format('YYYY-MM-DD'))
    setOpen(false)
    setTimeout(() => document.getElementById(id)?.focus())
  }
  const outOfRange = (day: dayjs.Dayjs) => {
    const d = day.format('YYYY-MM-DD')
    return (range.min !== undefined && d < range.min) || (range.max !== undefined && d > range.max)
  }
  const weekday = date ? new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`)) : ''

  return (
    <div className="date-input" style={style}>
      <Popover
        open={open}
        onOpenChange={setOpen}
        trigger={[]}
        placement="bottomLeft"
        content={
          <div className="date-calendar" data-testid={`${id}-calendar`}>
            <Calendar
              fullscreen={false}
              value={dayjs(date ?? range.today ?? undefined)}
              disabledDate={outOfRange}
              onSelect={(day, info) => info.source === 'date' && pick(day)}
            />
          </div>
        }
      >
        <Input
          id={id}
          value={value}
          status={status}
          placeholder={placeholder ?? t('ui.date.hint')}
          aria-label={props['aria-label']}
          autoComplete="off"
          onChange={(e) => onChange(e.target.value)}
          onBlur={settle}
          onKeyDown={onKeyDown}
          suffix={
            <Button
              type="text"
              size="small"
              tabIndex={-1}
              aria-label={t('ui.date.calendar')}
              title={t('ui.date.calendar')}
              icon={<CalendarOutlined />}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => setOpen((o) => !o)}
            />
          }
        />
      </Popover>
      <div className="date-preview" data-testid={`${id}-preview`} aria-live="polite">
        {date && (showsOther ? `${t('ui.date.willSave', { date })} ${weekday}` : weekday)}
      </div>
    </div>
  )
}
