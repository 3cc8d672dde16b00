import { Select } from 'antd'
import { LOCALES, type Locale } from '@shared/i18n'
import { useT } from '../app/i18n'
import { Field } from './Field'
import { timeZoneOptions } from './timeZones'

/** The store's time zone picker (setup and Settings → Store). */
export function TimeZoneField(props: { value: string; onChange: (tz: string) => void; error?: string; extra?: string }): React.JSX.Element {
  const t = useT()
  return (
    <Field path="timeZone" label={t('ui.store.timeZone')} error={props.error} extra={props.extra}>
      <Select id="timeZone" value={props.value} options={timeZoneOptions()} showSearch={{ optionFilterProp: 'label' }} onChange={props.onChange} />
    </Field>
  )
}

/** A language picker bound to the `locale` field. */
export function LocaleField(props: { label: string; value: Locale; onChange: (l: Locale) => void; error?: string; extra?: string }): React.JSX.Element {
  const t = useT()
  return (
    <Field path="locale" label={props.label} error={props.error} extra={props.extra}>
      <Select id="locale" value={props.value} options={LOCALES.map((l) => ({ value: l, label: t(`ui.lang.${l}`) }))} onChange={props.onChange} />
    </Field>
  )
}
