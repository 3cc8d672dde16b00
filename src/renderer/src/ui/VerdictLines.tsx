import { Tag, Typography } from 'antd'
import type { WarrantyVerdict } from '@shared/domain/warranty'
import { useT } from '../app/i18n'

/** The translated 三包 reason plus the extension / holiday notes, shared by intake and the order page. */
export function VerdictLines({ verdict }: { verdict: WarrantyVerdict }): React.JSX.Element {
  const t = useT()
  const params = { ...verdict.reasonParams }
  if (typeof params.component === 'string') params.component = t(`component.${params.component}`)
  return (
    <div className="verdict-lines">
      <div data-testid="warranty-reason">{t(verdict.reasonKey, params)}</div>
      {verdict.daysInRepair > 0 && (
        <Typography.Text type="secondary" data-testid="warranty-extended">
          {t('warranty.extended', { days: verdict.daysInRepair })}
        </Typography.Text>
      )}
      {verdict.movedForHoliday && verdict.lastDay && (
        <Typography.Text type="secondary" data-testid="warranty-holiday">
          {t('warranty.holidayMoved', { lastDay: verdict.lastDay })}
        </Typography.Text>
      )}
    </div>
  )
}

export function VerdictTag({ inWarranty, testId = 'warranty-verdict' }: { inWarranty: boolean; testId?: string }): React.JSX.Element {
  const t = useT()
  return (
    <Tag color={inWarranty ? 'success' : 'error'} data-testid={testId} data-in={String(inWarranty)}>
      {t(inWarranty ? 'warranty.in' : 'warranty.out')}
    </Tag>
  )
}

/** Every component's last covered day, so the clerk can answer "is my battery still covered?". */
export function ComponentTerms({ verdict }: { verdict: WarrantyVerdict }): React.JSX.Element | null {
  const t = useT()
  if (!verdict.components.length) return null
  return (
    <table className="terms-table" data-testid="warranty-components">
      <thead>
        <tr>
          <th>{t('ui.warranty.component')}</th>
          <th>{t('ui.warranty.months')}</th>
          <th>{t('ui.warranty.lastDay')}</th>
        </tr>
      </thead>
      <tbody>
        {verdict.components.map((c) => (
          <tr key={c.component} className={c.covered ? 'covered' : 'expired'}>
            <td>{t(`component.${c.component}`)}</td>
            <td>{c.months}</td>
            <td>
              {c.lastDay} {c.covered ? '✓' : '✗'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
