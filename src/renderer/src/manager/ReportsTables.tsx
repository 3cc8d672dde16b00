import { useMutation } from '@tanstack/react-query'
import { App, Button, Card, Col, Row, Table, Typography } from 'antd'
import { FileExcelOutlined } from '@ant-design/icons'
import { REPORT_TOP_PARTS, type FollowupRate, type RangeReport, type ReportTable } from '@shared/contract/reports'
import { formatMoney, formatYuan } from '@shared/domain/money'
import { call } from '../api/client'
import { useT } from '../app/i18n'
import { errorText } from '../app/session'
import { downloadFile } from '../ui/download'

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`)

/** "2 天 5 小时" from hours; under a day just hours. */
export function useDuration(): (hours: number | null) => string {
  const t = useT()
  return (hours) => {
    if (hours === null) return '—'
    const d = Math.floor(hours / 24)
    const h = Math.round((hours - d * 24) * 10) / 10
    return d ? t('reports.duration', { d, h }) : t('reports.hours', { h })
  }
}

export function ExportButton({ report, table }: { report: RangeReport; table: ReportTable | 'all' }): React.JSX.Element {
  const t = useT()
  const { message } = App.useApp()
  const exp = useMutation({
    mutationFn: () => call('reports.export', { from: report.from, to: report.to, table }),
    onSuccess: (file) => {
      downloadFile(file)
      message.success(t('reports.exported', { file: file.fileName }))
    },
    onError: (e) => message.error(errorText(e, t))
  })
  return (
    <Button size="small" icon={<FileExcelOutlined />} loading={exp.isPending} onClick={() => exp.mutate()} data-testid={`report-export-${table}`}>
      {t(table === 'all' ? 'reports.exportAll' : 'reports.export')}
    </Button>
  )
}

/** Every table of the range report, each with its own xlsx export. */
export function ReportsTables({ report }: { report: RangeReport }): React.JSX.Element {
  const t = useT()
  const duration = useDuration()
  const col = (k: string) => t(`reports.col.${k}`)
  const card = (title: string, table: ReportTable, children: React.ReactNode, span = 12) => (
    <Col xs={24} xl={span}>
      <Card size="small" title={title} extra={<ExportButton report={report} table={table} />} data-testid={`report-table-${table}`}>
        {children}
      </Card>
    </Col>
  )
  const rate = (key: string, label: string, f: FollowupRate) => ({
    key,
    measure: label,
    rate: f.available ? pct(f.rate) : t('reports.noDataYet'),
    numerator: f.available ? f.numerator : '—',
    denominator: f.available ? f.denominator : '—',
    target: f.available && f.target !== null ? pct(f.target) : '—'
  })
  return (
    <Row gutter={[12, 12]}>
      {card(
        t('reports.section.serviceTypes'),
        'serviceTypes',
        <Table
          size="small"
          pagination={false}
          rowKey="serviceType"
          dataSource={report.serviceTypes}
          columns={[
            { title: col('serviceType'), dataIndex: 'serviceType', render: (s: string) => t(`service.${s}`) },
            { title: col('received'), dataIndex: 'received', align: 'right' },
            { title: col('pickedUp'), dataIndex: 'pickedUp', align: 'right' },
            { title: col('revenue'), dataIndex: 'revenueFen', align: 'right', render: (v: number) => formatYuan(v) }
          ]}
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>
                <b>{t('reports.total')}</b>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                {report.totals.received}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">
                {report.totals.pickedUp}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right">
                <b data-testid="report-revenue-total">{formatYuan(report.totals.revenueFen)}</b>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          )}
        />
      )}
      {card(
        t('reports.section.turnaround'),
        'turnaround',
        <Table
          size="small"
          pagination={false}
          rowKey="key"
          dataSource={[{ key: 'all', label: t('reports.all'), ...report.turnaround.all }, ...report.turnaround.byServiceType.map((s) => ({ key: s.serviceType, label: t(`service.${s.serviceType}`), ...s }))]}
          columns={[
            { title: col('serviceType'), dataIndex: 'label' },
            { title: col('count'), dataIndex: 'count', align: 'right' },
            { title: col('median'), dataIndex: 'medianHours', align: 'right', render: duration },
            { title: col('p90'), dataIndex: 'p90Hours', align: 'right', render: duration }
          ]}
        />
      )}
      {card(
        t('reports.section.technicians'),
        'technicians',
        <Table
          size="small"
          pagination={false}
          rowKey="userId"
          dataSource={report.technicians}
          locale={{ emptyText: t('reports.noData') }}
          columns={[
            { title: col('technician'), dataIndex: 'name' },
            { title: col('finished'), dataIndex: 'finished', align: 'right' },
            { title: col('labourMinutes'), dataIndex: 'labourMinutes', align: 'right' },
            { title: col('labourValue'), dataIndex: 'labourFen', align: 'right', render: (v: number) => formatYuan(v) },
            { title: col('qcChecked'), dataIndex: 'qcChecked', align: 'right' },
            { title: col('qcFailed'), dataIndex: 'qcFailed', align: 'right' },
            { title: col('qcFailRate'), dataIndex: 'qcFailRate', align: 'right', render: pct }
          ]}
        />
      )}
      {card(
        t('reports.section.rates'),
        'rates',
        <Table
          size="small"
          pagination={false}
          rowKey="key"
          dataSource={[
            {
              key: 'comeback',
              measure: t('reports.rate.comeback'),
              rate: report.comeback.pickedUp ? pct(report.comeback.rate) : '—',
              numerator: report.comeback.comebacks,
              denominator: report.comeback.pickedUp,
              target: '—'
            },
            rate('satisfaction', t('reports.rate.satisfaction'), report.satisfaction),
            rate('complaints', t('reports.rate.complaints'), report.complaints)
          ]}
          columns={[
            { title: col('measure'), dataIndex: 'measure' },
            { title: col('rate'), dataIndex: 'rate', align: 'right', render: (v: string, r) => <span data-testid={`report-rate-${r.key}`}>{v}</span> },
            { title: col('numerator'), dataIndex: 'numerator', align: 'right' },
            { title: col('denominator'), dataIndex: 'denominator', align: 'right' },
            { title: col('target'), dataIndex: 'target', align: 'right' }
          ]}
        />
      )}
      {card(
        t('reports.section.parts', { n: REPORT_TOP_PARTS }),
        'parts',
        <>
          <Table
            size="small"
            pagination={false}
            rowKey="partId"
            dataSource={report.parts.top}
            locale={{ emptyText: t('reports.noData') }}
            columns={[
              { title: col('sku'), dataIndex: 'sku', width: 130 },
              { title: col('part'), dataIndex: 'name' },
              { title: col('qty'), dataIndex: 'qty', align: 'right' },
              { title: col('value'), dataIndex: 'valueFen', align: 'right', render: (v: number) => formatYuan(v) }
            ]}
          />
          <Typography.Text type="secondary" data-testid="report-parts-total">
            {t('reports.partsTotal', { parts: report.parts.partCount, qty: report.parts.totalQty, value: formatMoney(report.parts.totalValueFen) })}
          </Typography.Text>
        </>
      )}
      {card(
        t('reports.section.perDay'),
        'perDay',
        <Table
          size="small"
          rowKey="date"
          dataSource={report.perDay}
          pagination={{ pageSize: 10, hideOnSinglePage: true, size: 'small' }}
          columns={[
            { title: col('date'), dataIndex: 'date' },
            { title: col('received'), dataIndex: 'received', align: 'right' },
            { title: col('pickedUp'), dataIndex: 'pickedUp', align: 'right' },
            { title: col('revenue'), dataIndex: 'revenueFen', align: 'right', render: (v: number) => formatYuan(v) }
          ]}
        />
      )}
    </Row>
  )
}
