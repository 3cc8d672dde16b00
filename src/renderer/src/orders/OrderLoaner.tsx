import { useState } from 'react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Alert, App, Button, Card, Form, Input, Modal, Radio, Select, Space, Tag, Typography } from 'antd'
import type { OrderStatus } from '@shared/domain/order-status'
import { PAYMENT_METHODS, type PaymentMethod } from '@shared/domain/payments'
import type { LoanView } from '@shared/contract/loaners'
import { localDateTime } from '@shared/domain/dates'
import { formatMoney } from '@shared/domain/money'
import { call } from '../api/client'
import { useT } from '../app/i18n'
import { useSettings, showRefusal } from '../app/session'
import { DateInput } from '../ui/DateInput'
import { Field } from '../ui/Field'
import { fieldId } from '../ui/validation'
import { ApprovalFields, NO_APPROVAL, useCan, type ApprovalValue } from '../warehouse/MovesCommon'


/** After a loan or a return: the section, the order (its ticket shows the loaner), its print jobs. */
function useRefresh(orderId: number): () => void {
  const qc = useQueryClient()
  return () => {
    for (const key of [['loaners.forOrder', orderId], ['orders.get', orderId], ['printing.jobs', orderId], ['printing.preview', orderId], ['loaners.list'], ['loaners.out']]) {
      void qc.invalidateQueries({ queryKey: key })
    }
  }
}

/**
 * The order page's care section: the comeback (返修) link to the earlier order with its un-flag,
 * and the loaner (备用机) lent on this order, with lend and return.
 */
export function OrderLoaner({ orderId, status, onOpenOrder }: { orderId: number; status: OrderStatus; onOpenOrder?: (orderId: number) => void }): React.JSX.Element | null {
  const t = useT()
  const tz = useSettings().data?.timeZone ?? 'Asia/Shanghai'
  const canLend = useCan('loaners.lend')
  const canUnflag = useCan('comebacks.unflag')
  const [lending, setLending] = useState(false)
  const [returning, setReturning] = useState<LoanView | null>(null)
  const [unflagging, setUnflagging] = useState(false)
  const loans = useQuery({ queryKey: ['loaners.forOrder', orderId], queryFn: () => call('loaners.forOrder', { orderId }) })
  const comeback = useQuery({ queryKey: ['comebacks.forOrder', orderId], queryFn: () => call('comebacks.forOrder', { orderId }) })
  if (!loans.data) return null
  const inShop = status !== 'pickedUp' && status !== 'void'
  const open = loans.data.open
  const cb = comeback.data
  return (
    <Card
      size="small"
      title={cb ? `${t('loaners.section')} · ${t('comebacks.title')}` : t('loaners.section')}
      style={{ marginTop: 12 }}
      data-testid="order-loaner"
      extra={
        canLend &&
        inShop &&
        !open && (
          <Button size="small" type="primary" onClick={() => setLending(true)} data-testid="order-loaner-lend">
            {t('loaners.lend')}
          </Button>
        )
      }
    >
      {cb && (
        <Alert
          type={cb.flagged ? 'warning' : 'info'}
          showIcon
          style={{ marginBottom: 8 }}
          data-testid="order-comeback"
          title={
            cb.flagged
              ? t('comebacks.flagged', { date: cb.earlierReturnedAt ? localDateTime(cb.earlierReturnedAt, tz).slice(0, 10) : '', orderNo: cb.earlierOrderNo })
              : t('comebacks.unflagged', { reason: cb.unflagReason })
          }
          action={
            <Space direction="vertical">
              {onOpenOrder && (
                <Button size="small" onClick={() => onOpenOrder(cb.earlierOrderId)} data-testid="order-comeback-open">
                  {t('comebacks.openEarlier', { orderNo: cb.earlierOrderNo })}
                </Button>
              )}
              {cb.flagged && canUnflag && inShop && (
                <Button size="small" danger onClick={() => setUnflagging(true)} data-testid="order-comeback-unflag">
                  {t('comebacks.unflag')}
                </Button>
              )}
            </Space>
          }
        />
      )}
      {open ? (
        <Space wrap data-testid="order-loaner-open">
          <Typography.Text strong>
            {t('loaners.onOrder', { code: open.code, device: open.device, deposit: formatMoney(open.depositFen), due: open.dueDate })}
          </Typography.Text>
          {open.overdue && <Tag color="error">{t('loaners.overdue')}</Tag>}
          {canLend && (
            <Button size="small" onClick={() => setReturning(open)} data-testid="order-loaner-return">
              {t('loaners.return')}
            </Button>
          )}
        </Space>
      ) : (
        <Typography.Text type="secondary" data-testid="order-loaner-none">
          {t('loaners.none')}
        </Typography.Text>
      )}
      {loans.data.past.map((l) => (
        <div key={l.loanId}>
          <Typography.Text type="secondary">
            {t('loaners.past', { code: l.code, date: l.returnedAt ? localDateTime(l.returnedAt, tz).slice(0, 10) : '', outcome: t(`loaners.outcome.${l.outcome ?? 'none'}`) })}
            {l.keptReason ? ` · ${l.keptReason}` : ''}
          </Typography.Text>
        </div>
      ))}
      {lending && <LendDialog orderId={orderId} onClose={() => setLending(false)} />}
      {returning && <ReturnDialog loan={returning} onClose={() => setReturning(null)} />}
      {unflagging && <UnflagDialog orderId={orderId} onClose={() => setUnflagging(false)} />}
    </Card>
  )
}

