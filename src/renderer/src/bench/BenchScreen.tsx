import { useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { Alert, Button, Card, Select, Space, Table, Tabs, Tag, Typography } from 'antd'
import { ReloadOutlined } from '@ant-design/icons'
import type { Role } from '@shared/contract'
import { QUEUE_STATUSES, type QueueRow, type QueueStatus } from '@shared/contract/repairs'
import { localDateTime } from '@shared/domain/dates'
import { call } from '../api/client'
import { useT } from '../app/i18n'
import { errorText, useSettings } from '../app/session'
import { PriceListDialog } from './PriceList'

type Scope = 'mine' | 'shop'
/** 'none' = unassigned orders. */
type TechFilter = number | 'none' | undefined

/** Technician bench: my queue and the shop's, overdue first (red), filters; a row opens the order. */
export function BenchScreen({ role, onOpenOrder }: { role: Role | undefined; onOpenOrder: (orderId: number) => void }): React.JSX.Element {
  const t = useT()
  const tz = useSettings().data?.timeZone ?? 'Asia/Shanghai'
  const hasOwn = role === 'technician' || role === 'manager'
  const [scope, setScope] = useState<Scope>(role === 'technician' ? 'mine' : 'shop')
  const [status, setStatus] = useState<QueueStatus | undefined>()
  const [tech, setTech] = useState<TechFilter>()
  const [prices, setPrices] = useState(false)
  const input =
    scope === 'mine'
      ? { scope, status, limit: 200 }
      : { scope, status, limit: 200, ...(tech === 'none' ? { unassigned: true } : tech !== undefined ? { technicianId: tech } : {}) }
  const queue = useQuery({ queryKey: ['repairs.queue', input], queryFn: () => call('repairs.queue', input) })
  const technicians = useQuery({ queryKey: ['repairs.technicians'], queryFn: () => call('repairs.technicians', {}), enabled: scope === 'shop' })
  const rows = queue.data?.rows ?? []
  const overdue = rows.filter((r) => r.overdue).length

  const tabs = [...(hasOwn ? [{ key: 'mine', label: t('bench.tab.mine') }] : []), { key: 'shop', label: t('bench.tab.shop') }]
  return (
    <Card
      title={t('bench.title')}
      data-testid="bench-screen"
      extra={
        role === 'manager' && (
          <Button onClick={() => setPrices(true)} data-testid="bench-prices">
            {t('bench.prices.title')}
          </Button>
        )
      }
    >
      <Tabs activeKey={scope} onChange={(k) => setScope(k as Scope)} items={tabs.map((x) => ({ ...x, 'data-testid': `bench-tab-${x.key}` }))} />
      <Space wrap style={{ marginBottom: 12 }}>
        <Select<QueueStatus>
          allowClear
          style={{ width: 200 }}
          placeholder={t('bench.filter.status')}
          value={status}
          onChange={(v) => setStatus(v)}
          options={QUEUE_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          data-testid="bench-filter-status"
        />
        {scope === 'shop' && (
          <Select<number | 'none'>
            allowClear
            style={{ width: 180 }}
            placeholder={t('bench.filter.technician')}
            value={tech}
            onChange={(v) => setTech(v)}
            options={[{ value: 'none' as const, label: t('bench.unassigned') }, ...(technicians.data ?? []).map((u) => ({ value: u.id, label: u.displayName }))]}
            data-testid="bench-filter-technician"
          />
        )}
        <Button icon={<ReloadOutlined />} onClick={() => void queue.refetch()} data-testid="bench-refresh">
          {t('bench.refresh')}
        </Button>
        <Typography.Text type="secondary" data-testid="bench-count">
          {t('bench.count', { n: rows.length, overdue })}
          {queue.data?.more ? ` ${t('bench.more')}` : ''}
        </Typography.Text>
      </Space>
      {queue.isError && <Alert type="error" showIcon title={errorText(queue.error, t)} />}
      <Table<QueueRow>
        size="small"
        rowKey="orderId"
        loading={queue.isPending}
        dataSource={rows}
        pagination={false}
        data-testid="bench-table"
        locale={{ emptyText: t('bench.empty') }}
        onRow={(r) => ({
          onClick: () => onOpenOrder(r.orderId),
          style: { cursor: 'pointer', ...(r.overdue ? { background: '#fff1f0', color: '#cf1322' } : {}) },
          'data-testid': `bench-row-${r.orderNo}`,
          'data-overdue': r.overdue ? 'true' : 'false'
        }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('bench.col.orderNo'), dataIndex: 'orderNo', render: (v: string) => <Typography.Text strong style={{ color: 'inherit' }}>{v}</Typography.Text> },
          { title: t('bench.col.device'), dataIndex: 'device' },
          { title: t('bench.col.customer'), dataIndex: 'customerName' },
          { title: t('bench.col.status'), render: (_, r) => <Tag color="processing">{t(`status.${r.status}`)}</Tag> },
          { title: t('bench.col.technician'), render: (_, r) => r.technician?.displayName ?? <Typography.Text type="secondary">{t('bench.unassigned')}</Typography.Text> },
          { title: t('bench.col.promised'), dataIndex: 'promisedDate' },
          { title: t('bench.col.received'), render: (_, r) => localDateTime(r.receivedAt, tz) },
          { title: '', render: (_, r) => (r.overdue ? <Tag color="error">{t('bench.overdue')}</Tag> : null) }
        ]}
      />
      {prices && <PriceListDialog onClose={() => setPrices(false)} />}
    </Card>
  )
}
