import { canTransition } from '@shared/domain/order-status'
import { useState } from 'react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { App, Button, Form, Input, Modal, Space, Typography } from 'antd'
import { EditOutlined, EyeOutlined, StopOutlined } from '@ant-design/icons'
import type { Role } from '@shared/contract'
import type { OrderView } from '@shared/contract/intake'
import type { StoreSettings } from '@shared/contract/settings'
import { formatMoney } from '@shared/domain/money'
import { ApiError, call } from '../api/client'
import { useT } from '../app/i18n'
import { errorText } from '../app/session'
import { Field } from '../ui/Field'
import { fieldId } from '../ui/validation'
import { CorrectDialog } from './CorrectDialog'

interface Props {
  order: OrderView
  role: Role | undefined
  settings: StoreSettings
  onOpenOrder: (orderId: number) => void
}

/** A one-field dialog (void reason, late IMEI): main's field message shows under the field. */
function AskDialog(props: {
  title: string
  label: string
  hint?: string
  okText: string
  danger?: boolean
  testId: string
  send: (value: string) => Promise<unknown>
  onClose: () => void
}): React.JSX.Element {
  const t = useT()
  const { message } = App.useApp()
  const [value, setValue] = useState('')
  const [fieldError, setFieldError] = useState<string>()
  const send = useMutation({
    mutationFn: () => props.send(value),
    onSuccess: () => props.onClose(),
    onError: (e) => {
      const field = e instanceof ApiError ? Object.values(e.fields)[0] : undefined
      if (field) setFieldError(field)
      else message.error(errorText(e, t))
    }
  })
  return (
    <Modal
      open
      title={props.title}
      onCancel={props.onClose}
      okText={props.okText}
      okButtonProps={{ danger: props.danger, loading: send.isPending, id: `${props.testId}-ok` }}
      onOk={() => send.mutate()}
      data-testid={props.testId}
    >
      {props.hint && <Typography.Paragraph>{props.hint}</Typography.Paragraph>}
      <Form layout="vertical" component="div">
        <Field path={props.testId} label={props.label} error={fieldError} required>
          <Input
            id={fieldId(props.testId)}
            autoFocus
            value={value}
            status={fieldError ? 'error' : undefined}
            onChange={(e) => {
              setValue(e.target.value)
              setFieldError(undefined)
            }}
            onPressEnter={() => send.mutate()}
          />
        </Field>
      </Form>
    </Modal>
  )
}

/** Correct (before work starts), void (manager), fill in a pending IMEI, read the passcode (audited). */
export function OrderActions({ order, role, settings, onOpenOrder }: Props): React.JSX.Element | null {
  const t = useT()
  const qc = useQueryClient()
  const { message, modal } = App.useApp()
  const [open, setOpen] = useState<'correct' | 'void' | 'imei' | null>(null)
  const refresh = () => {
    for (const key of ['orders.get', 'printing.jobs', 'printing.preview']) void qc.invalidateQueries({ queryKey: [key, order.id] })
    void qc.invalidateQueries({ queryKey: ['orders.page'] })
  }
  const reveal = useMutation({
    mutationFn: () => call('orders.revealPasscode', { orderId: order.id }),
    onSuccess: ({ passcode }) =>
      modal.info({
        title: t('ui.order.passcode'),
        content: (
          <Typography.Text code copyable data-testid="order-passcode">
            {passcode}
          </Typography.Text>
        )
      }),
    onError: (e) => message.error(errorText(e, t))
  })

  if (order.status === 'void') return null
  const canCorrect = (role === 'counter' || role === 'manager') && order.status === 'received'
  const canSupplyImei = order.device.imeiPending && (role === 'counter' || role === 'technician' || role === 'manager')
  const canReveal = order.device.hasPasscode && (role === 'technician' || role === 'manager')

  return (
    <Space wrap>
      {canCorrect && (
        <Button icon={<EditOutlined />} onClick={() => setOpen('correct')} data-testid="order-correct">
          {t('ui.order.correct')}
        </Button>
      )}
      {canSupplyImei && (
        <Button onClick={() => setOpen('imei')} data-testid="order-supply-imei">
          {t('ui.order.supplyImei')}
        </Button>
      )}
      {canReveal && (
        <Button icon={<EyeOutlined />} loading={reveal.isPending} onClick={() => reveal.mutate()} title={t('ui.order.passcodeHint')} data-testid="order-reveal-passcode">
          {t('ui.order.revealPasscode')}
        </Button>
      )}
      {role === 'manager' && canTransition(order.status, 'void') && (
        <Button danger icon={<StopOutlined />} onClick={() => setOpen('void')} data-testid="order-void">
          {t('ui.order.void')}
        </Button>
      )}
      {open === 'correct' && <CorrectDialog order={order} settings={settings} onClose={() => setOpen(null)} onOpenOrder={onOpenOrder} />}
      {open === 'void' && (
        <AskDialog
          testId="void-reason"
          title={t('ui.order.voidTitle', { orderNo: order.orderNo })}
          hint={order.service.depositFen > 0 ? t('ui.order.voidHint', { amount: formatMoney(order.service.depositFen) }) : t('ui.order.voidHintNoDeposit')}
          label={t('ui.order.voidReason')}
          okText={t('ui.order.voidConfirm')}
          danger
          send={async (reason) => {
            const { refund } = await call('orders.void', { orderId: order.id, reason })
            if (refund) message.success(t('ui.order.voidDone', { amount: formatMoney(refund.amountFen), method: t(`payment.${refund.method}`) }))
            refresh()
          }}
          onClose={() => setOpen(null)}
        />
      )}
      {open === 'imei' && (
        <AskDialog
          testId="serial"
          title={t('ui.order.supplyImei')}
          label={t('ui.intake.device.imei')}
          okText={t('ui.order.supplyImei')}
          send={async (serial) => {
            await call('orders.supplyImei', { orderId: order.id, serial })
            refresh()
          }}
          onClose={() => setOpen(null)}
        />
      )}
    </Space>
  )
}
