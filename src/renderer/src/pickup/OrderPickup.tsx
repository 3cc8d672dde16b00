import { useState } from 'react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { App, Button, Card, Descriptions, Form, Input, Select, Space, Typography } from 'antd'
import { FilePdfOutlined, PrinterOutlined } from '@ant-design/icons'
import { PAYMENT_METHODS, type PaymentMethod } from '@shared/domain/payments'
import { formatMoney, parseYuan } from '@shared/domain/money'
import { localDateTime } from '@shared/domain/dates'
import { ApiError, call } from '../api/client'
import { useT } from '../app/i18n'
import { errorText, useSettings } from '../app/session'
import { Field } from '../ui/Field'
import { fieldId } from '../ui/validation'
import { downloadFile } from '../ui/download'

/** On a collected order's page: the hand-back (who, when, how paid), the receipt, and a manager-approved refund. */
export function OrderPickup({ orderId }: { orderId: number }): React.JSX.Element | null {
  const t = useT()
  const qc = useQueryClient()
  const { message } = App.useApp()
  const tz = useSettings().data?.timeZone ?? 'Asia/Shanghai'
  const quote = useQuery({ queryKey: ['pickup.quote', orderId], queryFn: () => call('pickup.quote', { orderId }) })
  const [refund, setRefund] = useState({ amount: '', method: 'cash' as PaymentMethod, reason: '', username: '', pin: '' })
  const [fields, setFields] = useState<Record<string, string>>({})
  const pdf = useMutation({ mutationFn: () => call('pickup.receiptPdf', { orderId }), onSuccess: downloadFile, onError: (e) => message.error(errorText(e, t)) })
  const reprint = useMutation({
    mutationFn: () => call('pickup.reprint', { orderId }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['printing.jobs', orderId] }),
    onError: (e) => message.error(errorText(e, t))
  })
  const doRefund = useMutation({
    mutationFn: () =>
      call('pickup.refund', {
        orderId,
        amountFen: parseYuan(refund.amount) ?? Number.NaN,
        method: refund.method,
        reason: refund.reason,
        approval: { username: refund.username, pin: refund.pin }
      }),
    onSuccess: () => {
      setFields({})
      setRefund({ ...refund, amount: '', reason: '', pin: '' })
      void qc.invalidateQueries({ queryKey: ['pickup.quote', orderId] })
      void qc.invalidateQueries({ queryKey: ['printing.jobs', orderId] })
    },
    onError: (e) => (e instanceof ApiError && Object.keys(e.fields).length ? setFields(e.fields) : message.error(errorText(e, t)))
  })
  const p = quote.data?.pickup
  if (!p) return null
  return (
    <Card size="small" title={t('pickup.receipt.title')} style={{ marginTop: 12 }} data-testid="order-pickup">
      <Descriptions size="small" column={2}>
        <Descriptions.Item label={t('pickup.receipt.pickedUpAt')}>{localDateTime(p.at, tz)}</Descriptions.Item>
        <Descriptions.Item label={t('pickup.receipt.clerk')}>{p.by.displayName}</Descriptions.Item>
        <Descriptions.Item label={t('pickup.ui.proof')}>
          {t(`pickup.proof.${p.proofKind}`)}
          {p.proofKind === 'lost' ? ` · ${p.collectorName} · ${p.approvedBy?.displayName ?? ''}` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('pickup.receipt.due')}>{formatMoney(p.dueFen)}</Descriptions.Item>
        <Descriptions.Item label={t('pickup.ui.netPaid')}>
          <span data-testid="order-pickup-net">{formatMoney(p.netPaidFen)}</span>
        </Descriptions.Item>
        {p.warrantyUntil && <Descriptions.Item label="">{t('pickup.ui.warrantyUntil', { until: p.warrantyUntil })}</Descriptions.Item>}
      </Descriptions>
      <Space style={{ marginBottom: 8 }}>
        <Button size="small" icon={<FilePdfOutlined />} onClick={() => pdf.mutate()} loading={pdf.isPending} data-testid="order-pickup-pdf">
          {t('pickup.ui.pdf')}
        </Button>
        <Button size="small" icon={<PrinterOutlined />} onClick={() => reprint.mutate()} loading={reprint.isPending} data-testid="order-pickup-reprint">
          {t('pickup.ui.reprint')}
        </Button>
      </Space>
      {p.netPaidFen > 0 && (
        <Form layout="vertical" size="small" data-testid="order-pickup-refund">
          <Typography.Text strong>{t('pickup.ui.refund')}</Typography.Text>
          <Space align="start" wrap>
            <Field path="amountFen" label={t('pickup.ui.amount')} error={fields.amountFen}>
              <Input id={fieldId('amountFen')} prefix="¥" style={{ width: 110 }} value={refund.amount} onChange={(e) => setRefund({ ...refund, amount: e.target.value })} data-testid="refund-amount" />
            </Field>
            <Field path="method" label={t('pickup.ui.method')}>
              <Select style={{ width: 100 }} value={refund.method} onChange={(m) => setRefund({ ...refund, method: m })} options={PAYMENT_METHODS.map((m) => ({ value: m, label: t(`payment.${m}`) }))} data-testid="refund-method" />
            </Field>
            <Field path="reason" label={t('pickup.ui.refundReason')} error={fields.reason}>
              <Input id={fieldId('reason')} value={refund.reason} onChange={(e) => setRefund({ ...refund, reason: e.target.value })} data-testid="refund-reason" />
            </Field>
            <Field path="approval.username" label={t('pickup.ui.managerUser')} error={fields['approval.username']}>
              <Input id={fieldId('approval.username')} style={{ width: 110 }} value={refund.username} onChange={(e) => setRefund({ ...refund, username: e.target.value })} data-testid="refund-manager-user" autoComplete="off" />
            </Field>
            <Field path="approval.pin" label={t('pickup.ui.managerPin')} error={fields['approval.pin']}>
              <Input.Password id={fieldId('approval.pin')} style={{ width: 110 }} value={refund.pin} onChange={(e) => setRefund({ ...refund, pin: e.target.value })} data-testid="refund-manager-pin" autoComplete="off" />
            </Field>
          </Space>
          <Button danger onClick={() => doRefund.mutate()} loading={doRefund.isPending} data-testid="refund-submit">
            {t('pickup.ui.refundDo')}
          </Button>
        </Form>
      )}
    </Card>
  )
}
