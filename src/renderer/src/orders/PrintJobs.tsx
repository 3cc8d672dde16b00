import { useEffect, useState } from 'react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Alert, App, Button, Card, Space, Table, Tag, Typography } from 'antd'
import { CheckOutlined, PrinterOutlined, RedoOutlined } from '@ant-design/icons'
import type { Role } from '@shared/contract'
import type { PrintJobView } from '@shared/contract/printing'
import { call } from '../api/client'
import { canCall } from '../app/access'
import { useT } from '../app/i18n'
import { errorText, useSettings } from '../app/session'
import { PRINTER_STATUS_KEY, usePrinterStatus } from '../app/PrinterIndicator'
import { localDateTime } from '@shared/domain/dates'
import { isOpen, JOB_COLOR, jobError, needsLook, notPrinted } from '../ui/jobs'
import { PdfButton } from './PdfButton'

/**
 * The order's print jobs: polled while any waits, with why it waits (paper out, cover open...);
 * a job sent but not confirmed by the printer asks the clerk to look: "It printed" or "Reprint" (marked).
 */
export function PrintJobs({ orderId, role }: { orderId: number; role: Role | undefined }): React.JSX.Element {
  const t = useT()
  const qc = useQueryClient()
  const { message } = App.useApp()
  const [pdfPath, setPdfPath] = useState<string | null>(null)
  const tz = useSettings().data?.timeZone ?? 'Asia/Shanghai'
  const printer = usePrinterStatus()
  const jobs = useQuery({
    queryKey: ['printing.jobs', orderId],
    queryFn: () => call('printing.jobs', { orderId }),
    refetchInterval: (q) => (q.state.data?.some(isOpen) ? 2_000 : false)
  })
  // When a job settles, the top bar's pending count must follow at once, not at its next poll.
  const jobStates = jobs.data?.map((j) => j.status).join() ?? ''
  useEffect(() => {
    if (jobStates) void qc.invalidateQueries({ queryKey: PRINTER_STATUS_KEY })
  }, [jobStates, qc])
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: ['printing.jobs', orderId] })
    void qc.invalidateQueries({ queryKey: ['printing.preview', orderId] })
    void qc.invalidateQueries({ queryKey: PRINTER_STATUS_KEY })
  }
  const onError = (e: unknown) => message.error(errorText(e, t))
  const retry = useMutation({ mutationFn: (jobId: number) => call('printing.retry', { jobId }), onSuccess: refresh, onError })
  const confirm = useMutation({ mutationFn: (jobId: number) => call('printing.confirm', { jobId }), onSuccess: refresh, onError })
  const reprint = useMutation({
    mutationFn: (kind: 'claimTicket' | 'deviceTag') => call('printing.reprint', { orderId, kind }),
    onSuccess: refresh,
    onError
  })
  const list = jobs.data ?? []
  const waiting = list.filter((j) => j.status === 'pending')
  const unconfirmed = list.filter(needsLook)
  // Why the oldest waiting job waits, as the queue last found it (else what the printer says now)
  const waitReason = waiting.find((j) => j.lastError) ? jobError(waiting.find((j) => j.lastError)!, t) : null
  const printerState = printer.data?.state
  // Not reachable at all; a printer that answers with a fault (paper out...) is not "down": its reason shows
  const printerDown = printerState === 'offline' || printerState === 'disabled'
  const mayPrint = canCall(role, 'printing.retry')
  const retryAll = (js: PrintJobView[]) => js.forEach((j) => retry.mutate(j.id))

  const columns = [
    {
      title: t('ui.job.kind'),
      key: 'kind',
      render: (j: PrintJobView) => (
        <>
          {t(`ui.job.kind.${j.kind}`)}
          {j.reprintNo > 0 && <Tag className="ml4">{t('receipt.reprint', { n: j.reprintNo })}</Tag>}
        </>
      )
    },
    {
      title: t('ui.job.status'),
      key: 'status',
      render: (j: PrintJobView) => (
        <Tag color={notPrinted(j) ? 'default' : JOB_COLOR[j.status]} data-testid={`job-status-${j.id}`} data-status={j.status}>
          {t(notPrinted(j) ? 'ui.job.status.notPrinted' : `ui.job.status.${j.status}`)}
        </Tag>
      )
    },
    {
      title: t('ui.job.detail'),
      key: 'detail',
      render: (j: PrintJobView) => (
        <Typography.Text type={j.status === 'done' ? 'secondary' : 'danger'} data-testid={`job-error-${j.id}`}>
          {jobError(j, t) ?? ''}
        </Typography.Text>
      )
    },
    { title: t('ui.job.time'), key: 'time', render: (j: PrintJobView) => localDateTime(j.printedAt ?? j.createdAt, tz).slice(5) },
    {
      title: '',
      key: 'actions',
      render: (j: PrintJobView) => {
        if (!mayPrint) return null
        if (needsLook(j))
          return (
            <Space size={4}>
              <Button size="small" type="primary" icon={<CheckOutlined />} onClick={() => confirm.mutate(j.id)} loading={confirm.isPending && confirm.variables === j.id} data-testid={`job-confirm-${j.id}`}>
                {t('ui.job.confirm')}
              </Button>
              <Button size="small" icon={<PrinterOutlined />} onClick={() => retry.mutate(j.id)} loading={retry.isPending && retry.variables === j.id} data-testid={`job-reprint-${j.id}`}>
                {t('ui.job.reprintMarked')}
              </Button>
            </Space>
          )
        return j.status === 'pending' ? (
          <Button size="small" icon={<RedoOutlined />} onClick={() => retry.mutate(j.id)} data-testid={`job-retry-${j.id}`}>
            {t('ui.job.retry')}
          </Button>
        ) : null
      }
    }
  ]

  return (
    <Card
      size="small"
      title={t('ui.order.printing')}
      className="jobs-card"
      extra={
        <Space size="small" wrap>
          {/* Without an enabled printer a reprint would only wait in the queue: the PDF is the way then. */}
          {canCall(role, 'printing.reprint') && printerState !== 'disabled' && (
            <>
              <Button size="small" icon={<PrinterOutlined />} onClick={() => reprint.mutate('claimTicket')} loading={reprint.isPending && reprint.variables === 'claimTicket'} data-testid="reprint-ticket">
                {t('ui.job.reprintTicket')}
              </Button>
              <Button size="small" icon={<PrinterOutlined />} onClick={() => reprint.mutate('deviceTag')} loading={reprint.isPending && reprint.variables === 'deviceTag'} data-testid="reprint-tag">
                {t('ui.job.reprintTag')}
              </Button>
            </>
          )}
          {canCall(role, 'printing.ticketPdf') && <PdfButton orderId={orderId} onSaved={setPdfPath} />}
        </Space>
      }
    >
      {waiting.length > 0 && !printerDown && (waitReason || printerState === 'error') && (
        <Alert
          type="warning"
          showIcon
          className="mb8"
          title={<span data-testid="print-waiting-notice">{t('ui.job.waitingNotice', { reason: waitReason ?? printer.data?.detail ?? '' })}</span>}
          action={mayPrint && <Button size="small" onClick={() => retryAll(waiting)} data-testid="retry-all">{t('ui.job.retry')}</Button>}
        />
      )}
      {waiting.length > 0 && printerDown && (
        <Alert
          type="warning"
          showIcon
          className="mb8"
          title={<span data-testid="printer-offline-notice">{t(printer.data?.state === 'disabled' ? 'ui.job.printerDisabled' : 'ui.job.printerOffline')}</span>}
          description={printer.data?.state === 'disabled' ? undefined : printer.data?.detail}
          action={mayPrint && <Button size="small" onClick={() => retryAll(waiting)} data-testid="retry-all">{t('ui.job.retry')}</Button>}
        />
      )}
      {list.length === 0 && printerState === 'disabled' && (
        <Alert type="info" showIcon className="mb8" title={<span data-testid="no-printer-notice">{t('ui.job.noPrinter')}</span>} />
      )}
      {unconfirmed.length > 0 && (
        <Alert type="error" showIcon className="mb8" title={<span data-testid="print-unconfirmed-notice">{t('ui.job.unconfirmedNotice', { count: unconfirmed.length })}</span>} />
      )}
      {pdfPath && (
        <Alert
          type="success"
          showIcon
          className="mb8"
          closable={{ onClose: () => setPdfPath(null) }}
          title={<Typography.Text copyable={{ text: pdfPath }} data-testid="pdf-path">{t('ui.job.pdfSaved', { path: pdfPath })}</Typography.Text>}
        />
      )}
      <Table size="small" rowKey="id" pagination={false} loading={jobs.isPending} dataSource={list} columns={columns} data-testid="print-jobs" locale={{ emptyText: t('ui.job.none') }} />
    </Card>
  )
}
