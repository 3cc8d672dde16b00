import { useState } from 'react'
import { useInfiniteQuery, useMutation } from '@tanstack/react-query'
import { Alert, App, Button, Card, Space, Statistic, Table, Typography } from 'antd'
import { FileExcelOutlined, FilePdfOutlined, FileTextOutlined } from '@ant-design/icons'
import type { ReorderLine, ValuationLine } from '@shared/contract/warehouse/catalogue'
import { splitMessage } from '@shared/contract/fields'
import { plainDateProblem, localDate } from '@shared/domain/dates'
import { formatMoney, formatYuan } from '@shared/domain/money'
import { call } from '../api/client'
import { useT } from '../app/i18n'
import { errorText, useSettings } from '../app/session'
import { DateInput } from '../ui/DateInput'
import { downloadFile } from '../ui/download'

/** 报表: the reorder list (with PDF / CSV / xlsx export) and the stock value at the end of any day. */
export function ReportsTab(): React.JSX.Element {
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <ReorderCard />
      <ValuationCard />
    </Space>
  )
}

function ReorderCard(): React.JSX.Element {
  const t = useT()
  const { message } = App.useApp()
  const list = useInfiniteQuery({
    queryKey: ['warehouse.reorder'],
    queryFn: ({ pageParam }) => call('warehouse.reorder', { afterId: pageParam }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextAfterId ?? undefined
  })
  const exp = useMutation({
    mutationFn: (format: 'pdf' | 'csv' | 'xlsx') => call('warehouse.reorder.export', { format }),
    onSuccess: downloadFile,
    onError: (e) => message.error(errorText(e, t))
  })
  const rows = list.data?.pages.flatMap((p) => p.lines) ?? []
  const col = (k: string) => t(`warehouse.reorder.col.${k}`)
  const columns = [
    { title: col('sku'), dataIndex: 'sku', key: 'sku', width: 130, render: (v: string) => <span data-testid={`reorder-row-${v}`}>{v}</span> },
    { title: col('name'), key: 'name', render: (_: unknown, l: ReorderLine) => [l.name, l.spec].filter(Boolean).join(' ') },
    { title: col('bin'), dataIndex: 'bin', key: 'bin', width: 90 },
    { title: col('minStock'), dataIndex: 'minStock', key: 'min', align: 'right' as const, width: 70 },
    { title: col('onHand'), dataIndex: 'onHand', key: 'onHand', align: 'right' as const, width: 70 },
    { title: col('suggestedQty'), key: 'sugg', align: 'right' as const, width: 100, render: (_: unknown, l: ReorderLine) => <b>{`${l.suggestedQty} ${l.unit}`}</b> },
    { title: col('avgCost'), key: 'cost', align: 'right' as const, width: 90, render: (_: unknown, l: ReorderLine) => formatYuan(l.avgCostFen) },
    { title: col('suggestedValue'), key: 'value', align: 'right' as const, width: 110, render: (_: unknown, l: ReorderLine) => formatYuan(l.suggestedValueFen) }
  ]
  const button = (format: 'pdf' | 'csv' | 'xlsx', icon: React.ReactNode, label: string) => (
    <Button icon={icon} onClick={() => exp.mutate(format)} loading={exp.isPending && exp.variables === format} data-testid={`reorder-export-${format}`}>
      {label}
    </Button>
  )
  return (
    <Card
      size="small"
      title={t('warehouse.reports.reorder')}
      extra={
        <Space>
          {button('pdf', <FilePdfOutlined />, 'PDF')}
          {button('csv', <FileTextOutlined />, 'CSV')}
          {button('xlsx', <FileExcelOutlined />, 'Excel')}
        </Space>
      }
    >
      {list.isError && <Alert type="error" showIcon title={errorText(list.error, t)} />}
      <Table<ReorderLine>
        size="small"
        rowKey="partId"
        columns={columns}
        dataSource={rows}
        loading={list.isLoading}
        pagination={false}
        locale={{ emptyText: t('warehouse.reorder.none') }}
        data-testid="reorder-table"
      />
      {list.hasNextPage && (
        <Button className="mt8" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
          {t('warehouse.parts.more')}
        </Button>
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {t('warehouse.reorder.rule')}
      </Typography.Paragraph>
    </Card>
  )
}

function ValuationCard(): React.JSX.Element {
  const t = useT()
  const tz = useSettings().data?.timeZone ?? 'Asia/Shanghai'
  const [typed, setTyped] = useState(() => localDate(new Date(), tz))
  const [date, setDate] = useState<string | null>(null)
  const problem = plainDateProblem(typed.trim())
  const report = useInfiniteQuery({
    queryKey: ['warehouse.valuation', date],
    queryFn: ({ pageParam }) => call('warehouse.valuation', { date: date!, afterId: pageParam }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextAfterId ?? undefined,
    enabled: date !== null
  })
  const first = report.data?.pages[0]
  const rows = report.data?.pages.flatMap((p) => p.lines) ?? []
  const columns = [
    { title: t('warehouse.part.sku'), dataIndex: 'sku', key: 'sku', width: 130 },
    { title: t('warehouse.part.name'), dataIndex: 'name', key: 'name' },
    { title: t('warehouse.part.main'), dataIndex: 'mainQty', key: 'main', align: 'right' as const, width: 80 },
    { title: t('warehouse.part.quarantine'), dataIndex: 'quarantineQty', key: 'q', align: 'right' as const, width: 80 },
    { title: t('warehouse.part.avgCost'), key: 'cost', align: 'right' as const, width: 100, render: (_: unknown, l: ValuationLine) => formatYuan(l.avgCostFen) },
    { title: t('warehouse.reports.value'), key: 'value', align: 'right' as const, width: 120, render: (_: unknown, l: ValuationLine) => formatYuan(l.valueFen) }
  ]
  const show = () => {
    if (!problem) setDate(typed.trim())
  }
  return (
    <Card size="small" title={t('warehouse.reports.valuation')}>
      <Space align="start" wrap>
        <div>
          <Typography.Text type="secondary">{t('warehouse.reports.valuationDate')}</Typography.Text>
          <DateInput id="valuation-date" value={typed} onChange={setTyped} onEnter={(d) => setDate(d)} status={problem ? 'error' : undefined} style={{ width: 180 }} />
          {problem && <div className="field-error">{t(splitMessage(problem).key, splitMessage(problem).params)}</div>}
        </div>
        <Button type="primary" onClick={show} style={{ marginTop: 22 }} data-testid="valuation-show">
          {t('warehouse.reports.show')}
        </Button>
        {first && (
          <Space size="large" style={{ marginLeft: 24 }}>
            <Statistic title={t('warehouse.reports.totalValue')} value={formatMoney(first.totals.valueFen)} data-testid="valuation-total" />
            <Statistic title={t('warehouse.reports.totalQty')} value={first.totals.qty} />
            <Statistic title={t('warehouse.reports.totalParts')} value={first.totals.parts} />
          </Space>
        )}
      </Space>
      {report.isError && <Alert type="error" showIcon title={errorText(report.error, t)} />}
      {date && (
        <Table<ValuationLine>
          className="mt8"
          size="small"
          rowKey="partId"
          columns={columns}
          dataSource={rows}
          loading={report.isLoading}
          pagination={false}
          locale={{ emptyText: t('warehouse.reports.noStock') }}
          data-testid="valuation-table"
        />
      )}
      {report.hasNextPage && (
        <Button className="mt8" onClick={() => void report.fetchNextPage()} loading={report.isFetchingNextPage}>
          {t('warehouse.parts.more')}
        </Button>
      )}
    </Card>
  )
}
