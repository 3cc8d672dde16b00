import { useQuery } from '@tanstack/react-query'
import { Card, Col, Input, Radio, Row, Select } from 'antd'
import { PAYMENT_METHODS, SERVICE_TYPES, type ServiceType } from '@shared/contract/intake'
import type { StoreSettings } from '@shared/contract/settings'
import { parseTypedDate } from '@shared/domain/date-input'
import { diffDays } from '@shared/domain/dates'
import { byPinyin } from '@shared/domain/pinyin'
import { call } from '../api/client'
import { useT } from '../app/i18n'
import { DateInput } from '../ui/DateInput'
import { Field } from '../ui/Field'
import { pinyinSearch } from '../ui/pinyinSearch'
import type { FormApi } from '../ui/useForm'
import type { MoreState } from './CustomerCard'
import { More } from './More'
import { PROMISE_DAYS, storeToday, type IntakeForm } from './model'

interface Props {
  form: FormApi<IntakeForm>
  settings: StoreSettings
  finalIn: boolean | undefined
  more: MoreState
}

export function ServiceCard({ form, settings, finalIn, more }: Props): React.JSX.Element {
  const t = useT()
  const { values, text, error, set } = form
  const s = values.service
  const today = storeToday(settings)
  const technicians = useQuery({ queryKey: ['intake.technicians'], queryFn: () => call('intake.technicians', {}), staleTime: 60_000 })
  const notCovered = s.type === 'warranty' && finalIn === false ? t('intake.v.notCovered') : undefined
  const promised = parseTypedDate(s.promisedDate)
  const daysOut = promised.ok && promised.date ? diffDays(today, promised.date) : 0
  const technicianOptions = byPinyin(technicians.data ?? [], (u) => u.displayName).map((u) => ({ value: u.id, label: u.displayName }))
  const technicianName = technicianOptions.find((o) => o.value === s.technicianId)?.label ?? ''
  const lateWarning = daysOut > PROMISE_DAYS ? t('ui.intake.service.promisedLate', { days: daysOut }) : undefined

  return (
    <Card size="small" title={t('ui.intake.service.title')} className="intake-card">
      <Field path="service.type" label={t('ui.intake.service.type')} error={error('service.type') ?? notCovered} required>
        <Radio.Group
          id="service-type"
          value={s.type}
          onChange={(e) => {
            set('service.type', e.target.value as ServiceType, true)
            set('service.typeChosen', true)
          }}
          options={SERVICE_TYPES.map((st) => ({
            value: st,
            label: t(`service.${st}`),
            disabled: st === 'warranty' && finalIn === false,
            id: `service-type-${st}`
          }))}
        />
      </Field>
      <Row gutter={8}>
        <Col span={12}>
          <Field path="service.estimateFen" label={t('ui.intake.service.estimate')} error={error('service.estimateFen')}>
            <Input {...text('service.estimate', 'service.estimateFen')} prefix="¥" inputMode="decimal" placeholder="0.00" />
          </Field>
        </Col>
        <Col span={12}>
          <Field path="service.depositFen" label={t('ui.intake.service.deposit')} error={error('service.depositFen')}>
            <Input {...text('service.deposit', 'service.depositFen')} prefix="¥" inputMode="decimal" placeholder="0.00" />
          </Field>
        </Col>
      </Row>
      <Field path="service.depositMethod" label={t('ui.intake.service.depositMethod')} error={error('service.depositMethod')}>
        <Radio.Group
          id="service-depositMethod"
          optionType="button"
          size="small"
          value={s.depositMethod}
          onChange={(e) => set('service.depositMethod', e.target.value, true)}
          options={PAYMENT_METHODS.map((m) => ({ value: m, label: t(`payment.${m}`), id: `service-depositMethod-${m}` }))}
        />
      </Field>
      <Field path="service.promisedDate" label={t('ui.intake.service.promisedDate')} error={error('service.promisedDate')} warning={lateWarning} required>
        <DateInput
          id="service-promisedDate"
          value={s.promisedDate}
          range={{ min: today, today }}
          status={error('service.promisedDate') ? 'error' : lateWarning ? 'warning' : undefined}
          onChange={(v) => set('service.promisedDate', v)}
          onBlur={() => form.touch('service.promisedDate')}
        />
      </Field>
      <More open={more.open} onToggle={more.toggle} labels={[t('ui.intake.service.technician')]} summary={[technicianName]} testId="service-more">
        <Field path="service.technicianId" label={t('ui.intake.service.technician')} error={error('service.technicianId')}>
          <Select
            id="service-technicianId"
            allowClear
            showSearch={pinyinSearch}
            value={s.technicianId ?? undefined}
            placeholder={t('ui.intake.service.noTechnician')}
            options={technicianOptions}
            onChange={(id?: number) => set('service.technicianId', id ?? null, true)}
          />
        </Field>
      </More>
    </Card>
  )
}
