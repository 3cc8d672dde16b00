import { Card, Checkbox, Input } from 'antd'
import { ACCESSORIES } from '@shared/contract/intake'
import { useT } from '../app/i18n'
import { Field } from '../ui/Field'
import type { FormApi } from '../ui/useForm'
import type { Accessory, IntakeForm } from './model'

const CHECKS = ['screenCracked', 'scratchesDents', 'waterDamage', 'sealsIntact', 'powersOn'] as const

/** What the device looks like and what came with it: printed on the ticket so pickup has no dispute. */
export function ConditionCard({ form }: { form: FormApi<IntakeForm> }): React.JSX.Element {
  const t = useT()
  const { values, text, error, set } = form
  const items = values.accessories.items
  const toggleAccessory = (a: Accessory, on: boolean) =>
    set('accessories.items', on ? ACCESSORIES.filter((x) => x === a || items.includes(x)) : items.filter((x) => x !== a), true)

  return (
    <Card size="small" title={t('ui.intake.condition.title')} className="intake-card">
      <div className="check-grid" role="group" aria-label={t('ui.intake.condition.title')}>
        {CHECKS.map((c) => (
          <Checkbox key={c} id={`condition-${c}`} checked={values.condition[c]} onChange={(e) => set(`condition.${c}`, e.target.checked, true)}>
            {t(`condition.${c}`)}
          </Checkbox>
        ))}
      </div>
      <Field path="condition.other" label={t('condition.other')} error={error('condition.other')}>
        <Input {...text('condition.other')} maxLength={200} />
      </Field>
      <div className="section-label">{t('ui.intake.accessories.title')}</div>
      <div className="check-grid" role="group" aria-label={t('ui.intake.accessories.title')}>
        {ACCESSORIES.map((a) => (
          <Checkbox key={a} id={`accessories-${a}`} checked={items.includes(a)} onChange={(e) => toggleAccessory(a, e.target.checked)}>
            {t(`accessory.${a}`)}
          </Checkbox>
        ))}
      </div>
      <Field path="accessories.other" label={t('accessory.other')} error={error('accessories.other')}>
        <Input {...text('accessories.other')} maxLength={100} />
      </Field>
    </Card>
  )
}
