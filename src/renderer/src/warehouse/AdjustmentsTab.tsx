import { useState } from 'react'
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query'
import { App, Button, Card, Col, Form, Input, InputNumber, Modal, Radio, Row, Segmented, Space, Table, Tag } from 'antd'
import { MOVES_PAGE, type AdjustmentStatus, type AdjustmentView } from '@shared/contract/warehouse/moves'
import type { PartDetail } from '@shared/contract/warehouse/catalogue'
import type { StockLocation } from '@shared/contract/warehouse/common'
import { localDateTime } from '@shared/domain/dates'
import { call } from '../api/client'
import { useT } from '../app/i18n'
import { useSettings, showRefusal } from '../app/session'
import { Field } from '../ui/Field'
import { fieldId } from '../ui/validation'
import { ApprovalFields, LocationTag, NO_APPROVAL, PartPicker, type ApprovalValue } from './MovesCommon'

const STATUS_COLOR = { pending: 'gold', approved: 'green', rejected: 'default' } as const

function PickedPart({ part, onPick, testId }: { part: PartDetail | null; onPick: (d: PartDetail) => void; testId: string }): React.JSX.Element {
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <PartPicker testId={testId} onPick={onPick} id={fieldId('partId')} />
      {part && (
        <span data-testid={`${testId}-picked`}>
          <b>{part.part.sku}</b> {part.part.name} · <LocationTag location="main" /> {part.balances.main} · <LocationTag location="quarantine" /> {part.balances.quarantine}
        </span>
      )}
    </Space>
  )
}

/** 库存调整: transfers main <-> quarantine, adjustment requests, and the manager's approvals. */
export function AdjustmentsTab(): React.JSX.Element {
  return (
    <Row gutter={16}>
      <Col xs={24} xl={10}>
        <Space direction="vertical" style={{ width: '100%' }}>
          <TransferForm />
          <AdjustmentForm />
        </Space>
      </Col>
      <Col xs={24} xl={14}>
        <AdjustmentList />
      </Col>
    </Row>
  )
}

function TransferForm(): React.JSX.Element {
  const t = useT()
  const qc = useQueryClient()
  const { message } = App.useApp()
  const [part, setPart] = useState<PartDetail | null>(null)
  const [qty, setQty] = useState<number | null>(1)
  const [from, setFrom] = useState<StockLocation>('main')
  const [reason, setReason] = useState('')
  const [approval, setApproval] = useState<ApprovalValue>(NO_APPROVAL)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const to: StockLocation = from === 'main' ? 'quarantine' : 'main'
  const save = useMutation({
    mutationFn: () =>
      call('warehouse.transfers.create', { partId: part?.part.id ?? 0, qty: qty ?? 0, from, to, reason, ...(to === 'main' ? { approval } : {}) }),
    onSuccess: async (r) => {
      message.success(t('warehouse.tr.done', { transferNo: r.transferNo }))
      setErrors({})
      setReason('')
      setApproval(NO_APPROVAL)
      setPart(await call('warehouse.parts.get', { partId: r.part.id }))
      void qc.invalidateQueries({ queryKey: ['warehouse.parts.search'] })
    },
    onError: (e) => showRefusal(e, setErrors, message, t)
  })
  return (
    <Card size="small" title={t('warehouse.tr.title')} data-testid="transfer-form">
      <Form layout="vertical" component="div">
        <Field path="partId" label={t('warehouse.common.part')} error={errors.partId} required>
          <PickedPart part={part} onPick={setPart} testId="transfer-part" />
        </Field>
        <Space align="start" wrap>
          <Field path="from" label={`${t('warehouse.tr.from')} → ${t('warehouse.tr.to')}`}>
            <Radio.Group id="from" value={from} onChange={(e) => setFrom(e.target.value)}>
              <Radio value="main">{`${t('warehouse.location.main')} → ${t('warehouse.location.quarantine')}`}</Radio>
              <Radio value="quarantine">{`${t('warehouse.location.quarantine')} → ${t('warehouse.location.main')}`}</Radio>
            </Radio.Group>
          </Field>
          <Field path="qty" label={t('warehouse.common.qty')} error={errors.qty} required>
            <InputNumber id="qty" min={1} precision={0} value={qty} onChange={setQty} />
          </Field>
        </Space>
        <Field path="reason" label={t('warehouse.tr.reason')} error={errors.reason} required>
          <Input id="reason" value={reason} onChange={(e) => setReason(e.target.value)} />
        </Field>
        {to === 'main' && <ApprovalFields value={approval} onChange={setApproval} errors={errors} />}
        <Button type="primary" disabled={!part} loading={save.isPending} onClick={() => save.mutate()} data-testid="transfer-save">
          {t('warehouse.tr.save')}
        </Button>
      </Form>
    </Card>
  )
}

