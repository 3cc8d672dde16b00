import { useState } from 'react'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { Button, Card, Input, Space, Table, Tag, Typography } from 'antd'
import type { OrderSummary } from '@shared/contract/intake'
import { localDate, localDateTime } from '@shared/domain/dates'
import { isOverdue } from '@shared/domain/orders'
import { call } from '../api/client'
import { useT } from '../app/i18n'
import { errorText, useSettings } from '../app/session'
import { useDebounced } from '../ui/useDebounced'

const PAGE_SIZE = 20

/**
 * 工单: newest first, a page at a time (keyset: "older than the last id shown", so page 5,000 is
 * as quick as page 1); typing searches like the global box (number, code, mobile, IMEI, name, model).
 */
export function OrdersList({ onOpen }: { onOpen: (orderId: number) => void }): React.JSX.Element {
  const t = useT()
  const tz = useSettings().data?.timeZone ?? 'Asia/Shanghai'
  const [text, setText] = useState('')
  const query = useDebounced(text.trim(), 250)
  // The `before` cursor of every page shown so far: the last is the current page, popping goes newer.
  const [cursors, setCursors] = useState<(number | null)[]>([null])
  const before = cursors[cursors.length - 1]
  const page = useQuery({
    queryKey: ['orders.page', query, before],
    queryFn: () => call('orders.page', { query, before, limit: PAGE_SIZE }),
    placeholderData: keepPreviousData
  })
  const orders = page.data?.orders ?? []
  const search = (value: string) => {
    setText(value)
    setCursors([null])
  }
  const today = localDate(new Date(), tz)
  const overdue = (o: OrderSummary) => isOverdue({ ...o, receivedDate: localDate(new Date(o.receivedAt), tz) }, today)
  const columns = [
    { title: t('receipt.orderNo'), dataIndex: 'orderNo', key: 'orderNo', width: 150 },
    { title: t('ui.orders.received'), key: 'received', width: 140, render: (o: OrderSummary) => localDateTime(o.receivedAt, tz) },
    { title: t('ui.intake.customer.name'), dataIndex: 'customerName', key: 'name' },
    { title: t('ui.intake.customer.mobile'), dataIndex: 'customerMobile', key: 'mobile', width: 120 },
    { title: t('ui.intake.device.title'), dataIndex: 'deviceLabel', key: 'device' },
    { title: t('receipt.device.serial'), dataIndex: 'serial', key: 'serial', width: 160 },
    { title: t('ui.intake.service.type'), key: 'type', width: 120, render: (o: OrderSummary) => t(`service.${o.serviceType}`) },
    {
      title: t('ui.orders.status'),
      key: 'status',
      width: 150,
      render: (o: OrderSummary) =>
        overdue(o) ? (
          <Tag color="red" data-testid={`overdue-${o.orderNo}`}>
            {t(`status.${o.status}`)} · {t('ui.orders.overdue')}
          </Tag>
        ) : (
          <Tag color={o.status === 'void' || o.status === 'pickedUp' ? 'default' : 'processing'}>{t(`status.${o.status}`)}</Tag>
        )
    }
  ]
  const summary = page.data
    ? page.data.total !== null
      ? t('orders.page.total', { total: page.data.total })
      : query
        ? t(orders.length >= PAGE_SIZE ? 'orders.page.foundMany' : 'orders.page.found', { count: orders.length })
        : ''
    : ''
  return (
    <Card size="small" title={t('ui.nav.orders')} data-testid="orders-screen">
      <Space style={{ marginBottom: 8, width: '100%', justifyContent: 'space-between' }} wrap>
        <Input.Search
          id="orders-search"
          aria-label={t('ui.orders.search')}
          placeholder={t('ui.orders.search')}
          allowClear
          autoFocus
          value={text}
          onChange={(e) => search(e.target.value)}
          style={{ width: 420 }}
        />
        <Space>
          <Typography.Text type="secondary" data-testid="orders-count">
            {summary}
          </Typography.Text>
          <Button onClick={() => setCursors([null])} disabled={cursors.length === 1} data-testid="orders-first">
            {t('orders.page.first')}
          </Button>
          <Button onClick={() => setCursors((c) => c.slice(0, -1))} disabled={cursors.length === 1} data-testid="orders-newer">
            {t('orders.page.newer')}
          </Button>
          <Button
            onClick={() => page.data?.nextBefore && setCursors((c) => [...c, page.data!.nextBefore])}
            disabled={!page.data?.nextBefore}
            data-testid="orders-older"
          >
            {t('orders.page.older')}
          </Button>
        </Space>
      </Space>
      <Table
        size="small"
        rowKey="id"
        data-testid="orders-table"
        loading={page.isFetching}
        dataSource={orders}
        columns={columns}
        pagination={false}
        locale={{ emptyText: page.isError ? errorText(page.error, t) : t('ui.orders.none') }}
        onRow={(o) =>
          ({
            onClick: () => onOpen(o.id),
            onKeyDown: (e) => e.key === 'Enter' && onOpen(o.id),
            tabIndex: 0,
            className: 'clickable-row',
            'data-testid': `order-row-${o.orderNo}`
          }) as React.HTMLAttributes<HTMLElement>
        }
      />
    </Card>
  )
}
