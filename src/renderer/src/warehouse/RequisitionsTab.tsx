import { useState } from 'react'
import { useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { Button, Col, Empty, Row, Segmented, Table, Tag } from 'antd'
import { MOVES_PAGE, type RequisitionStatus } from '@shared/contract/warehouse/moves'
import { localDateTime } from '@shared/domain/dates'
import { call } from '../api/client'
import { useT } from '../app/i18n'
import { useSettings } from '../app/session'
import { RequisitionCard } from './MovesRequisition'

/**
 * 领料发料: requisitions waiting to be issued (or all), newest first; pick one to issue it by
 * scanning the parts. A technician sees only their own.
 */
export function RequisitionsTab({ onOpenOrder }: { onOpenOrder: (orderId: number) => void }): React.JSX.Element {
  const t = useT()
  const tz = useSettings().data?.timeZone ?? 'Asia/Shanghai'
  const [status, setStatus] = useState<RequisitionStatus | 'all'>('open')
  const [selected, setSelected] = useState<number | null>(null)
  // Newest first, a page at a time (the channel answers MOVES_PAGE rows before an id).
  const list = useInfiniteQuery({
    queryKey: ['warehouse.requisitions.list', status],
    queryFn: ({ pageParam }) => call('warehouse.requisitions.list', { ...(status === 'all' ? {} : { status }), beforeId: pageParam }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => (last.length === MOVES_PAGE ? last[last.length - 1].id : undefined)
  })
  const detail = useQuery({
    queryKey: ['warehouse.requisitions.get', selected],
    queryFn: () => call('warehouse.requisitions.get', { requisitionId: selected! }),
    enabled: selected !== null
  })
  return (
    <Row gutter={16}>
      <Col xs={24} xl={10}>
        <Segmented
          value={status}
          onChange={(v) => setStatus(v as RequisitionStatus | 'all')}
          options={[
            { value: 'open', label: t('warehouse.req.filter.open') },
            { value: 'all', label: t('warehouse.req.filter.all') }
          ]}
          style={{ marginBottom: 8 }}
        />
        <Table
          size="small"
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data?.pages.flat() ?? []}
          pagination={false}
          data-testid="req-list"
          locale={{ emptyText: <Empty description={t('warehouse.req.none')} /> }}
          onRow={(r) => ({ onClick: () => setSelected(r.id), style: { cursor: 'pointer', background: r.id === selected ? '#e6f4ff' : undefined } })}
          columns={[
            { title: t('warehouse.req.no'), dataIndex: 'reqNo', render: (n: string) => <span data-testid={`req-row-${n}`}>{n}</span> },
            { title: t('warehouse.req.order'), render: (_, r) => `${r.order.orderNo} ${r.order.deviceLabel}` },
            { title: t('warehouse.req.requestedBy'), render: (_, r) => r.requestedBy.displayName },
            { title: t('warehouse.req.createdAt'), render: (_, r) => localDateTime(r.createdAt, tz) },
            { title: t('warehouse.req.toIssue'), dataIndex: 'toIssueQty', align: 'right' },
            { title: t('warehouse.req.status'), render: (_, r) => <Tag>{t(`warehouse.req.status.${r.status}`)}</Tag> }
          ]}
        />
        {list.hasNextPage && (
          <Button style={{ marginTop: 8 }} onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage} data-testid="req-list-more">
            {t('warehouse.parts.more')}
          </Button>
        )}
      </Col>
      <Col xs={24} xl={14}>{detail.data && <RequisitionCard key={detail.data.id} req={detail.data} onOpenOrder={onOpenOrder} />}</Col>
    </Row>
  )
}