function LendDialog({ orderId, onClose }: { orderId: number; onClose: () => void }): React.JSX.Element {
  const t = useT()
  const { message } = App.useApp()
  const refresh = useRefresh(orderId)
  const pool = useQuery({ queryKey: ['loaners.list'], queryFn: () => call('loaners.list', {}) })
  const available = (pool.data ?? []).filter((l) => l.active && !l.loan)
  const [loanerId, setLoanerId] = useState<number | null>(null)
  const [depositMethod, setDepositMethod] = useState<PaymentMethod>('cash')
  const [dueDate, setDueDate] = useState('')
  const [conditionOut, setConditionOut] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const chosen = available.find((l) => l.id === loanerId)
  const lend = useMutation({
    mutationFn: () => call('loaners.lend', { orderId, loanerId: loanerId ?? 0, depositMethod, dueDate: dueDate.trim() || null, conditionOut }),
    onSuccess: (r) => {
      message.success(t('loaners.lent', { code: r.loan.code }))
      if (r.printJobs.some((j) => j.kind === 'claimTicket')) message.info(t('loaners.reprinted'))
      refresh()
      onClose()
    },
    onError: (e) => showRefusal(e, setErrors, message, t)
  })
  return (
    <Modal
      open
      title={t('loaners.lendTitle')}
      onCancel={onClose}
      onOk={() => lend.mutate()}
      okText={t('loaners.lend')}
      okButtonProps={{ disabled: !loanerId, loading: lend.isPending, 'data-testid': 'lend-submit' } as never}
      cancelText={t('ui.common.cancel')}
    >
      <Form layout="vertical" component="div" data-testid="lend-dialog">
        <Field path="loanerId" label={t('loaners.loaner')} error={errors.loanerId} required>
          {available.length === 0 && pool.data ? (
            <Typography.Text type="secondary">{t('loaners.noneAvailable')}</Typography.Text>
          ) : (
            <Select
              id={fieldId('loanerId')}
              value={loanerId ?? undefined}
              onChange={(v: number) => {
                setLoanerId(v)
                setConditionOut(available.find((l) => l.id === v)?.condition ?? '')
              }}
              options={available.map((l) => ({ value: l.id, label: `${l.code} · ${l.device} · ${formatMoney(l.depositFen)}` }))}
              data-testid="lend-loaner"
            />
          )}
        </Field>
        {chosen && chosen.depositFen > 0 && (
          <Field path="depositMethod" label={`${t('loaners.depositMethod')} (${formatMoney(chosen.depositFen)})`} error={errors.depositMethod}>
            <Radio.Group id={fieldId('depositMethod')} value={depositMethod} onChange={(e) => setDepositMethod(e.target.value)} data-testid="lend-method">
              {PAYMENT_METHODS.map((m) => (
                <Radio key={m} value={m}>
                  {t(`payment.${m}`)}
                </Radio>
              ))}
            </Radio.Group>
          </Field>
        )}
        <Field path="dueDate" label={t('loaners.col.due')} error={errors.dueDate}>
          <DateInput id={fieldId('dueDate')} value={dueDate} onChange={setDueDate} />
        </Field>
        <Field path="conditionOut" label={t('loaners.conditionOut')} error={errors.conditionOut}>
          <Input id={fieldId('conditionOut')} value={conditionOut} onChange={(e) => setConditionOut(e.target.value)} />
        </Field>
      </Form>
    </Modal>
  )
}

