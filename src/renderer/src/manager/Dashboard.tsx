import { useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { Alert, Button, Card, Col, Row, Space, Spin, Statistic, Table, Tag, Typography } from 'antd'
import { ReloadOutlined } from '@ant-design/icons'
import { ReportRange, type DashboardData } from '@shared/contract/reports'
import { splitMessage } from '@shared/contract/fields'
import { readTypedDate } from '@shared/domain/date-input'
import { addDays, addMonths } from '@shared/domain/dates'
import { formatMoney } from '@shared/domain/money'
import { call } from '../api/client'
import { useT } from '../app/i18n'
import { errorText } from '../app/session'
import { DateInput } from '../ui/DateInput'
import { DashboardCharts } from './DashboardCharts'
import { ExportButton, ReportsTables } from './ReportsTables'

interface Span {
  from: string
  to: string
}

/** 经营看板: today's tiles, then the charts and tables of a date range (this month at first). */
export function Dashboard(): React.JSX.Element {
  const t = useT()
  const dashboard = useQuery({ queryKey: ['reports.dashboard'], queryFn: () => call('reports.dashboard', {}) })
  const [span, setSpan] = useState<Span | null>(null)
  const month = dashboard.data?.month
  const custom = span && month && (span.from !== month.from || span.to !== month.to) ? span : null
  const range = useQuery({ queryKey: ['reports.range', custom?.from, custom?.to], queryFn: () => call('reports.range', custom!), enabled: !!custom })
  const report = custom ? range.data : month
  const error = dashboard.error ?? range.error

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="dashboard-screen">
      <Card
        size="small"
        title={
          <Space>
            {t('reports.title')}
            {dashboard.data && <Typography.Text type="secondary">{t('reports.today', { date: dashboard.data.today })}</Typography.Text>}
          </Space>
        }
        extra={
          <Button size="small" icon={<ReloadOutlined />} onClick={() => void dashboard.refetch().then(() => custom && range.refetch())} data-testid="dashboard-refresh" />
        }
      >
        {error && <Alert type="error" showIcon title={errorText(error, t)} style={{ marginBottom: 8 }} />}
        {dashboard.data ? <Tiles data={dashboard.data} /> : <Spin />}
      </Card>
      <OverdueComplaints />
      {dashboard.data && <RangePicker today={dashboard.data.today} current={custom ?? { from: dashboard.data.month.from, to: dashboard.data.month.to }} onChange={setSpan} />}
      {report ? (
        <>
          <Space>
            <Typography.Text strong data-testid="report-period">
              {t('reports.period', { from: report.from, to: report.to, days: report.days })}
            </Typography.Text>
            <ExportButton report={report} table="all" />
          </Space>
          <DashboardCharts report={report} />
          <ReportsTables report={report} />
        </>
      ) : (
        (dashboard.isPending || range.isPending) && <Spin />
      )}
    </Space>
  )
}

function Tiles({ data }: { data: DashboardData }): React.JSX.Element {
  const t = useT()
  const tile = (key: string, value: React.ReactNode, extra?: React.ReactNode, danger = false) => (
    <Col xs={12} lg={6}>
      <Card size="small" data-testid={`tile-${key}`}>
        <Statistic title={t(`reports.tile.${key}`)} value={value as string} valueStyle={danger ? { color: '#cf1322' } : undefined} />
        {extra && <Typography.Text type="secondary">{extra}</Typography.Text>}
      </Card>
    </Col>
  )
  const x = data.tiles
  return (
    <Row gutter={[12, 12]}>
      {tile('inShop', x.inShop)}
      {tile('overdue', x.overdue, undefined, x.overdue > 0)}
      {tile('uncollected', x.uncollected)}
      {tile(
        'takings',
        formatMoney(x.takingsFen),
        <>
          {t('reports.tile.takingsCount', { n: x.takingsCount })}
          {x.takingsByMethod.map((m) => ` · ${t(`payment.${m.method}`)} ${formatMoney(m.amountFen)}`).join('')}
        </>
      )}
    </Row>
  )
}