function AdjustmentForm(): React.JSX.Element {
  const t = useT()
  const qc = useQueryClient()
  const { message } = App.useApp()
  const [part, setPart] = useState<PartDetail | null>(null)
  const [location, setLocation] = useState<StockLocation>('main')
  const [qty, setQty] = useState<number | null>(null)
  const [reason, setReason] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const save = useMutation({
    mutationFn: () => call('warehouse.adjustments.request', { partId: part?.part.id ?? 0, location, qty: qty ?? 0, reason }),
    onSuccess: (r) => {
      message.success(t('warehouse.adj.requested', { adjNo: r.adjNo }))
      setErrors({})
      setQty(null)
      setReason('')
      setPart(null) // its balances change only when a manager approves
      void qc.invalidateQueries({ queryKey: ['warehouse.adjustments.list'] })
    },
    onError: (e) => showRefusal(e, setErrors, message, t)
  })
  return (
    <Card size="small" title={t('warehouse.adj.request')} data-testid="adjustment-form">
      <Form layout="vertical" component="div">
        <Field path="partId" label={t('warehouse.common.part')} error={errors.partId} required>
          <PickedPart part={part} onPick={setPart} testId="adjust-part" />
        </Field>
        <Space align="start" wrap>
          <Field path="location" label={t('warehouse.common.location')}>
            <Radio.Group id="location" value={location} onChange={(e) => setLocation(e.target.value)}>
              <Radio value="main">{t('warehouse.location.main')}</Radio>
              <Radio value="quarantine">{t('warehouse.location.quarantine')}</Radio>
            </Radio.Group>
          </Field>
          <Field path="qty" label={t('warehouse.adj.qty')} error={errors.qty} required>
            <InputNumber id="qty" precision={0} value={qty} onChange={setQty} data-testid="adjust-qty" />
          </Field>
        </Space>
        <Field path="reason" label={t('warehouse.adj.reason')} error={errors.reason} required>
          <Input id="reason" value={reason} onChange={(e) => setReason(e.target.value)} data-testid="adjust-reason" />
        </Field>
        <Button type="primary" disabled={!part} loading={save.isPending} onClick={() => save.mutate()} data-testid="adjust-save">
          {t('warehouse.adj.request')}
        </Button>
      </Form>
    </Card>
  )
}

