import { Col, Input, InputNumber, Row } from 'antd'
import type { StoreSettings } from '@shared/contract/settings'
import { useT } from '../app/i18n'
import { Field } from '../ui/Field'
import { fieldId } from '../ui/validation'
import { SectionCard } from './SectionCard'
import { useSection } from './useSection'

/** What the claim ticket promises: the repair warranty and the store's own terms. */
export function TicketSection({ settings }: { settings: StoreSettings }): React.JSX.Element {
  const t = useT()
  const { form, dirty, save, saving, reset } = useSection({ ticket: settings.ticket })
  const { text, error, values } = form
  return (
    <SectionCard id="ticket" title={t('settings.ticket.title')} dirty={dirty} saving={saving} onSave={save} onReset={reset}>
      <Row gutter={16}>
        <Col span={8}>
          <Field path="ticket.repairWarrantyMonths" label={t('ui.ticket.months')} error={error('ticket.repairWarrantyMonths')} extra={t('ui.ticket.monthsHint')}>
            <InputNumber
              id={fieldId('ticket.repairWarrantyMonths')}
              min={0}
              max={36}
              precision={0}
              value={values.ticket?.repairWarrantyMonths}
              onChange={(v) => form.set('ticket.repairWarrantyMonths', v ?? 0, true)}
            />
          </Field>
        </Col>
        <Col span={16}>
          <Field path="ticket.terms" label={t('ui.ticket.terms')} error={error('ticket.terms')} extra={t('ui.ticket.termsHint')}>
            <Input.TextArea {...text('ticket.terms')} rows={6} placeholder={[t('receipt.terms.bringTicket'), t('receipt.terms.uncollected')].join('\n')} />
          </Field>
        </Col>
      </Row>
    </SectionCard>
  )
}
