import { useRef, useState } from 'react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Alert, App, Button, Dropdown, Modal, Table, Typography } from 'antd'
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons'
import type { CsvImportReport, CsvProblem } from '@shared/contract/warehouse/catalogue'
import { call } from '../api/client'
import { useT } from '../app/i18n'
import { errorText } from '../app/session'
import { downloadFile } from '../ui/download'
import { readAsBase64 } from './PartFiles'

/** Import: pick a file -> main checks every row; a report of the bad rows (nothing imported) or what was imported. */
export function CsvImportButton(): React.JSX.Element {
  const t = useT()
  const qc = useQueryClient()
  const { message } = App.useApp()
  const input = useRef<HTMLInputElement>(null)
  const [report, setReport] = useState<CsvImportReport | null>(null)
  const run = useMutation({
    mutationFn: async (file: File) => call('warehouse.parts.importCsv', { fileName: file.name, base64: await readAsBase64(file) }),
    onSuccess: (r) => {
      setReport(r)
      if (r.ok) void qc.invalidateQueries({ queryKey: ['warehouse.parts.search'] })
    },
    onError: (e) => message.error(errorText(e, t))
  })
  return (
    <>
      <input
        ref={input}
        type="file"
        accept=".csv,text/csv"
        hidden
        data-testid="csv-file"
        onChange={(e) => {
          const file = e.target.files?.[0]
          e.target.value = ''
          if (file) run.mutate(file)
        }}
      />
      <Button icon={<UploadOutlined />} onClick={() => input.current?.click()} loading={run.isPending} data-testid="csv-import">
        {t('warehouse.csv.import')}
      </Button>
      {report && <CsvReport report={report} onClose={() => setReport(null)} />}
    </>
  )
}

function CsvReport({ report, onClose }: { report: CsvImportReport; onClose: () => void }): React.JSX.Element {
  const t = useT()
  const columns = [
    { title: t('warehouse.csv.row'), dataIndex: 'row', key: 'row', width: 60 },
    { title: t('warehouse.csv.column'), dataIndex: 'column', key: 'column', width: 120 },
    { title: t('warehouse.csv.problem'), dataIndex: 'message', key: 'message' }
  ]
  return (
    <Modal open title={t('warehouse.csv.import')} onCancel={onClose} onOk={onClose} cancelButtonProps={{ style: { display: 'none' } }} width={640}>
      {report.ok ? (
        <Alert type="success" showIcon title={<span data-testid="csv-result">{t('warehouse.csv.imported', { rows: report.rows, created: report.created, updated: report.updated, unchanged: report.unchanged })}</span>} />
      ) : (
        <>
          <Alert type="error" showIcon title={<span data-testid="csv-result">{t('warehouse.csv.rejected')}</span>} className="mb8" />
          <Table<CsvProblem>
            size="small"
            rowKey={(p) => `${p.row}|${p.column}|${p.message}`}
            columns={columns}
            dataSource={report.problems}
            pagination={false}
            scroll={{ y: 360 }}
            data-testid="csv-problems"
          />
          {report.moreProblems > 0 && <Typography.Text type="secondary">{t('warehouse.csv.moreProblems', { n: report.moreProblems })}</Typography.Text>}
        </>
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {t('warehouse.csv.encoding', { encoding: report.encoding.toUpperCase() })} · {t('warehouse.csv.help')}
      </Typography.Paragraph>
    </Modal>
  )
}

export function CsvExportButton(): React.JSX.Element {
  const t = useT()
  const { message } = App.useApp()
  const run = useMutation({
    mutationFn: (encoding: 'utf-8' | 'gb18030') => call('warehouse.parts.exportCsv', { encoding }),
    onSuccess: downloadFile,
    onError: (e) => message.error(errorText(e, t))
  })
  return (
    <Dropdown
      menu={{
        items: [
          { key: 'utf-8', label: <span data-testid="csv-export-utf8">{t('warehouse.csv.exportUtf8')}</span> },
          { key: 'gb18030', label: <span data-testid="csv-export-gb">{t('warehouse.csv.exportGb')}</span> }
        ],
        onClick: ({ key }) => run.mutate(key as 'utf-8' | 'gb18030')
      }}
    >
      <Button icon={<DownloadOutlined />} loading={run.isPending} data-testid="csv-export">
        {t('warehouse.csv.export')}
      </Button>
    </Dropdown>
  )
}