function AdjustmentList(): React.JSX.Element {
  const t = useT()
  const tz = useSettings().data?.timeZone ?? 'Asia/Shanghai'
  const [status, setStatus] = useState<AdjustmentStatus | 'all'>('pending')
  const [deciding, setDeciding] = useState<{ adj: AdjustmentView; approve: boolean } | null>(null)
  const list = useInfiniteQuery({
    queryKey: ['warehouse.adjustments.list', status],
    queryFn: ({ pageParam }) => call('warehouse.adjustments.list', { ...(status === 'all' ? {} : { status }), beforeId: pageParam }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => (last.length === MOVES_PAGE ? last[last.length - 1].id : undefined)
  })
  return (
    <Card size="small" title={t('warehouse.adj.title')}>
      <Segmented
        value={status}
        onChange={(v) => setStatus(v as AdjustmentStatus | 'all')}
        options={[
          { value: 'pending', label: t('warehouse.adj.status.pending') },
          { value: 'all', label: t('warehouse.req.filter.all') }
        ]}
        style={{ marginBottom: 8 }}
      />
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        loading={list.isLoading}
        dataSource={list.data?.pages.flat() ?? []}
        data-testid="adjustment-list"
        locale={{ emptyText: t('warehouse.adj.none') }}
        columns={[
          { title: t('warehouse.adj.no'), dataIndex: 'adjNo' },
          { title: t('warehouse.common.part'), render: (_, a) => `${a.part.sku} ${a.part.name}` },
          { title: t('warehouse.common.location'), render: (_, a) => <LocationTag location={a.location} /> },
          { title: t('warehouse.common.qty'), align: 'right', render: (_, a) => (a.qty > 0 ? `+${a.qty}` : a.qty) },
          { title: t('warehouse.adj.onHand'), dataIndex: 'onHand', align: 'right' },
          { title: t('warehouse.adj.reason'), render: (_, a) => (a.rejectReason ? `${a.reason}（${a.rejectReason}）` : a.reason) },
          { title: t('warehouse.req.requestedBy'), render: (_, a) => `${a.requestedBy.displayName} ${localDateTime(a.requestedAt, tz)}` },
          {
            title: t('warehouse.common.status'),
            render: (_, a) =>
              a.status === 'pending' ? (
                <Space>
                  <Button size="small" type="primary" onClick={() => setDeciding({ adj: a, approve: true })} data-testid={`adj-approve-${a.adjNo}`}>
                    {t('warehouse.adj.approve')}
                  </Button>
                  <Button size="small" danger onClick={() => setDeciding({ adj: a, approve: false })}>
                    {t('warehouse.adj.reject')}
                  </Button>
                </Space>
              ) : (
                <Tag color={STATUS_COLOR[a.status]}>
                  {t(`warehouse.adj.status.${a.status}`)}
                  {a.decidedBy ? ` · ${a.decidedBy.displayName}` : ''}
                </Tag>
              )
          }
        ]}
      />
      {list.hasNextPage && (
        <Button style={{ marginTop: 8 }} onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage} data-testid="adjustment-list-more">
          {t('warehouse.parts.more')}
        </Button>
      )}
      {deciding && <DecideDialog {...deciding} onClose={() => setDeciding(null)} />}
    </Card>
  )
}

function DecideDialog({ adj, approve, onClose }: { adj: AdjustmentView; approve: boolean; onClose: () => void }): React.JSX.Element {
  const t = useT()
  const qc = useQueryClient()
  const { message } = App.useApp()
  const [approval, setApproval] = useState<ApprovalValue>(NO_APPROVAL)
  const [reason, setReason] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const save = useMutation({
    mutationFn: () =>
      approve
        ? call('warehouse.adjustments.approve', { adjustmentId: adj.id, approval })
        : call('warehouse.adjustments.reject', { adjustmentId: adj.id, reason, approval }),
    onSuccess: () => {
      message.success(t(approve ? 'warehouse.adj.approved' : 'warehouse.adj.rejected'))
      void qc.invalidateQueries({ queryKey: ['warehouse.adjustments.list'] })
      void qc.invalidateQueries({ queryKey: ['warehouse.parts.search'] })
      onClose()
    },
    onError: (e) => showRefusal(e, setErrors, message, t)
  })
  return (
    <Modal
      open
      title={`${t(approve ? 'warehouse.adj.approve' : 'warehouse.adj.reject')} ${adj.adjNo} · ${adj.part.sku} ${adj.qty > 0 ? '+' : ''}${adj.qty}`}
      onCancel={onClose}
      onOk={() => save.mutate()}
      confirmLoading={save.isPending}
      okButtonProps={{ danger: !approve, id: 'decide-ok' }}
    >
      <Form layout="vertical" component="div" data-testid="decide-dialog">
        {!approve && (
          <Field path="reason" label={t('warehouse.adj.rejectReason')} error={errors.reason} required>
            <Input id="reason" value={reason} onChange={(e) => setReason(e.target.value)} />
          </Field>
        )}
        <ApprovalFields value={approval} onChange={setApproval} errors={errors} />
      </Form>
    </Modal>
  )
}
