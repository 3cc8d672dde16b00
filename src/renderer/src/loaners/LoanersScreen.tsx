import { useState } from 'react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Alert, App, Button, Card, Checkbox, Form, Input, Modal, Space, Table, Tabs, Tag } from 'antd'
import type { Role } from '@shared/contract'
import type { LoanerView } from '@shared/contract/loaners'
import { localDateTime } from '@shared/domain/dates'
import { formatMoney, formatYuan, parseYuan } from '@shared/domain/money'
import { call } from '../api/client'
import { canCall } from '../app/access'
import { useT } from '../app/i18n'
import { errorText, useSettings, showRefusal } from '../app/session'
import { Field } from '../ui/Field'
import { fieldId } from '../ui/validation'


/** 备用机: the pool with each device's status, the loans out (overdue in red), add/edit for the manager. */
export function LoanersScreen({ role, onOpenOrder }: { role: Role | undefined; onOpenOrder: (orderId: number) => void }): React.JSX.Element {
  const t = useT()
  const tz = useSettings().data?.timeZone ?? 'Asia/Shanghai'
  const canEdit = canCall(role, 'loaners.create')
  const pool = useQuery({ queryKey: ['loaners.list'], queryFn: () => call('loaners.list', {}) })
  const out = useQuery({ queryKey: ['loaners.out'], queryFn: () => call('loaners.out', {}) })
  const [editing, setEditing] = useState<LoanerView | 'new' | null>(null)
  const overdue = out.data?.filter((l) => l.overdue).length ?? 0
  const orderLink = (orderId: number, orderNo: string) => (
    <Button type="link" size="small" onClick={() => onOpenOrder(orderId)} data-testid={`loaner-order-${orderNo}`}>
      {orderNo}
    </Button>
  )
  return (
    <Card
      title={t('loaners.title')}
      data-testid="loaners-screen"
      extra={
        canEdit && (
          <Button type="primary" onClick={() => setEditing('new')} data-testid="loaner-add">
            {t('loaners.add')}
          </Button>
        )
      }
    >
      {(pool.error ?? out.error) && <Alert type="error" showIcon title={errorText(pool.error ?? out.error, t)} style={{ marginBottom: 8 }} />}
      <Tabs
        items={[
          {
            key: 'out',
            label: (
              <span data-testid="loaners-out-tab">
                {t('loaners.outTab')} ({out.data?.length ?? 0}){overdue > 0 && <Tag color="error" style={{ marginLeft: 6 }}>{`${t('loaners.overdue')} ${overdue}`}</Tag>}
              </span>
            ),
            children: (
              <Table
                size="small"
                rowKey="loanId"
                loading={out.isPending}
                dataSource={out.data}
                pagination={{ pageSize: 50, hideOnSinglePage: true }}
                locale={{ emptyText: t('loaners.emptyOut') }}
                data-testid="loaners-out"
                onRow={(l) => ({ style: l.overdue ? { background: '#fff1f0' } : undefined })}
                columns={[
                  { title: t('loaners.col.code'), render: (_, l) => <b>{l.code}</b> },
                  { title: t('loaners.col.device'), dataIndex: 'device' },
                  { title: t('loaners.col.order'), render: (_, l) => orderLink(l.orderId, l.orderNo) },
                  { title: t('loaners.col.customer'), render: (_, l) => `${l.customerName} ${l.customerMobile}` },
                  { title: t('loaners.col.deposit'), align: 'right', render: (_, l) => formatMoney(l.depositFen) },
                  { title: t('loaners.col.lentAt'), render: (_, l) => localDateTime(l.lentAt, tz) },
                  {
                    title: t('loaners.col.due'),
                    render: (_, l) =>
                      l.overdue ? (
                        <Tag color="error" data-testid={`loaner-overdue-${l.code}`}>
                          {l.dueDate} {t('loaners.overdue')}
                        </Tag>
                      ) : (
                        l.dueDate
                      )
                  }
                ]}
              />
            )
          },
          {
            key: 'pool',
            label: <span data-testid="loaners-pool-tab">{`${t('loaners.pool')} (${pool.data?.length ?? 0})`}</span>,
            children: (
              <Table
                size="small"
                rowKey="id"
                loading={pool.isPending}
                dataSource={pool.data}
                pagination={{ pageSize: 50, hideOnSinglePage: true }}
                locale={{ emptyText: t('loaners.emptyPool') }}
                data-testid="loaners-pool"
                columns={[
                  { title: t('loaners.col.code'), render: (_, l) => <b>{l.code}</b> },
                  { title: t('loaners.col.device'), dataIndex: 'device' },
                  { title: t('loaners.col.serial'), dataIndex: 'serial' },
                  { title: t('loaners.col.condition'), dataIndex: 'condition' },
                  { title: t('loaners.col.deposit'), align: 'right', render: (_, l) => formatMoney(l.depositFen) },
                  {
                    title: t('loaners.col.status'),
                    render: (_, l) =>
                      !l.active ? (
                        <Tag>{t('loaners.status.retired')}</Tag>
                      ) : l.loan ? (
                        <Tag color={l.loan.overdue ? 'error' : 'processing'}>{t('loaners.status.out', { orderNo: l.loan.orderNo })}</Tag>
                      ) : (
                        <Tag color="success">{t('loaners.status.available')}</Tag>
                      )
                  },
                  ...(canEdit
                    ? [
                        {
                          title: '',
                          render: (_: unknown, l: LoanerView) => (
                            <Button size="small" onClick={() => setEditing(l)} data-testid={`loaner-edit-${l.code}`}>
                              {t('loaners.edit')}
                            </Button>
                          )
                        }
                      ]
                    : [])
                ]}
              />
            )
          }
        ]}
      />
      {editing && <LoanerDialog loaner={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Card>
  )
}

function LoanerDialog({ loaner, onClose }: { loaner: LoanerView | null; onClose: () => void }): React.JSX.Element {
  const t = useT()
  const qc = useQueryClient()
  const { message } = App.useApp()
  const [f, setF] = useState({
    code: loaner?.code ?? '',
    device: loaner?.device ?? '',
    serial: loaner?.serial ?? '',
    condition: loaner?.condition ?? '',
    deposit: loaner ? formatYuan(loaner.depositFen) : '',
    active: loaner?.active ?? true
  })
  const [errors, setErrors] = useState<Record<string, string>>({})
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value })
  const save = useMutation({
    mutationFn: () => {
      const fields = { code: f.code, device: f.device, serial: f.serial, condition: f.condition, depositFen: parseYuan(f.deposit || '0') ?? Number.NaN }
      return loaner ? call('loaners.update', { ...fields, loanerId: loaner.id, active: f.active }) : call('loaners.create', fields)
    },
    onSuccess: () => {
      message.success(t('loaners.saved'))
      void qc.invalidateQueries({ queryKey: ['loaners.list'] })
      void qc.invalidateQueries({ queryKey: ['loaners.out'] })
      onClose()
    },
    onError: (e) => showRefusal(e, setErrors, message, t)
  })
  return (
    <Modal
      open
      title={loaner ? `${t('loaners.edit')} ${loaner.code}` : t('loaners.add')}
      onCancel={onClose}
      onOk={() => save.mutate()}
      okText={t('loaners.save')}
      okButtonProps={{ loading: save.isPending, 'data-testid': 'loaner-save' } as never}
      cancelText={t('ui.common.cancel')}
    >
      <Form layout="vertical" component="div" data-testid="loaner-dialog">
        <Space align="start" wrap>
          <Field path="code" label={t('loaners.col.code')} error={errors.code} required>
            <Input id={fieldId('code')} value={f.code} onChange={set('code')} data-testid="loaner-code" style={{ width: 120 }} />
          </Field>
          <Field path="device" label={t('loaners.col.device')} error={errors.device} required>
            <Input id={fieldId('device')} value={f.device} onChange={set('device')} data-testid="loaner-device" style={{ width: 260 }} />
          </Field>
        </Space>
        <Field path="serial" label={t('loaners.col.serial')} error={errors.serial}>
          <Input id={fieldId('serial')} value={f.serial} onChange={set('serial')} data-testid="loaner-serial" />
        </Field>
        <Field path="condition" label={t('loaners.col.condition')} error={errors.condition}>
          <Input id={fieldId('condition')} value={f.condition} onChange={set('condition')} data-testid="loaner-condition" />
        </Field>
        <Field path="depositFen" label={`${t('loaners.col.deposit')} (¥)`} error={errors.depositFen} required>
          <Input id={fieldId('depositFen')} inputMode="decimal" value={f.deposit} onChange={set('deposit')} data-testid="loaner-deposit" style={{ width: 160 }} />
        </Field>
        {loaner && (
          <Checkbox checked={f.active} onChange={(e) => setF({ ...f, active: e.target.checked })} data-testid="loaner-active">
            {t('loaners.active')}
          </Checkbox>
        )}
      </Form>
    </Modal>
  )
}
