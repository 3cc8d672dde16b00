import { Card, Input } from 'antd'
import { ACCESSORIES } from '@shared/contract/intake'
import { useT } from '../app/i18n'
import { CheckGroup } from '../ui/CheckGroup'
import { Field } from '../ui/Field'
import type { FormApi } from '../ui/useForm'
import type { MoreState } from './CustomerCard'
import { More } from './More'
import type { Accessory, IntakeForm } from './model'

const CHECKS = ['screenCracked', 'scratchesDents', 'waterDamage', 'sealsIntact', 'powersOn'] as const
type Check = (typeof CHECKS)[number]

/** What the device looks like and what came with it: printed on the ticket so pickup has no dispute. */
export function ConditionCard({ form, more }: { form: FormApi<IntakeForm>; more: MoreState }): React.JSX.Element {
  const t = useT()
  const { values, text, error, set } = form
  const items = values.accessories.items
  const toggleAccessory = (a: Accessory, on: boolean) =>
    set('accessories.items', on ? ACCESSORIES.filter((x) => x === a || items.includes(x)) : items.filter((x) => x !== a), true)

  return (
    <Card size="small" title={t('ui.intake.condition.title')} className="intake-card">
      {/* Each list is one Tab stop: arrows move, Space or the item's digit ticks. */}
      <CheckGroup
        idPrefix="condition"
        label={t('ui.intake.condition.title')}
        items={CHECKS.map((c) => ({ value: c, label: t(`condition.${c}`) }))}
        isChecked={(c) => values.condition[c as Check]}
        onToggle={(c, on) => set(`condition.${c}`, on, true)}
      />
      <div className="section-label">{t('ui.intake.accessories.title')}</div>
      <CheckGroup
        idPrefix="accessories"
        label={t('ui.intake.accessories.title')}
        items={ACCESSORIES.map((a) => ({ value: a, label: t(`accessory.${a}`) }))}
        isChecked={(a) => items.includes(a as Accessory)}
        onToggle={(a, on) => toggleAccessory(a as Accessory, on)}
      />
      <More open={more.open} onToggle={more.toggle} labels={[t('condition.other'), t('accessory.other')]} summary={[values.condition.other, values.accessories.other]} testId="condition-more">
        <Field path="condition.other" label={t('condition.other')} error={error('condition.other')}>
          <Input {...text('condition.other')} />
        </Field>
        <Field path="accessories.other" label={t('accessory.other')} error={error('accessories.other')}>
          <Input {...text('accessories.other')} />
        </Field>
      </More>
    </Card>
  )
}
