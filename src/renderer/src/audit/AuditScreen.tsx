import { useState } from 'react'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { Button, Card, Input, Select, Space, Table, Typography } from 'antd'
import { AUDIT_ACTIONS, type AuditCursor, type AuditRowView } from '@shared/contract/audit'
import { localDateTime } from '@shared/domain/dates'
import { call } from '../api/client'
import { useT } from '../app/i18n'
import { errorText, useSettings } from '../app/session'
import { DateRangeInput } from '../ui/DateRangeInput'
import { useDebounced } from '../ui/useDebounced'
import { actionLabel, AuditDetails, targetLabel } from './AuditDetails'

const PAGE_SIZE = 50

interface Filters {
  userId?: number
  action?: string
  orderNo?: string
  from?: string
  to?: string
}

/**
 * 操作日志 (manager): who did what, when, with old and new values. Pages go by a cursor (the last
 * row shown), so paging stays as quick on the hundred-thousandth row as on the first.
 */
export function AuditScreen(): React.JSX.Element {
  const t = useT()
  const tz = useSettings().data?.timeZone ?? 'Asia/Shanghai'
  const users = useQuery({ queryKey: ['users.list'], queryFn: () => call('users.list', {}) })
  const [filters, setFilters] = useState<Filters>({})
  const [orderText, setOrderText] = useState('')
  const orderNo = useDebounced(orderText.trim(), 300)
  const applied = { ...filters, ...(orderNo ? { orderNo } : {}) }
  // Start of each page seen so far: "Newer" goes back one, "Older" follows `next`.
  const [starts, setStarts] = useState<(AuditCursor | undefined)[]>([undefined])
  const page = starts.length - 1
  const list = useQuery({
    queryKey: ['audit.list', applied, starts[page]],
    queryFn: () => call('audit.list', { ...applied, limit: PAGE_SIZE, ...(starts[page] ? { after: starts[page] } : {}) }),
    placeholderData: keepPreviousData
  })
  const filter = (patch: Filters) => {
    setFilters((f) => ({ ...f, ...patch }))
    setStarts([undefined])
  }

  const actionOptions = [
    { value: 'auth.', label: t('audit.group.auth') },
    ...AUDIT_ACTIONS.map((a) => ({ value: a, label: actionLabel(a, t) }))
  ]
  const columns = [
    { title: t('audit.col.at'), key: 'at', width: 140, render: (r: AuditRowView) => localDateTime(r.at, tz) },
    { title: t('audit.col.user'), key: 'user', width: 110, render: (r: AuditRowView) => r.user?.displayName ?? <Typography.Text type="secondary">{t('audit.nobody')}</Typography.Text> },
    { title: t('audit.col.action'), key: 'action', width: 170, render: (r: AuditRowView) => actionLabel(r.action, t) },
    { title: t('audit.col.target'), key: 'target', width: 110, render: (r: AuditRowView) => targetLabel(r, t) },
    { title: t('audit.col.details'), key: 'details', render: (r: AuditRowView) => <AuditDetails row={r} t={t} /> }
  ]

  return (
    <Card size="small" title={t('audit.title')} data-testid="audit-screen">
      <Space wrap style={{ marginBottom: 10 }}>
        <Select
          allowClear
          style={{ width: 150 }}
          placeholder={t('audit.filter.user')}
          aria-label={t('audit.filter.user')}
          data-testid="audit-filter-user"
          value={filters.userId}
          onChange={(userId?: number) => filter({ userId })}
          options={(users.data ?? []).map((u) => ({ value: u.id, label: u.displayName }))}
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 220 }}
          placeholder={t('audit.filter.action')}
          aria-label={t('audit.filter.action')}
          data-testid="audit-filter-action"
          value={filters.action}
          onChange={(action?: string) => filter({ action })}
          options={actionOptions}
        />
        <Input
          allowClear
          style={{ width: 140 }}
          placeholder={t('audit.filter.orderNo')}
          aria-label={t('audit.filter.orderNo')}
          data-testid="audit-filter-order"
          value={orderText}
          onChange={(e) => {
            setOrderText(e.target.value)
            setStarts([undefined])
          }}
        />
        <DateRangeInput id="audit-filter-dates" label={t('audit.filter.dates')} onChange={(range) => filter(range)} />
      </Space>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        loading={list.isFetching}
        dataSource={list.data?.rows ?? []}
        columns={columns}
        data-testid="audit-table"
        locale={{ emptyText: list.isError ? errorText(list.error, t) : t('audit.empty') }}
      />
      <Space style={{ marginTop: 10 }}>
        <Button disabled={page === 0} onClick={() => setStarts([undefined])}>
          {t('audit.page.first')}
        </Button>
        <Button disabled={page === 0} onClick={() => setStarts((s) => s.slice(0, -1))} data-testid="audit-newer">
          {t('audit.page.newer')}
        </Button>
        <Typography.Text data-testid="audit-page">{t('audit.page.number', { n: page + 1 })}</Typography.Text>
        <Button
          disabled={!list.data?.next}
          onClick={() => list.data?.next && setStarts((s) => [...s, list.data.next as AuditCursor])}
          data-testid="audit-older"
        >
          {t('audit.page.older')}
        </Button>
      </Space>
    </Card>
  )
}
