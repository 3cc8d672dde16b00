import { useState } from 'react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { App, Button, Card, Col, Row, Segmented, Space, Table } from 'antd'
import { PrinterOutlined } from '@ant-design/icons'
import type { OldPartStatus, OldPartView } from '@shared/contract/warehouse/old-parts'
import { localDateTime } from '@shared/domain/dates'
import { call } from '../api/client'
import { useT } from '../app/i18n'
import { errorText, useSettings } from '../app/session'
import { OldPartForm } from './OldPartForm'
import { OldPartStatusTag } from './OldPartsCommon'
import { RtmPanel } from './RtmPanel'

type Filter = OldPartStatus | 'all'

/** 旧件返厂: record a replaced part (its label prints), list old parts, gather them into return batches. */
export function OldPartsTab({ onOpenOrder }: { onOpenOrder: (orderId: number) => void }): React.JSX.Element {
  const t = useT()
  const qc = useQueryClient()
  const { message } = App.useApp()
  const tz = useSettings().data?.timeZone ?? 'Asia/Shanghai'
  const [filter, setFilter] = useState<Filter>('waiting')
  const [selected, setSelected] = useState<number[]>([])
  const [batchId, setBatchId] = useState<number | null>(null)
  const list = useQuery({
    queryKey: ['warehouse.oldParts.list', filter],
    queryFn: () => call('warehouse.oldParts.list', filter === 'all' ? {} : { status: filter })
  })
  const reprint = useMutation({
    mutationFn: (oldPartId: number) => call('warehouse.oldParts.printLabel', { oldPartId }),
    onSuccess: () => message.success(t('warehouse.ui.op.labelQueued')),
    onError: (e) => message.error(errorText(e, t))
  })
  const add = useMutation({
    mutationFn: () => call('warehouse.rtm.add', { batchId: batchId ?? 0, oldPartIds: selected }),
    onSuccess: () => {
      setSelected([])
      void qc.invalidateQueries({ queryKey: ['warehouse.oldParts.list'] })
      void qc.invalidateQueries({ queryKey: ['warehouse.rtm.get'] })
      void qc.invalidateQueries({ queryKey: ['warehouse.rtm.list'] })
    },
    onError: (e) => message.error(errorText(e, t))
  })

  const columns = [
    { title: t('warehouse.op.opNo'), dataIndex: 'opNo', key: 'opNo', render: (v: string) => <span data-testid={`op-row-${v}`}>{v}</span> },
    {
      title: t('warehouse.op.orderNo'),
      key: 'order',
      render: (_: unknown, p: OldPartView) => (
        <Button type="link" size="small" onClick={() => onOpenOrder(p.orderId)}>
          {p.orderNo}
        </Button>
      )
    },
    { title: t('warehouse.op.part'), dataIndex: 'partText', key: 'part' },
    { title: t('warehouse.op.faultCode'), dataIndex: 'faultCode', key: 'code' },
    { title: t('warehouse.op.technician'), key: 'tech', render: (_: unknown, p: OldPartView) => p.technician.displayName },
    { title: t('warehouse.op.status'), key: 'status', render: (_: unknown, p: OldPartView) => <OldPartStatusTag status={p.status} /> },
    { title: t('warehouse.op.batch'), key: 'batch', render: (_: unknown, p: OldPartView) => p.batch?.batchNo ?? '' },
    { title: t('warehouse.op.createdAt'), key: 'at', render: (_: unknown, p: OldPartView) => localDateTime(p.createdAt, tz) },
    {
      title: '',
      key: 'actions',
      render: (_: unknown, p: OldPartView) => (
        <Button size="small" icon={<PrinterOutlined />} onClick={() => reprint.mutate(p.id)} data-testid={`op-reprint-${p.opNo}`}>
          {t('warehouse.ui.op.reprint')}
        </Button>
      )
    }
  ]

  return (
    <Row gutter={16}>
      <Col xs={24} xl={8}>
        <Card title={t('warehouse.ui.op.record')} size="small">
          <OldPartForm />
        </Card>
      </Col>
      <Col xs={24} xl={16}>
        <Card
          size="small"
          title={t('warehouse.ui.op.list')}
          extra={
            <Segmented<Filter>
              value={filter}
              onChange={(v) => {
                setFilter(v)
                setSelected([])
              }}
              options={(['waiting', 'batched', 'sent', 'credited', 'all'] as const).map((s) => ({
                value: s,
                label: s === 'all' ? t('warehouse.ui.op.all') : t(`warehouse.op.status.${s}`)
              }))}
            />
          }
        >
          <Table<OldPartView>
            size="small"
            rowKey="id"
            loading={list.isLoading}
            dataSource={list.data ?? []}
            columns={columns}
            pagination={false}
            data-testid="old-parts-table"
            rowSelection={{
              selectedRowKeys: selected,
              onChange: (keys) => setSelected(keys as number[]),
              getCheckboxProps: (p) => ({ disabled: p.status !== 'waiting' })
            }}
          />
          <Space style={{ marginTop: 8 }}>
            <Button disabled={!selected.length || !batchId} loading={add.isPending} onClick={() => add.mutate()} data-testid="op-add-to-batch">
              {t('warehouse.ui.op.addToBatch', { n: selected.length })}
            </Button>
          </Space>
        </Card>
        <RtmPanel batchId={batchId} onSelect={setBatchId} />
      </Col>
    </Row>
  )
}
