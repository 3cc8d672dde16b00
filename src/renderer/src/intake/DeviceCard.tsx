import { AutoComplete, Card, Checkbox, Col, Input, Row, Select } from 'antd'
import type { StoreSettings } from '@shared/contract/settings'
import { useT } from '../app/i18n'
import { categoryOptions, componentsFor } from '../ui/catalogue'
import { DateInput } from '../ui/DateInput'
import { Field } from '../ui/Field'
import { pinyinSearch } from '../ui/pinyinSearch'
import type { FormApi } from '../ui/useForm'
import type { MoreState } from './CustomerCard'
import { EarlierDevices } from './EarlierDevices'
import { PasscodeInput } from '../ui/PasscodeInput'
import { More } from './More'
import { storeToday, type IntakeForm } from './model'
import { useDeviceSuggestions } from './useDeviceSuggestions'

interface Props {
  form: FormApi<IntakeForm>
  settings: StoreSettings
  more: MoreState
}

export function DeviceCard({ form, settings, more }: Props): React.JSX.Element {
  const t = useT()
  const { values, text, error, set } = form
  const d = values.device
  const isPhone = d.category === 'phone'
  const today = storeToday(settings)
  const brands = useDeviceSuggestions(d.category, null, d.brand)
  const models = useDeviceSuggestions(d.category, d.brand, d.model)
  const serialError = error('device.serial')

  const onCategory = (category: string) => {
    set('device.category', category, true)
    if (!componentsFor(settings, category).includes(values.warranty.component)) set('warranty.component', 'main')
  }
  /** A suggest box that keeps every letter typed (no maxLength) and takes the same error as the schema. */
  const suggest = (path: 'device.brand' | 'device.model', options: { value: string }[]) => {
    const { id, value, status, onBlur, count } = text(path)
    const max = count?.max
    return (
      <AutoComplete
        id={id}
        value={value}
        status={status}
        options={options}
        onChange={(v: string) => set(path, v, max !== undefined && v.length > max)}
        onBlur={onBlur}
      />
    )
  }
  const setUnreadable = (on: boolean) => {
    form.setValues((v) => ({ ...v, device: { ...v.device, imeiUnreadable: on, serial: on ? '' : v.device.serial } }))
    form.touch('device.serial')
    if (on) setTimeout(() => document.getElementById('device-imeiUnreadableReason')?.focus())
  }

  return (
    <Card size="small" title={t('ui.intake.device.title')} className="intake-card">
      {values.customer.id && <EarlierDevices form={form} customerId={values.customer.id} />}
      <Row gutter={8}>
        <Col span={12}>
          <Field path="device.category" label={t('ui.intake.device.category')} error={error('device.category')} required>
            <Select id="device-category" value={d.category} options={categoryOptions(settings, t)} onChange={onCategory} showSearch={pinyinSearch} />
          </Field>
        </Col>
        <Col span={12}>
          <Field path="device.brand" label={t('ui.intake.device.brand')} error={error('device.brand')} required>
            {suggest('device.brand', brands)}
          </Field>
        </Col>
        <Col span={12}>
          <Field path="device.model" label={t('ui.intake.device.model')} error={error('device.model')} required>
            {suggest('device.model', models)}
          </Field>
        </Col>
        <Col span={12}>
          <Field path="device.colour" label={t('ui.intake.device.colour')} error={error('device.colour')}>
            <Input {...text('device.colour')} />
          </Field>
        </Col>
      </Row>
      <Row gutter={8}>
        <Col span={14}>
          <Field path="device.serial" label={isPhone ? t('ui.intake.device.imei') : t('ui.intake.device.serial')} error={serialError} required={isPhone && !d.imeiUnreadable}>
            <Input
              {...text('device.serial')}
              disabled={d.imeiUnreadable}
              onChange={(e) => {
                const v = e.target.value
                // Check the IMEI as soon as all 15 digits are in, not only when the clerk leaves the field.
                set('device.serial', v, isPhone && v.trim().length >= 15)
              }}
              inputMode={isPhone ? 'numeric' : undefined}
              placeholder={d.imeiUnreadable ? t('ui.intake.device.imeiPending') : isPhone ? t('ui.intake.device.imeiHint') : undefined}
            />
          </Field>
        </Col>
        <Col span={10}>
          <Field path="device.passcode" label={t('ui.intake.device.passcode')} error={error('device.passcode')}>
            <PasscodeInput {...text('device.passcode')} placeholder={t('ui.intake.device.passcodeHint')} />
          </Field>
        </Col>
      </Row>
      {/* "IMEI not readable" stays in view once the IMEI is missing or wrong: that is when it is needed. */}
      {(more.open || d.imeiUnreadable || (isPhone && !!serialError)) && (
        <div className="imei-unreadable">
          <Checkbox id="device-imeiUnreadable" checked={d.imeiUnreadable} onChange={(e) => setUnreadable(e.target.checked)}>
            {t('ui.intake.device.imeiUnreadable')}
          </Checkbox>
          {d.imeiUnreadable && (
            <Field path="device.imeiUnreadableReason" label={t('ui.intake.device.imeiUnreadableReason')} error={error('device.imeiUnreadableReason')} required>
              <Input {...text('device.imeiUnreadableReason')} placeholder={t('ui.intake.device.imeiUnreadableReasonHint')} />
            </Field>
          )}
        </div>
      )}
      <Field path="purchase.invoiceDate" label={t('ui.intake.purchase.invoiceDate')} error={error('purchase.invoiceDate')}>
        <DateInput
          id="purchase-invoiceDate"
          value={values.purchase.invoiceDate}
          range={{ max: today, today }}
          status={error('purchase.invoiceDate') ? 'error' : undefined}
          onChange={(v) => set('purchase.invoiceDate', v)}
          onBlur={() => form.touch('purchase.invoiceDate')}
          placeholder={t('ui.intake.purchase.noInvoice')}
        />
      </Field>
      <More open={more.open} onToggle={more.toggle} labels={[t('ui.intake.purchase.invoiceNo'), ...(isPhone ? [t('ui.intake.device.imeiUnreadable')] : [])]} summary={[values.purchase.invoiceNo]} testId="device-more">
        <Field path="purchase.invoiceNo" label={t('ui.intake.purchase.invoiceNo')} error={error('purchase.invoiceNo')}>
          <Input {...text('purchase.invoiceNo')} />
        </Field>
      </More>
    </Card>
  )
}
