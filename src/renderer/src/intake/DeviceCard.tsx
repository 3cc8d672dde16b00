import { Card, Col, DatePicker, Input, Row, Select } from 'antd'
import type { StoreSettings } from '@shared/contract/settings'
import { useT } from '../app/i18n'
import { categoryOptions, componentsFor } from '../ui/catalogue'
import { TYPED_DATE_FORMATS, DATE_FORMAT, fromDayjs, toDayjs } from '../ui/dates'
import { Field } from '../ui/Field'
import type { FormApi } from '../ui/useForm'
import { storeToday, type IntakeForm } from './model'

export function DeviceCard({ form, settings }: { form: FormApi<IntakeForm>; settings: StoreSettings }): React.JSX.Element {
  const t = useT()
  const { values, text, error, set } = form
  const d = values.device
  const isPhone = d.category === 'phone'
  const today = storeToday(settings)

  const onCategory = (category: string) => {
    set('device.category', category, true)
    if (!componentsFor(settings, category).includes(values.warranty.component)) set('warranty.component', 'main')
  }

  return (
    <Card size="small" title={t('ui.intake.device.title')} className="intake-card">
      <Row gutter={8}>
        <Col span={12}>
          <Field path="device.category" label={t('ui.intake.device.category')} error={error('device.category')} required>
            <Select id="device-category" value={d.category} options={categoryOptions(settings, t)} onChange={onCategory} showSearch={{ optionFilterProp: "label" }} />
          </Field>
        </Col>
        <Col span={12}>
          <Field path="device.brand" label={t('ui.intake.device.brand')} error={error('device.brand')} required>
            <Input {...text('device.brand')} maxLength={40} />
          </Field>
        </Col>
        <Col span={12}>
          <Field path="device.model" label={t('ui.intake.device.model')} error={error('device.model')} required>
            <Input {...text('device.model')} maxLength={60} />
          </Field>
        </Col>
        <Col span={12}>
          <Field path="device.colour" label={t('ui.intake.device.colour')} error={error('device.colour')}>
            <Input {...text('device.colour')} maxLength={20} />
          </Field>
        </Col>
      </Row>
      <Field
        path="device.serial"
        label={isPhone ? t('ui.intake.device.imei') : t('ui.intake.device.serial')}
        error={error('device.serial')}
        required={isPhone}
      >
        <Input
          {...text('device.serial')}
          onChange={(e) => {
            const v = e.target.value
            // Check the IMEI as soon as all 15 digits are in, not only when the clerk leaves the field.
            set('device.serial', v, isPhone && v.trim().length >= 15)
          }}
          inputMode={isPhone ? 'numeric' : undefined}
          maxLength={40}
          placeholder={isPhone ? t('ui.intake.device.imeiHint') : undefined}
        />
      </Field>
      <Row gutter={8}>
        <Col span={12}>
          <Field path="purchase.invoiceDate" label={t('ui.intake.purchase.invoiceDate')} error={error('purchase.invoiceDate')}>
            <DatePicker
              id="purchase-invoiceDate"
              style={{ width: '100%' }}
              format={TYPED_DATE_FORMATS}
              value={toDayjs(values.purchase.invoiceDate)}
              disabledDate={(day) => day.format(DATE_FORMAT) > today}
              onChange={(day) => set('purchase.invoiceDate', fromDayjs(day), true)}
              placeholder={t('ui.intake.purchase.noInvoice')}
            />
          </Field>
        </Col>
        <Col span={12}>
          <Field path="purchase.invoiceNo" label={t('ui.intake.purchase.invoiceNo')} error={error('purchase.invoiceNo')}>
            <Input {...text('purchase.invoiceNo')} maxLength={40} />
          </Field>
        </Col>
      </Row>
    </Card>
  )
}