/** Complaints past their response or second-follow-up date (首问负责: who owns each). */
function OverdueComplaints(): React.JSX.Element | null {
  const t = useT()
  const overdue = useQuery({ queryKey: ['complaints.overdue'], queryFn: () => call('complaints.overdue', {}) })
  if (!overdue.data?.length) return null
  return (
    <Card size="small" title={<Typography.Text type="danger">{t('reports.overdueComplaints', { n: overdue.data.length })}</Typography.Text>} data-testid="dashboard-overdue-complaints">
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={overdue.data}
        columns={[
          { title: t('reports.complaint.no'), dataIndex: 'complaintNo', key: 'no' },
          { title: t('reports.complaint.status'), key: 'status', render: (c: { status: string }) => <Tag>{t(`complaints.status.${c.status}`)}</Tag> },
          { title: t('reports.complaint.customer'), dataIndex: 'customerName', key: 'customer' },
          { title: t('reports.complaint.owner'), dataIndex: 'ownerName', key: 'owner' },
          { title: t('reports.complaint.due'), key: 'due', render: (c: { dueDate: string; workingDaysOverdue: number }) => <Typography.Text type="danger">{c.dueDate} (+{c.workingDaysOverdue})</Typography.Text> }
        ]}
      />
    </Card>
  )
}

function RangePicker({ today, current, onChange }: { today: string; current: Span; onChange: (s: Span) => void }): React.JSX.Element {
  const t = useT()
  const [text, setText] = useState<Span>(current)
  const [problem, setProblem] = useState<string | null>(null)
  const monthStart = `${today.slice(0, 8)}01`
  const presets: [string, Span][] = [
    ['thisMonth', { from: monthStart, to: today }],
    ['lastMonth', { from: addMonths(monthStart, -1), to: addDays(monthStart, -1) }],
    ['last30', { from: addDays(today, -29), to: today }],
    ['thisYear', { from: `${today.slice(0, 4)}-01-01`, to: today }]
  ]
  const pick = (s: Span) => {
    setText(s)
    setProblem(null)
    onChange(s)
  }
  const apply = () => {
    const from = readTypedDate(text.from, {}, true)
    const to = readTypedDate(text.to, {}, true)
    const bad = [from, to].find((r) => !r.ok)
    if (bad && !bad.ok) return setProblem(bad.message)
    const span = { from: from.ok ? from.date! : '', to: to.ok ? to.date! : '' }
    const checked = ReportRange.safeParse(span)
    if (!checked.success) return setProblem(checked.error.issues[0].message)
    pick(span)
  }
  const message = problem ? splitMessage(problem) : null
  return (
    <Card size="small">
      <Space wrap>
        <Typography.Text>{t('reports.range')}</Typography.Text>
        {presets.map(([key, s]) => (
          <Button key={key} size="small" type={s.from === current.from && s.to === current.to ? 'primary' : 'default'} onClick={() => pick(s)} data-testid={`range-${key}`}>
            {t(`reports.${key}`)}
          </Button>
        ))}
        <DateInput id="report-from" aria-label={`${t('reports.range')} ≥`} style={{ width: 150 }} value={text.from} onChange={(v) => setText((s) => ({ ...s, from: v }))} />
        <span>–</span>
        <DateInput id="report-to" aria-label={`${t('reports.range')} ≤`} style={{ width: 150 }} value={text.to} onChange={(v) => setText((s) => ({ ...s, to: v }))} onEnter={apply} />
        <Button type="primary" size="small" onClick={apply} data-testid="range-apply">
          {t('reports.apply')}
        </Button>
        {message && (
          <Typography.Text type="danger" role="alert" data-testid="range-error">
            {t(message.key, message.params)}
          </Typography.Text>
        )}
      </Space>
    </Card>
  )
}
