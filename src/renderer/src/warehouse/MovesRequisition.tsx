import { useState } from 'react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Alert, App, Button, Card, Form, Input, InputNumber, Modal, Radio, Space, Table, Tag } from 'antd'
import type { RequisitionLineView, RequisitionView } from '@shared/contract/warehouse/moves'
import type { StockLocation } from '@shared/contract/warehouse/common'
import { localDateTime } from '@shared/domain/dates'
import { call } from '../api/client'
import { useT } from '../app/i18n'
import { errorText, useSettings } from '../app/session'
import { Field } from '../ui/Field'
import { fieldId } from '../ui/validation'
import { useCan } from './MovesCommon'

const STATUS_COLOR = { open: 'blue', done: 'green', cancelled: 'default' } as const

/** Everything that shows a requisition refreshes after an issue, return or cancel. */
export function useRefreshMoves(): () => void {
  const qc = useQueryClient()
  return () => {
    for (const key of ['warehouse.requisitions.list', 'warehouse.requisitions.get', 'warehouse.orderParts', 'warehouse.parts.search']) void qc.invalidateQueries({ queryKey: [key] })
  }
}

/**
 * One requisition: its lines with requested / issued / returned / on the shelf. Warehouse staff
 * issue here (a scan of a part's barcode adds one to that line's "issue now"), return unused parts
 * per line (to the shelf or quarantine), and anyone who may cancel it can.
 */
export function RequisitionCard({ req, onOpenOrder, extra }: { req: RequisitionView; onOpenOrder?: (orderId: number) => void; extra?: React.ReactNode }): React.JSX.Element {
  const t = useT()
  const { message } = App.useApp()
  const tz = useSettings().data?.timeZone ?? 'Asia/Shanghai'
  const refresh = useRefreshMoves()
  const canIssue = useCan('warehouse.requisitions.issue') && req.status === 'open' && req.order.inShop
  const canReturn = useCan('warehouse.returns.create')
  const canCancel = useCan('warehouse.requisitions.cancel') && req.status === 'open'
  const [issueNow, setIssueNow] = useState<Record<number, number>>({})
  const [scan, setScan] = useState('')
  const [issueErrors, setIssueErrors] = useState<Record<string, string>>({})
  const [returning, setReturning] = useState<RequisitionLineView | null>(null)
  const [cancelling, setCancelling] = useState(false)

  const toSend = req.lineViews.map((l) => ({ lineId: l.id, qty: issueNow[l.id] ?? 0 })).filter((l) => l.qty > 0)
  const issue = useMutation({
    mutationFn: () => call('warehouse.requisitions.issue', { requisitionId: req.id, lines: toSend }),
    onSuccess: () => {
      message.success(t('warehouse.req.issued.ok'))
      setIssueNow({})
      setIssueErrors({})
      refresh()
    },
    onError: (e) => {
      const fields = (e as { fields?: Record<string, string> }).fields ?? {}
      // Field paths name the position in the sent list: map them back to the line ids.
      const byLine: Record<string, string> = {}
      for (const [path, msg] of Object.entries(fields)) {
        const m = /^lines\.(\d+)\./.exec(path)
        if (m && toSend[Number(m[1])]) byLine[String(toSend[Number(m[1])].lineId)] = msg
      }
      setIssueErrors(byLine)
      message.error(errorText(e, t))
    }
  })

  const onScan = async () => {
    const code = scan.trim()
    setScan('')
    if (!code) return
    try {
      const found = await call('warehouse.parts.byCode', { code })
      const line = found && req.lineViews.find((l) => l.part.id === found.part.id && (issueNow[l.id] ?? 0) < l.toIssueQty)
      if (!line) {
        message.warning(t('warehouse.req.scanNotOnReq', { code }))
        return
      }
      setIssueNow((n) => ({ ...n, [line.id]: (n[line.id] ?? 0) + 1 }))
    } catch (e) {
      message.error(errorText(e, t))
    }
  }

  return (
    <Card
      size="small"
      data-testid={`req-${req.reqNo}`}
      title={
        <Space wrap>
          <b>{req.reqNo}</b>
          <Tag color={STATUS_COLOR[req.status]}>{t(`warehouse.req.status.${req.status}`)}</Tag>
          {onOpenOrder ? (
            <a onClick={() => onOpenOrder(req.order.id)} data-testid="req-open-order">
              {req.order.orderNo}
            </a>
          ) : (
            req.order.orderNo
          )}
          <span>{req.order.deviceLabel}</span>
          <span style={{ color: '#888' }}>
            {req.requestedBy.displayName} · {localDateTime(req.createdAt, tz)}
          </span>
        </Space>
      }
      extra={
        <Space>
          {extra}
          {canCancel && (
            <Button size="small" onClick={() => setCancelling(true)} data-testid="req-cancel">
              {t('warehouse.req.cancel')}
            </Button>
          )}
        </Space>
      }
    >
      <Form component="div">
      {req.status === 'open' && !req.order.inShop && <Alert type="warning" showIcon message={t('warehouse.req.orderLeft')} style={{ marginBottom: 8 }} />}
      {req.note && <div style={{ marginBottom: 8 }}>{req.note}</div>}
      {req.cancelReason && <div style={{ marginBottom: 8, color: '#888' }}>{req.cancelReason}</div>}
      {canIssue && (
        <Form.Item label={t('warehouse.req.scan')} style={{ marginBottom: 8 }} extra={t('warehouse.req.scanHint')}>
          <Input value={scan} onChange={(e) => setScan(e.target.value)} onPressEnter={() => void onScan()} data-testid="req-scan" autoFocus />
        </Form.Item>
      )}
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={req.lineViews}
        data-testid="req-lines"
        rowClassName={(l) => `req-line-${l.part.sku}`}
        columns={[
          { title: t('warehouse.common.part'), render: (_, l) => <span><b>{l.part.sku}</b> {l.part.name}</span> },
          { title: t('warehouse.req.qty'), dataIndex: 'qty', align: 'right' },
          { title: t('warehouse.req.issued'), dataIndex: 'issuedQty', align: 'right', render: (n: number, l) => <span data-testid={`issued-${l.part.sku}`}>{n}</span> },
          { title: t('warehouse.req.returned'), dataIndex: 'returnedQty', align: 'right' },
          { title: t('warehouse.req.unreturned'), dataIndex: 'unreturnedQty', align: 'right', render: (n: number, l) => <span data-testid={`out-${l.part.sku}`}>{n}</span> },
          ...(canIssue
            ? [
                { title: t('warehouse.req.toIssue'), dataIndex: 'toIssueQty', align: 'right' as const },
                { title: t('warehouse.req.onShelf'), dataIndex: 'mainQty', align: 'right' as const },
                {
                  title: t('warehouse.req.issueNow'),
                  render: (_: unknown, l: RequisitionLineView) => (
                    <Field path={`issue.${l.id}`} error={issueErrors[String(l.id)]}>
                      <InputNumber
                        id={fieldId(`issue.${l.id}`)}
                        data-testid={`issue-now-${l.part.sku}`}
                        min={0}
                        max={l.toIssueQty}
                        precision={0}
                        disabled={l.toIssueQty === 0}
                        value={issueNow[l.id] ?? 0}
                        onChange={(n) => setIssueNow((s) => ({ ...s, [l.id]: n ?? 0 }))}
                        style={{ width: 80 }}
                      />
                    </Field>
                  )
                }
              ]
            : []),
          ...(canReturn
            ? [
                {
                  render: (_: unknown, l: RequisitionLineView) =>
                    l.unreturnedQty > 0 && (
                      <Button size="small" onClick={() => setReturning(l)} data-testid={`return-${l.part.sku}`}>
                        {t('warehouse.ret.return')}
                      </Button>
                    )
                }
              ]
            : [])
        ]}
      />
      {canIssue && (
        <Button type="primary" style={{ marginTop: 8 }} disabled={toSend.length === 0} loading={issue.isPending} onClick={() => issue.mutate()} data-testid="req-issue">
          {t('warehouse.req.issue')}
        </Button>
      )}
      </Form>
      {returning && <ReturnDialog line={returning} onClose={() => setReturning(null)} />}
      {cancelling && <CancelDialog req={req} onClose={() => setCancelling(false)} />}
    </Card>
  )
}

