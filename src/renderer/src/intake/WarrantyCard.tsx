import type { UseQueryResult } from '@tanstack/react-query'
import { Card, Checkbox, Input, Radio, Select, Space, Spin, Typography } from 'antd'
import type { StoreSettings } from '@shared/contract/settings'
import type { WarrantyVerdict } from '@shared/domain/warranty'
import { useT } from '../app/i18n'
import { errorText } from '../app/session'
import { componentsFor } from '../ui/catalogue'
import { Field } from '../ui/Field'
import type { FormApi } from '../ui/useForm'
import { ComponentTerms, VerdictLines, VerdictTag } from '../ui/VerdictLines'
import type { MoreState } from './CustomerCard'
import { More } from './More'
import type { IntakeForm } from './model'

interface Props {
  form: FormApi<IntakeForm>
  settings: StoreSettings
  verdict: UseQueryResult<WarrantyVerdict>
  finalIn: boolean | undefined
  more: MoreState
}

/** 三包 verdict, live as the clerk types; an override needs a reason (audited in main). */
export function WarrantyCard({ form, settings, verdict, finalIn, more }: Props): React.JSX.Element {
  const t = useT()
  const { values, text, error, set } = form
  const w = values.warranty
  const v = verdict.data
  const components = componentsFor(settings, values.device.category)

  return (
    <Card
      size="small"
      title={t('ui.intake.warranty.title')}
      className="intake-card"
      extra={
        <Space size="small">
          {verdict.isFetching && <Spin size="small" />}
          {v && <VerdictTag inWarranty={v.inWarranty} />}
        </Space>
      }
    >
      <div className="verdict" data-testid="warranty-panel">
        {v ? (
          <>
            <VerdictLines verdict={v} />
            <ComponentTerms verdict={v} />
          </>
        ) : verdict.isError ? (
          <Typography.Text type="danger">{errorText(verdict.error, t)}</Typography.Text>
        ) : (
          <Typography.Text type="secondary">{t('ui.intake.warranty.waiting')}</Typography.Text>
        )}
      </div>
      {/* The component (main unit by default) and the override are rarely changed: folded away, Alt+M. */}
      <More
        open={more.open}
        onToggle={more.toggle}
        labels={[t('ui.warranty.component'), t('ui.intake.warranty.override')]}
        summary={[w.component !== 'main' ? t(`component.${w.component}`) : '', w.overrideOn ? `${t('ui.intake.warranty.override')}: ${t(w.overrideIn ? 'warranty.in' : 'warranty.out')}` : '']}
        testId="warranty-more"
      >
        <Field path="warranty.component" label={t('ui.warranty.component')} error={error('warranty.component')}>
          <Select
            id="warranty-component"
            value={w.component}
            options={components.map((c) => ({ value: c, label: t(`component.${c}`) }))}
            onChange={(c: string) => set('warranty.component', c, true)}
          />
        </Field>
        <Checkbox id="warranty-override" checked={w.overrideOn} onChange={(e) => set('warranty.overrideOn', e.target.checked, true)}>
          {t('ui.intake.warranty.override')}
        </Checkbox>
        {w.overrideOn && (
          <div className="override-box">
            <Field path="warranty.override.inWarranty" label={t('ui.intake.warranty.overrideTo')}>
              <Radio.Group
                id="warranty-override-inWarranty"
                value={w.overrideIn}
                onChange={(e) => set('warranty.overrideIn', e.target.value, true)}
                options={[
                  { value: true, label: t('warranty.in') },
                  { value: false, label: t('warranty.out') }
                ]}
              />
            </Field>
            <Field path="warranty.override.reason" label={t('ui.intake.warranty.overrideReason')} error={error('warranty.override.reason')} required>
              <Input {...text('warranty.overrideReason', 'warranty.override.reason')} />
            </Field>
          </div>
        )}
      </More>
      {finalIn !== undefined && (
        <div className="final-verdict">
          <Space size="small">
            <Typography.Text strong>{t('ui.intake.warranty.final')}</Typography.Text>
            <VerdictTag inWarranty={finalIn} testId="warranty-final" />
            {w.overrideOn && <Typography.Text type="secondary">{t('ui.intake.warranty.overridden')}</Typography.Text>}
          </Space>
        </div>
      )}
    </Card>
  )
}