function ReturnDialog({ loan, onClose }: { loan: LoanView; onClose: () => void }): React.JSX.Element {
  const t = useT()
  const { message } = App.useApp()
  const refresh = useRefresh(loan.orderId)
  const [conditionIn, setConditionIn] = useState('')
  const [outcome, setOutcome] = useState<'refunded' | 'kept'>('refunded')
  const [reason, setReason] = useState('')
  const [approval, setApproval] = useState<ApprovalValue>(NO_APPROVAL)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const ret = useMutation({
    mutationFn: () => call('loaners.return', { loanId: loan.loanId, conditionIn, outcome, reason, ...(outcome === 'kept' ? { approval } : {}) }),
    onSuccess: () => {
      message.success(t('loaners.returned'))
      refresh()
      onClose()
    },
    onError: (e) => showRefusal(e, setErrors, message, t)
  })
  return (
    <Modal
      open
      title={t('loaners.returnTitle', { code: loan.code })}
      onCancel={onClose}
      onOk={() => ret.mutate()}
      okText={t('loaners.return')}
      okButtonProps={{ loading: ret.isPending, 'data-testid': 'return-submit' } as never}
      cancelText={t('ui.common.cancel')}
    >
      <Form layout="vertical" component="div" data-testid="return-dialog">
        <Field path="conditionIn" label={t('loaners.conditionIn')} error={errors.conditionIn}>
          <Input id={fieldId('conditionIn')} value={conditionIn} onChange={(e) => setConditionIn(e.target.value)} data-testid="return-condition" />
        </Field>
        {loan.depositFen > 0 && (
          <Field path="outcome" label={`${t('loaners.outcome')} ${formatMoney(loan.depositFen)}`} error={errors.outcome}>
            <Radio.Group id={fieldId('outcome')} value={outcome} onChange={(e) => setOutcome(e.target.value)} data-testid="return-outcome">
              <Radio value="refunded">{t('loaners.outcome.refunded')}</Radio>
              <Radio value="kept">{t('loaners.outcome.kept')}</Radio>
            </Radio.Group>
          </Field>
        )}
        {outcome === 'kept' && (
          <>
            <Field path="reason" label={t('loaners.keptReason')} error={errors.reason} required>
              <Input id={fieldId('reason')} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="return-reason" />
            </Field>
            <ApprovalFields value={approval} onChange={setApproval} errors={errors} />
          </>
        )}
      </Form>
    </Modal>
  )
}

function UnflagDialog({ orderId, onClose }: { orderId: number; onClose: () => void }): React.JSX.Element {
  const t = useT()
  const { message } = App.useApp()
  const qc = useQueryClient()
  const [reason, setReason] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const save = useMutation({
    mutationFn: () => call('comebacks.unflag', { orderId, reason }),
    onSuccess: () => {
      message.success(t('comebacks.unflagDone'))
      void qc.invalidateQueries({ queryKey: ['comebacks.forOrder', orderId] })
      onClose()
    },
    onError: (e) => showRefusal(e, setErrors, message, t)
  })
  return (
    <Modal
      open
      title={t('comebacks.unflag')}
      onCancel={onClose}
      onOk={() => save.mutate()}
      okText={t('comebacks.unflag')}
      okButtonProps={{ loading: save.isPending, 'data-testid': 'unflag-submit' } as never}
      cancelText={t('ui.common.cancel')}
    >
      <Form layout="vertical" component="div">
        <Field path="reason" label={t('comebacks.reason')} error={errors.reason} required>
          <Input id={fieldId('reason')} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="unflag-reason" />
        </Field>
      </Form>
    </Modal>
  )
}
