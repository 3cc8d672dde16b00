import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Alert, App, Button, Checkbox, Col, Form, Input, Modal, Row, Select, Typography } from 'antd'
import { ACCESSORIES, CorrectionInput, WARNING_CODES, type OrderView, type WarningCode } from '@shared/contract/intake'
import type { StoreSettings } from '@shared/contract/settings'
import { ApiError, call } from '../api/client'
import { useT } from '../app/i18n'
import { errorText } from '../app/session'
import { categoryOptions, faultOptions } from '../ui/catalogue'
import { DateInput } from '../ui/DateInput'
import { Field } from '../ui/Field'
import { PasscodeInput } from '../ui/PasscodeInput'
import { useDebounced } from '../ui/useDebounced'
import { useForm } from '../ui/useForm'
import { fieldId, focusFirstError, validate } from '../ui/validation'

const CHECKS = ['screenCracked', 'scratchesDents', 'waterDamage', 'sealsIntact', 'powersOn'] as const

interface CorrectionForm {
  customer: OrderView['customer']
  device: Omit<OrderView['device'], 'imeiPending' | 'hasPasscode'>
  /** '' keeps the stored passcode unless `erasePasscode`. */
  passcode: string
  erasePasscode: boolean
  fault: OrderView['fault']
  condition: OrderView['condition']
  accessories: OrderView['accessories']
  promisedDate: string
  warningReasons: Partial<Record<WarningCode, string>>
}

function formFrom(o: OrderView): CorrectionForm {
  const { imeiPending: _p, hasPasscode: _h, ...device } = o.device
  return {
    customer: o.customer,
    device,
    passcode: '',
    erasePasscode: false,
    fault: o.fault,
    condition: o.condition,
    accessories: o.accessories,
    promisedDate: o.service.promisedDate,
    warningReasons: {}
  }
}

function toInput(o: OrderView, f: CorrectionForm): CorrectionInput {
  const passcode = f.erasePasscode ? '' : f.passcode ? f.passcode : undefined
  return {
    orderId: o.id,
    customer: f.customer,
    device: { ...f.device, ...(passcode !== undefined ? { passcode } : {}) },
    fault: f.fault,
    condition: f.condition,
    accessories: f.accessories,
    promisedDate: f.promisedDate,
    acknowledgedWarnings: WARNING_CODES.filter((c) => f.warningReasons[c]?.trim()).map((code) => ({ code, reason: f.warningReasons[code] ?? '' }))
  }
}

interface Props {
  order: OrderView
  settings: StoreSettings
  onClose: () => void
  onOpenOrder: (orderId: number) => void
}

/**
 * 更正: the intake's customer, device, fault, condition, accessories and promised date, editable
 * until work starts. Main audits every change (old and new) and prints a ticket marked 更正.
 */
