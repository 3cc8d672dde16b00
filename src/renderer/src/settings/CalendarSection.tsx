import { useState } from 'react'
import { Col, Empty, Row, Tag, Typography } from 'antd'
import type { StoreSettings } from '@shared/contract/settings'
import { splitMessage } from '@shared/contract/fields'
import { readTypedDate } from '@shared/domain/date-input'
import type { WorkCalendar } from '@shared/domain/dates'
import { useT } from '../app/i18n'
import { DateInput } from '../ui/DateInput'
import { SectionCard } from './SectionCard'
import { useSection } from './useSection'

type Key = 'holidays' | 'makeupWorkdays'

/** Public holidays and 调休 workdays: they move warranty last days, and change every year. */
export function CalendarSection({ settings }: { settings: StoreSettings }): React.JSX.Element {
  const t = useT()
  const { form, dirty, save, saving, reset } = useSection<{ calendar?: WorkCalendar }>({ calendar: settings.calendar })
  const cal = form.values.calendar ?? settings.calendar
  const setList = (key: Key, list: string[]) => form.set(`calendar.${key}`, [...new Set(list)].sort(), true)

  return (
    <SectionCard id="calendar" title={t('settings.calendar.title')} dirty={dirty} saving={saving} onSave={save} onReset={reset}>
      <Typography.Paragraph type="secondary">{t('settings.calendar.hint')}</Typography.Paragraph>
      <Row gutter={24}>
        {(['holidays', 'makeupWorkdays'] as const).map((key) => (
          <Col span={12} key={key}>
            <Typography.Title level={5}>{t(`settings.calendar.${key}`)}</Typography.Title>
            <DayAdder id={`calendar-${key}`} label={t(`settings.calendar.${key}`)} onAdd={(date) => setList(key, [...cal[key], date])} />
            {form.error(`calendar.${key}`) && <Typography.Text type="danger" role="alert" id={`calendar-${key}-error`}>{form.error(`calendar.${key}`)}</Typography.Text>}
            <div className="date-tags" data-testid={`calendar-${key}-list`}>
              {cal[key].length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('settings.calendar.none')} />}
              {cal[key].map((d) => (
                <Tag key={d} closable closeIcon onClose={() => setList(key, cal[key].filter((x) => x !== d))}>
                  {d}
                </Tag>
              ))}
            </div>
          </Col>
        ))}
      </Row>
    </SectionCard>
  )
}

/** Type a day (any accepted format), Enter adds it; a day that does not exist says so and adds nothing. */
function DayAdder({ id, label, onAdd }: { id: string; label: string; onAdd: (date: string) => void }): React.JSX.Element {
  const t = useT()
  const [text, setText] = useState('')
  const [shown, setShown] = useState(false)
  const read = readTypedDate(text)
  const problem = !read.ok && shown ? splitMessage(read.message) : null
  return (
    <div style={{ width: 260 }}>
      <DateInput
        id={id}
        aria-label={label}
        placeholder={t('settings.calendar.add')}
        value={text}
        status={problem ? 'error' : undefined}
        onChange={(v) => {
          setText(v)
          setShown(false)
        }}
        onBlur={() => setShown(text.trim() !== '')}
        onEnter={(date) => {
          onAdd(date)
          setText('')
        }}
      />
      {problem && (
        <Typography.Text type="danger" role="alert" id={`${id}-input-error`} data-testid={`${id}-input-error`}>
          {t(problem.key, problem.params)}
        </Typography.Text>
      )}
    </div>
  )
}
