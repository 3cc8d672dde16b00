import { Col, DatePicker, Empty, Row, Tag, Typography } from 'antd'
import type { StoreSettings } from '@shared/contract/settings'
import type { WorkCalendar } from '@shared/domain/dates'
import { useT } from '../app/i18n'
import { fromDayjs } from '../ui/dates'
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
            <DatePicker
              id={`calendar-${key}`}
              style={{ width: 220 }}
              aria-label={t(`settings.calendar.${key}`)}
              placeholder={t('settings.calendar.add')}
              value={null}
              onChange={(d) => {
                const date = fromDayjs(d)
                if (date) setList(key, [...(cal[key] as string[]), date])
              }}
            />
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
