import { useQuery } from '@tanstack/react-query'
import { Card, Col, DatePicker, Input, Radio, Row, Select } from 'antd'
import { PAYMENT_METHODS, SERVICE_TYPES, type ServiceType } from '@shared/contract/intake'
import type { StoreSettings } from '@shared/contract/settings'
import { diffDays } from '@shared/domain/dates'
import { call } from '../api/client'
import { useT } from '../app/i18n'
import { TYPED_DATE_FORMATS, DATE_FORMAT, fromDayjs, toDayjs } from '../ui/dates'
import { Field } from '../ui/Field'
import type { FormApi } from '../ui/useForm'
import { PROMISE_DAYS, storeToday, type IntakeForm } from './model'

interface Props {
  form: FormApi<IntakeForm>
  settings: StoreSettings
  finalIn: boolean | undefined
}

export function ServiceCard({ form, settings, finalIn }: Props): React.JSX.Element {
  const t = useT()
  const { values, text, error, set } = form
  const s = values.service
  const today = storeToday(settings)
  const technicians = useQuery({ queryKey: ['intake.technicians'], queryFn: () => call('intake.technicians', {}), staleTime: 60_000 })
  const notCovered = s.type === 'warranty' && finalIn === false ? t('intake.v.notCovered') : undefined
  const daysOut = s.promisedDate ? diffDays(today, s.promisedDate) : 0
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
            <Input {...text('service.estimate', 'service.estimateFen')} prefix="¥" inputMode="decimal" placeholder="0.00" maxLength={14} />
          </Field>
        </Col>
        <Col span={12}>
          <Field path="service.depositFen" label={t('ui.intake.service.deposit')} error={error('service.depositFen')}>
            <Input {...text('service.deposit', 'service.depositFen')} prefix="¥" inputMode="decimal" placeholder="0.00" maxLength={14} />
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
      <Row gutter={8}>
        <Col span={12}>
          <Field path="service.promisedDate" label={t('ui.intake.service.promisedDate')} error={error('service.promisedDate')} warning={lateWarning} required>
            <DatePicker
              id="service-promisedDate"
              style={{ width: '100%' }}
              format={TYPED_DATE_FORMATS}
              allowClear={false}
              value={toDayjs(s.promisedDate)}
              disabledDate={(day) => day.format(DATE_FORMAT) < today}
              onChange={(day) => set('service.promisedDate', fromDayjs(day) ?? '', true)}
            />
          </Field>
        </Col>
        <Col span={12}>
          <Field path="service.technicianId" label={t('ui.intake.service.technician')} error={error('service.technicianId')}>
            <Select
              id="service-technicianId"
              allowClear
              value={s.technicianId ?? undefined}
              placeholder={t('ui.intake.service.noTechnician')}
              options={(technicians.data ?? []).map((u) => ({ value: u.id, label: u.displayName }))}
              onChange={(id?: number) => set('service.technicianId', id ?? null, true)}
            />
          </Field>
        </Col>
      </Row>
    </Card>
  )
}
