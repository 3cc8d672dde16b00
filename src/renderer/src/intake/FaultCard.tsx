import { useState } from 'react'
import { Card, Input, Select } from 'antd'
import type { StoreSettings } from '@shared/contract/settings'
import { useT } from '../app/i18n'
import { faultOptions } from '../ui/catalogue'
import { Field } from '../ui/Field'
import type { FormApi } from '../ui/useForm'
import type { IntakeForm } from './model'

export function FaultCard({ form, settings }: { form: FormApi<IntakeForm>; settings: StoreSettings }): React.JSX.Element {
  const t = useT()
  const { values, text, error, set } = form
  // Close the list once a code is picked: an open multi-select list turns Tab into "toggle this
  // option" and traps the clerk in the field.
  const [open, setOpen] = useState(false)
  return (
    <Card size="small" title={t('ui.intake.fault.title')} className="intake-card">
      <Field path="fault.codes" label={t('ui.intake.fault.codes')} error={error('fault.codes')}>
        <Select
          id="fault-codes"
          mode="multiple"
          // No clear button: it would be one more Tab stop; Backspace removes the last code.
          open={open}
          onOpenChange={setOpen}
          onSelect={() => setOpen(false)}
          value={values.fault.codes}
          options={faultOptions(settings, t)}
          showSearch={{ optionFilterProp: 'label' }}
          onChange={(codes: string[]) => set('fault.codes', codes, true)}
          placeholder={t('ui.intake.fault.codesHint')}
        />
      </Field>
      <Field path="fault.description" label={t('ui.intake.fault.description')} error={error('fault.description')} required>
        <Input.TextArea {...text('fault.description')} autoSize={{ minRows: 3, maxRows: 6 }} maxLength={500} showCount />
      </Field>
    </Card>
  )
}
