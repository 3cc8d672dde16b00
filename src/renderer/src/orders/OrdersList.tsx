import { useState } from 'react'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { Card, Input, Table, Tag } from 'antd'
import type { OrderSummary } from '@shared/contract/intake'
import { localDateTime } from '@shared/domain/dates'
import { call } from '../api/client'
import { useT } from '../app/i18n'
import { errorText, useSettings } from '../app/session'
import { useDebounced } from '../ui/useDebounced'

/** 工单: find an order by number, mobile, name or IMEI as you type; a row opens it. */
export function OrdersList({ onOpen }: { onOpen: (orderId: number) => void }): React.JSX.Element {
  const t = useT()
  const tz = useSettings().data?.timeZone ?? 'Asia/Shanghai'
  const [text, setText] = useState('')
  const query = useDebounced(text.trim(), 250)
  const orders = useQuery({
    queryKey: ['orders.list', query],
    queryFn: () => call('orders.list', { query, limit: 100 }),
    placeholderData: keepPreviousData
  })
  const columns = [
    { title: t('receipt.orderNo'), dataIndex: 'orderNo', key: 'orderNo', width: 150 },
    { title: t('ui.orders.received'), key: 'received', width: 140, render: (o: OrderSummary) => localDateTime(o.receivedAt, tz) },
    { title: t('ui.intake.customer.name'), dataIndex: 'customerName', key: 'name' },
    { title: t('ui.intake.customer.mobile'), dataIndex: 'customerMobile', key: 'mobile', width: 120 },
    { title: t('ui.intake.device.title'), dataIndex: 'deviceLabel', key: 'device' },
    { title: t('receipt.device.serial'), dataIndex: 'serial', key: 'serial', width: 160 },
    { title: t('ui.intake.service.type'), key: 'type', width: 120, render: (o: OrderSummary) => t(`service.${o.serviceType}`) },
    { title: t('ui.orders.status'), key: 'status', width: 90, render: (o: OrderSummary) => <Tag color="processing">{t(`status.${o.status}`)}</Tag> }
  ]
  return (
    <Card size="small" title={t('ui.nav.orders')} data-testid="orders-screen">
      <Input.Search
        id="orders-search"
        aria-label={t('ui.orders.search')}
        placeholder={t('ui.orders.search')}
        allowClear
        autoFocus
        value={text}
        onChange={(e) => setText(e.target.value)}
        style={{ maxWidth: 420, marginBottom: 8 }}
      />
      <Table
        size="small"
        rowKey="id"
        data-testid="orders-table"
        loading={orders.isFetching}
        dataSource={orders.data ?? []}
        columns={columns}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: orders.isError ? errorText(orders.error, t) : t('ui.orders.none') }}
        onRow={(o) => ({
          onClick: () => onOpen(o.id),
          onKeyDown: (e) => e.key === 'Enter' && onOpen(o.id),
          tabIndex: 0,
          className: 'clickable-row',
          'data-testid': `order-row-${o.orderNo}`
        } as React.HTMLAttributes<HTMLElement>)}
      />
    </Card>
  )
}
