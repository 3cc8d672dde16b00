import { Input, Typography } from 'antd'
import type { Locale } from '@shared/i18n'
import { useT } from '../app/i18n'
import { Field } from '../ui/Field'
import { LocaleField, TimeZoneField } from '../ui/TimeZoneAndLocale'
import type { FormApi } from '../ui/useForm'
import type { SetupForm } from './SetupScreen'

type Props = { form: FormApi<SetupForm> }

export function StoreFields({ form, onLocale }: Props & { onLocale: (l: Locale) => void }): React.JSX.Element {
  const t = useT()
  const { text, error, values } = form
  return (
    <>
      <Typography.Title level={5}>{t('ui.setup.storeSection')}</Typography.Title>
      <Field path="store.name" label={t('ui.store.name')} error={error('store.name')} required>
        <Input {...text('store.name')} autoFocus />
      </Field>
      <Field path="store.address" label={t('ui.store.address')} error={error('store.address')}>
        <Input {...text('store.address')} />
      </Field>
      <Field path="store.phone" label={t('ui.store.phone')} error={error('store.phone')}>
        <Input {...text('store.phone')} />
      </Field>
      <Field path="store.receiptFooter" label={t('ui.store.receiptFooter')} error={error('store.receiptFooter')}>
        <Input.TextArea {...text('store.receiptFooter')} rows={2} placeholder={t('ui.store.receiptFooterHint')} />
      </Field>
      <TimeZoneField value={values.timeZone} onChange={(v) => form.set('timeZone', v, true)} error={error('timeZone')} />
      <LocaleField label={t('ui.lang.label')} value={values.locale} onChange={onLocale} error={error('locale')} />
    </>
  )
}

export function ManagerFields({ form }: Props): React.JSX.Element {
  const t = useT()
  const { text, error } = form
  const digits = (path: string) => ({
    ...text(path),
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => form.set(path, e.target.value.normalize('NFKC').replace(/\D/g, ''))
  })
  return (
    <>
      <Typography.Title level={5}>{t('ui.setup.managerSection')}</Typography.Title>
      <Field path="manager.username" label={t('ui.user.username')} error={error('manager.username')} required extra={t('ui.user.usernameHint')}>
        <Input {...text('manager.username')} autoComplete="off" />
      </Field>
      <Field path="manager.displayName" label={t('ui.user.displayName')} error={error('manager.displayName')} required>
        <Input {...text('manager.displayName')} />
      </Field>
      <Field path="manager.pin" label={t('ui.user.pin')} error={error('manager.pin')} required extra={t('ui.user.pinHint')}>
        <Input.Password {...digits('manager.pin')} inputMode="numeric" autoComplete="new-password" />
      </Field>
      <Field path="manager.pinConfirm" label={t('ui.user.pinConfirm')} error={error('manager.pinConfirm')} required>
        <Input.Password {...digits('manager.pinConfirm')} inputMode="numeric" autoComplete="new-password" />
      </Field>
    </>
  )
}
