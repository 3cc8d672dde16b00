import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Alert, App, Col, Form, Input, Modal, Row, Switch, type ButtonProps } from 'antd'
import { PartFields, type PartDetail, type PartView } from '@shared/contract/warehouse/catalogue'
import { formatYuan, parseYuan } from '@shared/domain/money'
import type { Translate } from '@shared/i18n'
import { ApiError, call } from '../api/client'
import { useT } from '../app/i18n'
import { errorText } from '../app/session'
import { Field } from '../ui/Field'
import { useForm } from '../ui/useForm'
import { validate, type FieldErrors } from '../ui/validation'

interface PartFormValues {
  sku: string
  name: string
  spec: string
  models: string
  unit: string
  barcode: string
  bin: string
  minStock: string
  salePriceFen: string
  active: boolean
}

const fromPart = (p: PartView | null, defaultUnit: string): PartFormValues => ({
  sku: p?.sku ?? '',
  name: p?.name ?? '',
  spec: p?.spec ?? '',
  models: p?.models ?? '',
  unit: p?.unit ?? defaultUnit,
  barcode: p?.barcode ?? '',
  bin: p?.bin ?? '',
  minStock: String(p?.minStock ?? 0),
  salePriceFen: p ? formatYuan(p.salePriceFen) : '0.00',
  active: p?.active ?? true
})

/** Quantities and yuan as typed; a value that is not a number is left as text for the schema to name. */
function toInput(f: PartFormValues) {
  const min = f.minStock.normalize('NFKC').trim()
  return { ...f, minStock: /^\d+$/.test(min) ? Number(min) : min === '' ? 0 : (min as unknown as number), salePriceFen: parseYuan(f.salePriceFen || '0') ?? Number.NaN }
}

function check(f: PartFormValues, t: Translate): FieldErrors {
  const errors = validate(PartFields, toInput(f), t).errors
  if (parseYuan(f.salePriceFen || '0') === null) errors.salePriceFen = t('warehouse.csv.e.money')
  return errors
}

/** New part, or edit one (warehouse staff and the manager). SKU and barcode clashes come back on their fields. */
export function PartForm({ part, onClose, onSaved }: { part: PartView | null; onClose: () => void; onSaved: (d: PartDetail) => void }): React.JSX.Element {
  const t = useT()
  const qc = useQueryClient()
  const { message } = App.useApp()
  const form = useForm<PartFormValues>(fromPart(part, t('warehouse.part.defaultUnit')), (f) => check(f, t), { schema: PartFields })
  const { text, error, values, set } = form
  const save = useMutation({
    mutationFn: () => {
      const input = toInput(values)
      return part ? call('warehouse.parts.update', { ...input, partId: part.id }) : call('warehouse.parts.create', input)
    },
    onSuccess: (d) => {
      void qc.invalidateQueries({ queryKey: ['warehouse.parts.search'] })
      void qc.invalidateQueries({ queryKey: ['warehouse.parts.get', d.part.id] })
      message.success(t('warehouse.parts.saved'))
      onSaved(d)
    },
    onError: (e) => void form.showServerErrors(e)
  })
  const submit = () => form.submit(() => save.mutate())
  const showTop = save.isError && !(save.error instanceof ApiError && Object.keys(save.error.fields).length)
  const field = (path: keyof PartFormValues, required = false, extra?: React.ReactNode) => (
    <Field path={path} label={t(`warehouse.part.${path === 'salePriceFen' ? 'salePrice' : path}`)} error={error(path)} required={required} extra={extra}>
      <Input {...text(path)} autoFocus={path === 'sku'} data-testid={`part-${path}`} />
    </Field>
  )
  return (
    <Modal
      open
      title={part ? `${t('warehouse.parts.edit')} ${part.sku}` : t('warehouse.parts.new')}
      onCancel={onClose}
      onOk={submit}
      okText={t('warehouse.parts.save')}
      cancelText={t('warehouse.parts.cancel')}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'part-save' } as ButtonProps}
      width={640}
    >
      {showTop && <Alert type="error" showIcon className="mb8" title={errorText(save.error, t)} />}
      <Form layout="vertical" onFinish={submit} component="form">
        <Row gutter={12}>
          <Col span={12}>{field('sku', true)}</Col>
          <Col span={12}>{field('barcode')}</Col>
          <Col span={16}>{field('name', true)}</Col>
          <Col span={8}>{field('unit', true)}</Col>
          <Col span={24}>{field('spec')}</Col>
          <Col span={24}>{field('models')}</Col>
          <Col span={8}>{field('bin')}</Col>
          <Col span={8}>{field('minStock')}</Col>
          <Col span={8}>{field('salePriceFen')}</Col>
          <Col span={8}>
            <Field path="active" label={t('warehouse.part.active')} error={error('active')}>
              <Switch id="active" checked={values.active} onChange={(v) => set('active', v, true)} />
            </Field>
          </Col>
        </Row>
        <button type="submit" hidden aria-hidden />
      </Form>
    </Modal>
  )
}
