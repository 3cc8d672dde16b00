import { useState } from 'react'
import { useInfiniteQuery } from '@tanstack/react-query'
import { Button, Segmented, Space, Table, Typography } from 'antd'
import { STOCK_LOCATIONS, type StockLocation, type StockMoveView } from '@shared/contract/warehouse/common'
import { localDateTime } from '@shared/domain/dates'
import { formatYuan } from '@shared/domain/money'
import { call } from '../api/client'
import { useT } from '../app/i18n'
import { useSettings } from '../app/session'

/** 卡片帐: every movement of the part at one location, newest first, with the balance after it; 50 a page. */
export function StockCard({ partId }: { partId: number }): React.JSX.Element {
  const t = useT()
  const tz = useSettings().data?.timeZone ?? 'Asia/Shanghai'
  const [location, setLocation] = useState<StockLocation>('main')
  const card = useInfiniteQuery({
    queryKey: ['warehouse.stockCard', partId, location],
    queryFn: ({ pageParam }) => call('warehouse.stockCard', { partId, location, beforeId: pageParam }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBeforeId ?? undefined
  })
  const rows = card.data?.pages.flatMap((p) => p.moves) ?? []
  const columns = [
    { title: t('warehouse.card.at'), key: 'at', width: 150, render: (_: unknown, m: StockMoveView) => localDateTime(m.at, tz) },
    { title: t('warehouse.card.type'), key: 'type', width: 80, render: (_: unknown, m: StockMoveView) => t(`warehouse.move.${m.docType}`) },
    { title: t('warehouse.card.doc'), dataIndex: 'docNo', key: 'doc', width: 130 },
    {
      title: t('warehouse.card.qty'),
      key: 'qty',
      align: 'right' as const,
      width: 80,
      render: (_: unknown, m: StockMoveView) => <Typography.Text type={m.qty < 0 ? 'danger' : 'success'}>{m.qty > 0 ? `+${m.qty}` : m.qty}</Typography.Text>
    },
    { title: t('warehouse.card.balance'), key: 'bal', align: 'right' as const, width: 80, render: (_: unknown, m: StockMoveView) => <b data-testid={`card-balance-${m.id}`}>{m.balanceAfter}</b> },
    { title: t('warehouse.card.unitCost'), key: 'cost', align: 'right' as const, width: 90, render: (_: unknown, m: StockMoveView) => formatYuan(m.unitCostFen) },
    { title: t('warehouse.card.user'), dataIndex: 'userName', key: 'user', width: 110 },
    { title: t('warehouse.card.note'), dataIndex: 'note', key: 'note' }
  ]
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space>
        <Typography.Text strong>{t('warehouse.card.title')}</Typography.Text>
        <Segmented
          value={location}
          onChange={(v) => setLocation(v as StockLocation)}
          options={STOCK_LOCATIONS.map((l) => ({ value: l, label: t(`warehouse.location.${l}`) }))}
          data-testid="card-location"
        />
      </Space>
      <Table
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={rows}
        loading={card.isLoading}
        pagination={false}
        locale={{ emptyText: t('warehouse.card.empty') }}
        data-testid="stock-card"
      />
      {card.hasNextPage && (
        <Button onClick={() => void card.fetchNextPage()} loading={card.isFetchingNextPage} data-testid="card-older">
          {t('warehouse.card.older')}
        </Button>
      )}
    </Space>
  )
}
