import { Button, Col, Input, Row, Typography } from 'antd'
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import type { CatalogueEntry, StoreSettings } from '@shared/contract/settings'
import { hasMessage } from '@shared/i18n'
import { useT } from '../app/i18n'
import { Field } from '../ui/Field'
import type { FieldErrors } from '../ui/validation'
import { SectionCard } from './SectionCard'
import { useSection } from './useSection'

type Key = 'deviceCategories' | 'faultCodes'
const PREFIX: Record<Key, 'category' | 'fault'> = { deviceCategories: 'category', faultCodes: 'fault' }

export function CatalogueSection({ settings }: { settings: StoreSettings }): React.JSX.Element {
  return (
    <Row gutter={12}>
      <Col span={12}>
        <CatalogueEditor listKey="deviceCategories" saved={settings.deviceCategories} />
      </Col>
      <Col span={12}>
        <CatalogueEditor listKey="faultCodes" saved={settings.faultCodes} />
      </Col>
    </Row>
  )
}

function CatalogueEditor({ listKey, saved }: { listKey: Key; saved: CatalogueEntry[] }): React.JSX.Element {
  const t = useT()
  const duplicates = (v: Partial<Record<Key, CatalogueEntry[]>>): FieldErrors => {
    const seen = new Set<string>()
    const out: FieldErrors = {}
    ;(v[listKey] ?? []).forEach((e, i) => {
      if (seen.has(e.code)) out[`${listKey}.${i}.code`] = t('settings.v.duplicateCode')
      seen.add(e.code)
    })
    return out
  }
  const { form, dirty, save, saving, reset } = useSection<Partial<Record<Key, CatalogueEntry[]>>>({ [listKey]: saved }, duplicates)
  const rows = form.values[listKey] ?? []
  const savedCodes = new Set(saved.map((e) => e.code))
  const setRows = (next: CatalogueEntry[]) => form.set(listKey, next)
  const prefix = PREFIX[listKey]

  return (
    <SectionCard id={listKey} title={t(`settings.catalogue.${listKey}`)} dirty={dirty} saving={saving} onSave={save} onReset={reset}>
      <Typography.Paragraph type="secondary">{t('settings.catalogue.hint')}</Typography.Paragraph>
      <div className="catalogue-rows">
        <Row gutter={8} className="catalogue-head">
          <Col span={9}>{t('settings.catalogue.code')}</Col>
          <Col span={12}>{t('settings.catalogue.name')}</Col>
        </Row>
        {rows.map((e, i) => {
          const base = `${listKey}.${i}`
          return (
            <Row key={i} gutter={8} align="top">
              <Col span={9}>
                <Field path={`${base}.code`} error={form.error(`${base}.code`)}>
                  {/* Codes already saved are referenced by orders: only new rows get to choose one. */}
                  <Input {...form.text(`${base}.code`)} disabled={savedCodes.has(e.code) && i < saved.length} placeholder={t('settings.catalogue.codeHint')} aria-label={t('settings.catalogue.code')} />
                </Field>
              </Col>
              <Col span={12}>
                <Field path={`${base}.name`} error={form.error(`${base}.name`)}>
                  <Input {...form.text(`${base}.name`)} aria-label={t('settings.catalogue.name')}
                    placeholder={hasMessage(`${prefix}.${e.code}`) ? t(`${prefix}.${e.code}`) : t('settings.catalogue.nameHint')} />
                </Field>
              </Col>
              <Col span={3}>
                <Button
                  icon={<DeleteOutlined />}
                  aria-label={t('settings.remove')}
                  data-testid={`${listKey}-remove-${i}`}
                  onClick={() => setRows(rows.filter((_, j) => j !== i))}
                />
              </Col>
            </Row>
          )
        })}
      </div>
      {form.error(listKey) && <Typography.Text type="danger" role="alert" id={`${listKey}-error`}>{form.error(listKey)}</Typography.Text>}
      <Button icon={<PlusOutlined />} type="dashed" block onClick={() => setRows([...rows, { code: '', name: '' }])} data-testid={`${listKey}-add`}>
        {t('settings.add')}
      </Button>
    </SectionCard>
  )
}
