import { useState } from 'react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Alert, App, Button, Card, Form, Input, Modal, Segmented, Select, Space, Table, Tag } from 'antd'
import { PlusOutlined } from '@ant-design/icons'
import { COMPLAINT_CATEGORIES, COMPLAINT_STATUSES, type ComplaintCategory, type ComplaintStatus } from '@shared/contract/complaints'
import { localDateTime } from '@shared/domain/dates'
import { call } from '../api/client'
import { useT } from '../app/i18n'
import { errorText, useSettings, showRefusal } from '../app/session'
import { Field } from '../ui/Field'
import { fieldId } from '../ui/validation'
import { ComplaintDetail } from './ComplaintDetail'

type Filter = 'all' | 'overdue' | ComplaintStatus
export const STATUS_COLOR: Record<ComplaintStatus, string> = { open: 'volcano', responded: 'gold', resolved: 'blue', confirmed: 'green' }

/** 投诉: the list (by status, overdue in red), a new complaint, and one complaint's detail with its steps. */
export function ComplaintsScreen({
  complaintId,
  onOpenComplaint,
  onOpenOrder
}: {
  complaintId?: number
  onOpenComplaint: (id: number | undefined) => void
  onOpenOrder: (orderId: number) => void
}): React.JSX.Element {
  const t = useT()
  const tz = useSettings().data?.timeZone ?? 'Asia/Shanghai'
  const [filter, setFilter] = useState<Filter>('all')
  const [creating, setCreating] = useState(false)
  const input = filter === 'all' ? {} : filter === 'overdue' ? { overdue: true } : { status: filter }
  const list = useQuery({ queryKey: ['complaints.list', filter], queryFn: () => call('complaints.list', input) })
  return (
    <Card
      title={t('complaints.title')}
      data-testid="complaints-screen"
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="complaint-new">
          {t('complaints.new')}
        </Button>
      }
    >
      {list.error && <Alert type="error" showIcon title={errorText(list.error, t)} style={{ marginBottom: 8 }} />}
      <Segmented
        value={filter}
        onChange={(v) => setFilter(v as Filter)}
        style={{ marginBottom: 12 }}
        data-testid="complaints-filter"
        options={[
          { value: 'all', label: <span data-testid="complaints-filter-all">{t('complaints.filter.all')}</span> },
          ...COMPLAINT_STATUSES.map((s) => ({ value: s, label: <span data-testid={`complaints-filter-${s}`}>{t(`complaints.status.${s}`)}</span> })),
          { value: 'overdue', label: <span data-testid="complaints-filter-overdue">{t('complaints.filter.overdue')}</span> }
        ]}
      />
      <Table
        size="small"
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: t('complaints.empty') }}
        rowClassName={(c) => (c.overdue ? 'row-overdue' : '')}
        onRow={(c) => ({ onClick: () => onOpenComplaint(c.id), style: { cursor: 'pointer', ...(c.overdue ? { background: '#fff1f0' } : {}) } })}
        data-testid="complaints-list"
        columns={[
          {
            title: t('complaints.col.no'),
            render: (_, c) => (
              <Button type="link" size="small" data-testid={`complaint-open-${c.complaintNo}`} danger={c.overdue}>
                {c.complaintNo}
              </Button>
            )
          },
          { title: t('complaints.col.status'), render: (_, c) => <Tag color={STATUS_COLOR[c.status]} data-testid={`complaint-status-${c.complaintNo}`}>{t(`complaints.status.${c.status}`)}</Tag> },
          { title: t('complaints.source'), render: (_, c) => t(`complaints.source.${c.source}`) },
          { title: t('complaints.category'), render: (_, c) => t(`complaints.category.${c.category}`) },
          {
            title: t('complaints.order'),
            render: (_, c) =>
              c.orderId ? (
                <Button
                  type="link"
                  size="small"
                  onClick={(e) => {
                    e.stopPropagation()
                    onOpenOrder(c.orderId!)
                  }}
                >
                  {c.orderNo}
                </Button>
              ) : (
                '—'
              )
          },
          { title: t('complaints.customer'), render: (_, c) => `${c.customerName} ${c.mobile}`.trim() || '—' },
          { title: t('complaints.description'), dataIndex: 'description', ellipsis: true },
          { title: t('complaints.owner'), dataIndex: 'ownerName' },
          { title: t('complaints.col.created'), render: (_, c) => localDateTime(c.createdAt, tz) },
          {
            title: t('complaints.col.due'),
            render: (_, c) =>
              c.dueDate ? (
                c.overdue ? (
                  <Tag color="error" data-testid={`complaint-overdue-${c.complaintNo}`}>
                    {c.dueDate} {t('complaints.overdue')}
                  </Tag>
                ) : (
                  c.dueDate
                )
              ) : (
                '—'
              )
          }
        ]}
      />
      {creating && <CreateDialog onClose={() => setCreating(false)} onCreated={(id) => onOpenComplaint(id)} />}
      {complaintId && <ComplaintDetail complaintId={complaintId} onClose={() => onOpenComplaint(undefined)} onOpenOrder={onOpenOrder} />}
    </Card>
  )
}

function CreateDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (id: number) => void }): React.JSX.Element {
  const t = useT()
  const qc = useQueryClient()
  const { message } = App.useApp()
  const [source, setSource] = useState<'phone' | 'walkIn' | 'letter'>('phone')
  const [category, setCategory] = useState<ComplaintCategory>('counter')
  const [orderNo, setOrderNo] = useState('')
  const [customerName, setCustomerName] = useState('')
  const [mobile, setMobile] = useState('')
  const [description, setDescription] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const create = useMutation({
    mutationFn: () => call('complaints.create', { source, category, orderNo, customerName, mobile, description }),
    onSuccess: (c) => {
      message.success(t('complaints.created', { complaintNo: c.complaintNo }))
      void qc.invalidateQueries({ queryKey: ['complaints.list'] })
      onClose()
      onCreated(c.id)
    },
    onError: (e) => showRefusal(e, setErrors, message, t)
  })
  return (
    <Modal
      open
      width={600}
      title={t('complaints.new')}
      onCancel={onClose}
      onOk={() => create.mutate()}
      okText={t('complaints.new')}
      okButtonProps={{ loading: create.isPending, 'data-testid': 'complaint-create' } as never}
      cancelText={t('ui.common.cancel')}
    >
      <Form layout="vertical" component="div" data-testid="complaint-create-dialog">
        <Space size="large" wrap>
          <Field path="source" label={t('complaints.source')}>
            <Select
              id={fieldId('source')}
              value={source}
              onChange={setSource}
              style={{ width: 160 }}
              data-testid="complaint-source"
              options={(['phone', 'walkIn', 'letter'] as const).map((s) => ({ value: s, label: t(`complaints.source.${s}`) }))}
            />
          </Field>
          <Field path="category" label={t('complaints.category')}>
            <Select
              id={fieldId('category')}
              value={category}
              onChange={setCategory}
              style={{ width: 160 }}
              data-testid="complaint-category"
              options={COMPLAINT_CATEGORIES.map((c) => ({ value: c, label: t(`complaints.category.${c}`) }))}
            />
          </Field>
          <Field path="orderNo" label={t('complaints.order')} error={errors.orderNo} extra={t('complaints.orderHelp')}>
            <Input id={fieldId('orderNo')} value={orderNo} onChange={(e) => {
              setOrderNo(e.target.value)
              setErrors({ ...errors, orderNo: '' })
            }} style={{ width: 160 }} data-testid="complaint-orderNo" />
          </Field>
        </Space>
        <Space size="large" wrap>
          <Field path="customerName" label={t('complaints.customer')} error={errors.customerName}>
            <Input id={fieldId('customerName')} value={customerName} onChange={(e) => {
              setCustomerName(e.target.value)
              setErrors({ ...errors, customerName: '' })
            }} data-testid="complaint-customerName" />
          </Field>
          <Field path="mobile" label={t('complaints.mobile')} error={errors.mobile}>
            <Input id={fieldId('mobile')} value={mobile} onChange={(e) => {
              setMobile(e.target.value)
              setErrors({ ...errors, mobile: '' })
            }} data-testid="complaint-mobile" />
          </Field>
        </Space>
        <Field path="description" label={t('complaints.description')} error={errors.description} required>
          <Input.TextArea id={fieldId('description')} rows={4} value={description} onChange={(e) => {
              setDescription(e.target.value)
              setErrors({ ...errors, description: '' })
            }} data-testid="complaint-description" />
        </Field>
      </Form>
    </Modal>
  )
}
