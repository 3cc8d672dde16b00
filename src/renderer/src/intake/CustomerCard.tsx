import { useQuery, useQueryClient } from '@tanstack/react-query'
import { AutoComplete, Button, Card, Col, Input, Row, Tag } from 'antd'
import type { CustomerView } from '@shared/contract/intake'
import { call } from '../api/client'
import { useT } from '../app/i18n'
import { Field } from '../ui/Field'
import { TASK_START } from '../ui/keyboard'
import { useDebounced } from '../ui/useDebounced'
import type { FormApi } from '../ui/useForm'
import { CustomerHistory } from './CustomerHistory'
import { More } from './More'
import type { IntakeForm } from './model'

const PICK = 'customer:'

export interface MoreState {
  open: boolean
  toggle: () => void
}

/** Mobile first: typing it finds returning customers; picking one fills the rest and shows their history. */
export function CustomerCard({ form, onOpenOrder, more }: { form: FormApi<IntakeForm>; onOpenOrder: (id: number) => void; more: MoreState }): React.JSX.Element {
  const t = useT()
  const qc = useQueryClient()
  const { values, text, error, set } = form
  const c = values.customer
  const query = useDebounced(c.mobile.trim(), 250)
  const searching = !c.id && query.length >= 3
  const found = useQuery({
    queryKey: ['customers.search', query],
    queryFn: () => call('customers.search', { query }),
    enabled: searching,
    staleTime: 10_000
  })
  const matches = searching ? (found.data ?? []) : []

  const pick = async (customer: CustomerView) => {
    form.setValues((v) => ({ ...v, customer: { ...customer } }))
    for (const p of ['name', 'mobile', 'landline', 'address']) form.touch(`customer.${p}`)
    // Next stop: their earlier devices when there are any (Enter repeats one), else a new device.
    const history = await qc
      .fetchQuery({ queryKey: ['customers.history', customer.id], queryFn: () => call('customers.history', { customerId: customer.id }) })
      .catch(() => null)
    setTimeout(() => {
      const target = history?.orders.length ? document.querySelector<HTMLElement>('[data-earlier-device]') : null
      ;(target ?? document.getElementById('device-category'))?.focus()
    })
  }

  const options = matches.map((m) => ({
    value: `${PICK}${m.id}`,
    label: (
      <div className="customer-option" data-testid={`customer-option-${m.id}`}>
        <span className="customer-option-name">{m.name}</span>
        <span>{m.mobile}</span>
        {m.address && <span className="customer-option-address">{m.address}</span>}
      </div>
    )
  }))

  const badge = c.id ? (
    <Tag color="blue" data-testid="customer-existing">
      {t('ui.intake.customer.existing')}
      <Button type="link" size="small" tabIndex={-1} onClick={() => set('customer.id', undefined)} data-testid="customer-unlink">
        {t('ui.intake.customer.unlink')}
      </Button>
    </Tag>
  ) : /^1\d{10}$/.test(c.mobile) && found.isSuccess && matches.length === 0 ? (
    <Tag data-testid="customer-new">{t('ui.intake.customer.new')}</Tag>
  ) : null

  return (
    <Card size="small" title={t('ui.intake.customer.title')} extra={badge} className="intake-card">
      <Field path="customer.mobile" label={t('ui.intake.customer.mobile')} error={error('customer.mobile')} required>
        <AutoComplete
          id="customer-mobile"
          {...TASK_START}
          autoFocus
          value={c.mobile}
          options={options}
          // Enter picks the first match: a returning customer is one key after their number.
          defaultActiveFirstOption
          showSearch={{ filterOption: false }}
          status={error('customer.mobile') ? 'error' : undefined}
          onChange={(v: string) => {
            if (v.startsWith(PICK)) return
            // A different number is a different customer: forget the one picked earlier.
            form.setValues((f) => ({ ...f, customer: { ...f.customer, id: undefined, mobile: v } }))
            form.setServerErrors(({ 'customer.mobile': _m, 'customer.id': _i, ...rest }) => rest)
          }}
          onSelect={(v: string) => {
            const m = matches.find((x) => `${PICK}${x.id}` === v)
            if (m) void pick(m)
          }}
          onBlur={() => c.mobile && form.touch('customer.mobile')}
          placeholder={t('ui.intake.customer.mobileHint')}
        />
      </Field>
      {form.serverErrors['customer.id'] && (
        <div className="field-error" id="customer-id-error" data-testid="customer-id-error" role="alert">
          {form.serverErrors['customer.id']}
        </div>
      )}
      <Field path="customer.name" label={t('ui.intake.customer.name')} error={error('customer.name')} required>
        <Input {...text('customer.name')} />
      </Field>
      <More open={more.open} onToggle={more.toggle} labels={[t('ui.intake.customer.landline'), t('ui.intake.customer.address')]} summary={[c.landline, c.address]} testId="customer-more">
        <Row gutter={8}>
          <Col span={10}>
            <Field path="customer.landline" label={t('ui.intake.customer.landline')} error={error('customer.landline')}>
              <Input {...text('customer.landline')} />
            </Field>
          </Col>
          <Col span={14}>
            <Field path="customer.address" label={t('ui.intake.customer.address')} error={error('customer.address')}>
              <Input {...text('customer.address')} />
            </Field>
          </Col>
        </Row>
      </More>
      {c.id && <CustomerHistory customerId={c.id} onOpenOrder={onOpenOrder} />}
    </Card>
  )
}