export function CorrectDialog({ order, settings, onClose, onOpenOrder }: Props): React.JSX.Element {
  const t = useT()
  const qc = useQueryClient()
  const { message } = App.useApp()
  const form = useForm<CorrectionForm>(() => formFrom(order), (f) => validate(CorrectionInput, toInput(order, f), t).errors, { schema: CorrectionInput })
  const { values: f, text, error, set } = form
  // The intake screen stays mounted behind this dialog with the same field paths: ids get a prefix.
  const cp = (path: string) => `correct.${path}`
  const txt = (path: string) => ({ ...text(path), id: fieldId(cp(path)) })

  // Only a changed IMEI can newly clash with another open order (main checks the same on save).
  const changedSerial = f.device.serial.trim() !== order.device.serial ? f.device.serial : ''
  const question = useDebounced({ orderId: order.id, device: { category: f.device.category, serial: changedSerial } }, 300)
  const live = useQuery({ queryKey: ['intake.warnings', question], queryFn: () => call('intake.warnings', question), placeholderData: keepPreviousData })
  const warnings = [...(live.data ?? [])]
  for (const path of Object.keys(form.serverErrors)) {
    const code = /^warnings\.(\w+)$/.exec(path)?.[1] as WarningCode | undefined
    if (code && !warnings.some((w) => w.code === code)) warnings.push({ code })
  }

  const save = useMutation({
    mutationFn: () => call('orders.correct', toInput(order, f)),
    onSuccess: ({ printJobs }) => {
      for (const key of ['orders.get', 'printing.jobs', 'printing.preview']) void qc.invalidateQueries({ queryKey: [key, order.id] })
      void qc.invalidateQueries({ queryKey: ['orders.page'] })
      message.success(t(printJobs.length ? 'ui.order.correctDonePrinted' : 'ui.order.correctDone'))
      onClose()
    },
    onError: (e) => {
      if (form.showServerErrors(e)) focusFirstError(Object.keys(e instanceof ApiError ? e.fields : {}).map(cp))
      else message.error(errorText(e, t))
    }
  })

  const check = (path: string, label: string, on: boolean) => (
    <Checkbox id={fieldId(cp(path))} key={path} checked={on} onChange={(e) => set(path, e.target.checked, true)}>
      {label}
    </Checkbox>
  )

  return (
    <Modal
      open
      width={900}
      title={t('ui.order.correctTitle', { orderNo: order.orderNo })}
      onCancel={onClose}
      data-testid="correct-dialog"
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('ui.common.cancel')}
        </Button>,
        <Button key="save" type="primary" loading={save.isPending} data-testid="correct-save" onClick={() => (Object.keys(form.clientErrors).length ? (form.markSubmitted(), focusFirstError(Object.keys(form.clientErrors).map(cp))) : save.mutate())}>
          {t('ui.order.correctSave')}
        </Button>
      ]}
    >
      <Typography.Paragraph type="secondary">{t('ui.order.correctHint')}</Typography.Paragraph>
      <Form layout="vertical" component="div" className="correct-form">
        <Row gutter={12}>
          <Col span={6}>
            <Field path={cp('customer.name')} label={t('ui.intake.customer.name')} error={error('customer.name')} required>
              <Input {...txt('customer.name')} autoFocus />
            </Field>
          </Col>
          <Col span={6}>
            <Field path={cp('customer.mobile')} label={t('ui.intake.customer.mobile')} error={error('customer.mobile')} required>
              <Input {...txt('customer.mobile')} inputMode="tel" />
            </Field>
          </Col>
          <Col span={4}>
            <Field path={cp('customer.landline')} label={t('ui.intake.customer.landline')} error={error('customer.landline')}>
              <Input {...txt('customer.landline')} />
            </Field>
          </Col>
          <Col span={8}>
            <Field path={cp('customer.address')} label={t('ui.intake.customer.address')} error={error('customer.address')}>
              <Input {...txt('customer.address')} />
            </Field>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={4}>
            <Field path={cp('device.category')} label={t('ui.intake.device.category')} error={error('device.category')} required>
              <Select id={fieldId(cp('device.category'))} value={f.device.category} options={categoryOptions(settings, t)} onChange={(v) => set('device.category', v, true)} />
            </Field>
          </Col>
          <Col span={5}>
            <Field path={cp('device.brand')} label={t('ui.intake.device.brand')} error={error('device.brand')} required>
              <Input {...txt('device.brand')} />
            </Field>
          </Col>
          <Col span={5}>
            <Field path={cp('device.model')} label={t('ui.intake.device.model')} error={error('device.model')} required>
              <Input {...txt('device.model')} />
            </Field>
          </Col>
          <Col span={6}>
            <Field path={cp('device.serial')} label={t('ui.intake.device.imei')} error={error('device.serial')}>
              <Input {...txt('device.serial')} disabled={f.device.imeiUnreadable} />
            </Field>
          </Col>
          <Col span={4}>
            <Field path={cp('device.colour')} label={t('ui.intake.device.colour')} error={error('device.colour')}>
              <Input {...txt('device.colour')} />
            </Field>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={6}>
            <Field path={cp('device.imeiUnreadable')} error={error('device.imeiUnreadable')}>
              {check('device.imeiUnreadable', t('ui.order.imeiUnreadable'), f.device.imeiUnreadable)}
            </Field>
          </Col>
          <Col span={8}>
            {f.device.imeiUnreadable && (
              <Field path={cp('device.imeiUnreadableReason')} label={t('ui.order.imeiUnreadableReason')} error={error('device.imeiUnreadableReason')} required>
                <Input {...txt('device.imeiUnreadableReason')} />
              </Field>
            )}
          </Col>
          <Col span={10}>
            <Field path={cp('device.passcode')} label={t('ui.order.passcodeNew')} error={error('device.passcode')}>
              <PasscodeInput id={fieldId(cp('device.passcode'))} value={f.passcode} disabled={f.erasePasscode} onChange={(e) => set('passcode', e.target.value, false, 'device.passcode')} />
            </Field>
            {order.device.hasPasscode && check('erasePasscode', t('ui.order.passcodeErase'), f.erasePasscode)}
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={8}>
            <Field path={cp('fault.codes')} label={t('ui.intake.fault.codes')} error={error('fault.codes')}>
              <Select id={fieldId(cp('fault.codes'))} mode="multiple" value={f.fault.codes} options={faultOptions(settings, t)} onChange={(v) => set('fault.codes', v, true)} />
            </Field>
          </Col>
          <Col span={16}>
            <Field path={cp('fault.description')} label={t('ui.intake.fault.description')} error={error('fault.description')} required>
              <Input.TextArea {...txt('fault.description')} autoSize={{ minRows: 2, maxRows: 5 }} />
            </Field>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Field path={cp('condition')} label={t('ui.intake.condition.title')} error={error('condition')}>
              <div className="check-wrap">{CHECKS.map((c) => check(`condition.${c}`, t(`condition.${c}`), f.condition[c]))}</div>
            </Field>
            <Field path={cp('condition.other')} error={error('condition.other')}>
              <Input {...txt('condition.other')} placeholder={t('condition.other')} />
            </Field>
          </Col>
          <Col span={12}>
            <Field path={cp('accessories.items')} label={t('ui.intake.accessories.title')} error={error('accessories.items')}>
              <Checkbox.Group
                value={f.accessories.items}
                options={ACCESSORIES.map((a) => ({ value: a, label: t(`accessory.${a}`) }))}
                onChange={(v) => set('accessories.items', v, true)}
              />
            </Field>
            <Field path={cp('accessories.other')} error={error('accessories.other')}>
              <Input {...txt('accessories.other')} placeholder={t('accessory.other')} />
            </Field>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={8}>
            <Field path={cp('promisedDate')} label={t('ui.intake.service.promisedDate')} error={error('promisedDate')} required>
              <DateInput id={fieldId(cp('promisedDate'))} value={f.promisedDate} onChange={(v) => set('promisedDate', v)} onBlur={() => form.touch('promisedDate')} status={error('promisedDate') ? 'error' : undefined} />
            </Field>
          </Col>
        </Row>
        {warnings.length > 0 && (
          <Alert
            type="warning"
            showIcon
            data-testid="correct-warnings"
            title={t('ui.order.warnings')}
            description={warnings.map((w) => (
              <Field key={w.code} path={cp(`warnings.${w.code}`)} label={t(`intake.warning.${w.code}`, { orderNo: w.orderNo ?? '' })} error={error(`warnings.${w.code}`)} required>
                <Input
                  id={fieldId(cp(`warnings.${w.code}`))}
                  placeholder={t('ui.order.warningReason')}
                  value={f.warningReasons[w.code] ?? ''}
                  onChange={(e) => set(`warningReasons.${w.code}`, e.target.value, false, `warnings.${w.code}`)}
                  addonAfter={
                    w.orderId ? (
                      <Button type="link" size="small" onClick={() => onOpenOrder(w.orderId!)}>
                        {t('ui.order.openOther', { orderNo: w.orderNo ?? '' })}
                      </Button>
                    ) : undefined
                  }
                />
              </Field>
            ))}
          />
        )}
      </Form>
    </Modal>
  )
}