function ReturnDialog({ line, onClose }: { line: RequisitionLineView; onClose: () => void }): React.JSX.Element {
  const t = useT()
  const { message } = App.useApp()
  const refresh = useRefreshMoves()
  const [qty, setQty] = useState<number | null>(line.unreturnedQty === 1 ? 1 : null)
  const [location, setLocation] = useState<StockLocation>('main')
  const [note, setNote] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const save = useMutation({
    mutationFn: () => call('warehouse.returns.create', { lineId: line.id, qty: qty ?? 0, location, note }),
    onSuccess: () => {
      message.success(t('warehouse.ret.done'))
      refresh()
      onClose()
    },
    onError: (e) => {
      const fields = (e as { fields?: Record<string, string> }).fields
      if (fields && Object.keys(fields).length) setErrors(fields)
      else message.error(errorText(e, t))
    }
  })
  return (
    <Modal open title={`${t('warehouse.ret.return')} · ${line.part.sku} ${line.part.name}`} onCancel={onClose} onOk={() => save.mutate()} confirmLoading={save.isPending} okButtonProps={{ id: 'return-ok' }}>
      <Form layout="vertical" component="div" data-testid="return-dialog">
        <Field path="qty" label={`${t('warehouse.ret.qty')} (≤ ${line.unreturnedQty})`} error={errors.qty} required>
          <InputNumber id="qty" min={1} max={line.unreturnedQty} precision={0} value={qty} onChange={(n) => setQty(n)} autoFocus />
        </Field>
        <Field path="location" label={t('warehouse.ret.location')} error={errors.location}>
          <Radio.Group id="location" value={location} onChange={(e) => setLocation(e.target.value)}>
            <Radio value="main">{t('warehouse.location.main')}</Radio>
            <Radio value="quarantine">{t('warehouse.location.quarantine')}</Radio>
          </Radio.Group>
        </Field>
        <Field path="note" label={t('warehouse.ret.note')} error={errors.note}>
          <Input id="note" value={note} onChange={(e) => setNote(e.target.value)} />
        </Field>
      </Form>
    </Modal>
  )
}

function CancelDialog({ req, onClose }: { req: RequisitionView; onClose: () => void }): React.JSX.Element {
  const t = useT()
  const { message } = App.useApp()
  const refresh = useRefreshMoves()
  const [reason, setReason] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const save = useMutation({
    mutationFn: () => call('warehouse.requisitions.cancel', { requisitionId: req.id, reason }),
    onSuccess: () => {
      refresh()
      onClose()
    },
    onError: (e) => {
      const fields = (e as { fields?: Record<string, string> }).fields
      if (fields && Object.keys(fields).length) setErrors(fields)
      else message.error(errorText(e, t))
    }
  })
  return (
    <Modal open title={`${t('warehouse.req.cancel')} ${req.reqNo}`} onCancel={onClose} onOk={() => save.mutate()} confirmLoading={save.isPending}>
      <Form layout="vertical" component="div">
        <Field path="reason" label={t('warehouse.req.cancelReason')} error={errors.reason} required>
          <Input id="reason" value={reason} onChange={(e) => setReason(e.target.value)} autoFocus />
        </Field>
      </Form>
    </Modal>
  )
}
