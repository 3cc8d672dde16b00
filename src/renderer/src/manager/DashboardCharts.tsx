import ReactEChartsCore from 'echarts-for-react/lib/core'
import * as echarts from 'echarts/core'
import { BarChart, LineChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'
import { Card, Col, Row } from 'antd'
import type { RangeReport } from '@shared/contract/reports'
import { useT } from '../app/i18n'

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, CanvasRenderer])

const HEIGHT = 260
const yuan = (fen: number) => Math.round(fen) / 100

function Chart({ option, testId }: { option: echarts.EChartsCoreOption; testId: string }): React.JSX.Element {
  return (
    <div data-testid={testId}>
      <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: HEIGHT }} opts={{ renderer: 'canvas' }} />
    </div>
  )
}

/** The four charts of the dashboard: revenue by service type, orders per day, turnaround, technicians. */
export function DashboardCharts({ report }: { report: RangeReport }): React.JSX.Element {
  const t = useT()
  const grid = { left: 56, right: 24, top: 36, bottom: 32 }
  const revenue: echarts.EChartsCoreOption = {
    tooltip: { trigger: 'axis' },
    grid,
    xAxis: { type: 'category', data: report.serviceTypes.map((s) => t(`service.${s.serviceType}`)) },
    yAxis: { type: 'value', name: '¥' },
    series: [{ type: 'bar', name: t('reports.col.revenue'), data: report.serviceTypes.map((s) => yuan(s.revenueFen)), barMaxWidth: 48, label: { show: true, position: 'top' } }]
  }
  const perDay: echarts.EChartsCoreOption = {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid,
    xAxis: { type: 'category', data: report.perDay.map((d) => d.date.slice(5)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { type: 'bar', name: t('reports.col.received'), data: report.perDay.map((d) => d.received) },
      { type: 'line', name: t('reports.col.pickedUp'), data: report.perDay.map((d) => d.pickedUp) }
    ]
  }
  const turnaround: echarts.EChartsCoreOption = {
    tooltip: { trigger: 'axis' },
    grid,
    xAxis: { type: 'category', data: report.turnaround.histogram.map((b) => t('reports.bucket', { b: b.bucket })) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', name: t('reports.col.count'), data: report.turnaround.histogram.map((b) => b.count), barMaxWidth: 40 }]
  }
  const techs = report.technicians
  const technicians: echarts.EChartsCoreOption = {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { ...grid, right: 56 },
    xAxis: { type: 'category', data: techs.map((x) => x.name) },
    yAxis: [
      { type: 'value', minInterval: 1, name: t('reports.col.finished') },
      { type: 'value', name: '¥', position: 'right' }
    ],
    series: [
      { type: 'bar', name: t('reports.col.finished'), data: techs.map((x) => x.finished), barMaxWidth: 40 },
      { type: 'bar', name: t('reports.col.labourValue'), yAxisIndex: 1, data: techs.map((x) => yuan(x.labourFen)), barMaxWidth: 40 }
    ]
  }
  const card = (title: string, option: echarts.EChartsCoreOption, testId: string) => (
    <Col xs={24} xl={12}>
      <Card size="small" title={title}>
        <Chart option={option} testId={testId} />
      </Card>
    </Col>
  )
  return (
    <Row gutter={[12, 12]}>
      {card(t('reports.chart.revenue'), revenue, 'chart-revenue')}
      {card(t('reports.chart.perDay'), perDay, 'chart-per-day')}
      {card(t('reports.chart.turnaround'), turnaround, 'chart-turnaround')}
      {card(t('reports.chart.technicians'), technicians, 'chart-technicians')}
    </Row>
  )
}
