import { Col, Input, Row } from 'antd'
import type { StoreSettings } from '@shared/contract/settings'
import { useT } from '../app/i18n'
import { Field } from '../ui/Field'
import { LocaleField, TimeZoneField } from '../ui/TimeZoneAndLocale'
import { SectionCard } from './SectionCard'
import { useSection } from './useSection'

export function StoreSection({ settings }: { settings: StoreSettings }): React.JSX.Element {
  const t = useT()
  const { form, dirty, save, saving, reset } = useSection({ store: settings.store, timeZone: settings.timeZone, locale: settings.locale })
  const { text, error, values } = form
  return (
    <SectionCard id="store" title={t('settings.store.title')} dirty={dirty} saving={saving} onSave={save} onReset={reset}>
      <Row gutter={16}>
        <Col span={12}>
          <Field path="store.name" label={t('ui.store.name')} error={error('store.name')} required>
            <Input {...text('store.name')} />
          </Field>
          <Field path="store.phone" label={t('ui.store.phone')} error={error('store.phone')}>
            <Input {...text('store.phone')} />
          </Field>
          <TimeZoneField value={values.timeZone} onChange={(v) => form.set('timeZone', v, true)} error={error('timeZone')} extra={t('settings.store.timeZoneHint')} />
          <LocaleField label={t('settings.store.locale')} value={values.locale} onChange={(v) => form.set('locale', v, true)} extra={t('settings.store.localeHint')} />
        </Col>
        <Col span={12}>
          <Field path="store.address" label={t('ui.store.address')} error={error('store.address')}>
            <Input {...text('store.address')} />
          </Field>
          <Field path="store.receiptFooter" label={t('ui.store.receiptFooter')} error={error('store.receiptFooter')}>
            <Input.TextArea {...text('store.receiptFooter')} rows={3} placeholder={t('ui.store.receiptFooterHint')} />
          </Field>
        </Col>
      </Row>
    </SectionCard>
  )
}
