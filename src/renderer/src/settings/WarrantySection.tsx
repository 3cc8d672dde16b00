import { Button, Checkbox, Col, InputNumber, Row, Select, Table, Typography } from 'antd'
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import type { StoreSettings } from '@shared/contract/settings'
import { COMPONENTS, EXCLUSIONS, type WarrantyPolicy, type WarrantyRule } from '@shared/domain/warranty'
import { useT } from '../app/i18n'
import { categoryOptions } from '../ui/catalogue'
import { fieldId, type FieldErrors } from '../ui/validation'
import { SectionCard } from './SectionCard'
import { useSection } from './useSection'

const SIGNS = ['screenCracked', 'scratchesDents'] as const

/** 三包 periods per category and component, and which findings void the warranty. */
export function WarrantySection({ settings }: { settings: StoreSettings }): React.JSX.Element {
  const t = useT()
  const noDuplicates = (v: { warrantyPolicy?: WarrantyPolicy }): FieldErrors => {
    const out: FieldErrors = {}
    const seen = new Set<string>()
    v.warrantyPolicy?.rules.forEach((r, i) => {
      const k = `${r.category}/${r.component}`
      if (seen.has(k)) out[`warrantyPolicy.rules.${i}.component`] = t('settings.v.duplicateRule')
      seen.add(k)
    })
    return out
  }
  const { form, dirty, save, saving, reset } = useSection<{ warrantyPolicy?: WarrantyPolicy }>({ warrantyPolicy: settings.warrantyPolicy }, noDuplicates)
  const policy = form.values.warrantyPolicy ?? settings.warrantyPolicy
  const rules = policy.rules
  const setRule = (i: number, patch: Partial<WarrantyRule>) =>
    form.set('warrantyPolicy.rules', rules.map((r, j) => (j === i ? { ...r, ...patch } : r)), true)
  const toggle = <K extends 'exclusions' | 'humanDamageSigns'>(key: K, item: WarrantyPolicy[K][number], on: boolean) => {
    const list = policy[key] as string[]
    form.set(`warrantyPolicy.${key}`, on ? [...list, item] : list.filter((x) => x !== item), true)
  }
  const cell = (i: number, field: keyof WarrantyRule) => {
    const path = `warrantyPolicy.rules.${i}.${field}`
    return { id: fieldId(path), status: form.error(path) ? ('error' as const) : undefined, title: form.error(path) }
  }

  const columns = [
    { title: t('ui.intake.device.category'), key: 'category', render: (_: unknown, r: WarrantyRule, i: number) => (
      <Select {...cell(i, 'category')} size="small" style={{ width: '100%' }} value={r.category} options={categoryOptions(settings, t)} onChange={(v: string) => setRule(i, { category: v })} aria-label={t('ui.intake.device.category')} />
    ) },
    { title: t('ui.warranty.component'), key: 'component', render: (_: unknown, r: WarrantyRule, i: number) => (
      <>
        <Select {...cell(i, 'component')} size="small" style={{ width: '100%' }} value={r.component} options={COMPONENTS.map((c) => ({ value: c, label: t(`component.${c}`) }))} onChange={(v: string) => setRule(i, { component: v })} aria-label={t('ui.warranty.component')} />
        {form.error(`warrantyPolicy.rules.${i}.component`) && <Typography.Text type="danger" role="alert" id={`${fieldId(`warrantyPolicy.rules.${i}.component`)}-error`}>{form.error(`warrantyPolicy.rules.${i}.component`)}</Typography.Text>}
      </>
    ) },
    { title: t('ui.warranty.months'), key: 'months', width: 110, render: (_: unknown, r: WarrantyRule, i: number) => (
      <InputNumber {...cell(i, 'months')} size="small" min={0} max={120} precision={0} value={r.months} onChange={(v) => setRule(i, { months: v ?? 0 })} aria-label={t('ui.warranty.months')} />
    ) },
    { title: '', key: 'remove', width: 48, render: (_: unknown, __: WarrantyRule, i: number) => (
      <Button size="small" icon={<DeleteOutlined />} aria-label={t('settings.remove')} data-testid={`rule-remove-${i}`} onClick={() => form.set('warrantyPolicy.rules', rules.filter((_r, j) => j !== i), true)} />
    ) }
  ]

  return (
    <SectionCard id="warrantyPolicy" title={t('settings.warranty.title')} dirty={dirty} saving={saving} onSave={save} onReset={reset}>
      <Row gutter={24}>
        <Col span={15}>
          <Table size="small" rowKey={(_r, i) => String(i)} pagination={false} dataSource={rules} columns={columns} scroll={{ y: 380 }} data-testid="warranty-rules" />
          <Button icon={<PlusOutlined />} type="dashed" block className="mt8" data-testid="rule-add"
            onClick={() => form.set('warrantyPolicy.rules', [...rules, { category: settings.deviceCategories[0]?.code ?? 'phone', component: 'main', months: 12 }], true)}>
            {t('settings.add')}
          </Button>
        </Col>
        <Col span={9}>
          <Typography.Title level={5}>{t('settings.warranty.exclusions')}</Typography.Title>
          {EXCLUSIONS.map((x) => (
            <div key={x}>
              <Checkbox id={`warrantyPolicy-exclusions-${x}`} checked={policy.exclusions.includes(x)} onChange={(e) => toggle('exclusions', x, e.target.checked)}>
                {t(`settings.warranty.exclusion.${x}`)}
              </Checkbox>
            </div>
          ))}
          <Typography.Title level={5} className="mt8">{t('settings.warranty.humanDamageSigns')}</Typography.Title>
          {SIGNS.map((x) => (
            <div key={x}>
              <Checkbox id={`warrantyPolicy-humanDamageSigns-${x}`} checked={policy.humanDamageSigns.includes(x)} onChange={(e) => toggle('humanDamageSigns', x, e.target.checked)}>
                {t(`condition.${x}`)}
              </Checkbox>
            </div>
          ))}
        </Col>
      </Row>
    </SectionCard>
  )
}
