import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query'
import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Row, Table, Typography } from 'antd'
import { DeleteOutlined, FilePdfOutlined } from '@ant-design/icons'
import { MOVES_PAGE, ReceiptInput, type ReceiptView } from '@shared/contract/warehouse/moves'
import type { PartDetail } from '@shared/contract/warehouse/catalogue'
import { formatMoney, formatYuan, parseYuan } from '@shared/domain/money'
import { localDateTime } from '@shared/domain/dates'
import { useState } from 'react'
import { call } from '../api/client'
import { useT } from '../app/i18n'
import { errorText, useSettings } from '../app/session'
import { Field } from '../ui/Field'
import { useForm } from '../ui/useForm'
import { fieldId, validate } from '../ui/validation'
import { downloadFile } from '../ui/download'
import { PartPicker } from './MovesCommon'

interface LineValues {
  partId: number
  sku: string
  name: string
  deliveredQty: number | null
  acceptedQty: number | null
  /** Yuan as typed ("36.50"). */
  unitCost: string
  rejectReason: string
}
interface ReceiptValues {
  supplier: string
  supplierDocNo: string
  note: string
  lines: LineValues[]
}
const EMPTY: ReceiptValues = { supplier: '', supplierDocNo: '', note: '', lines: [] }

const toInput = (v: ReceiptValues) => ({
  supplier: v.supplier,
  supplierDocNo: v.supplierDocNo,
  note: v.note,
  lines: v.lines.map((l) => ({
    partId: l.partId,
    deliveredQty: l.deliveredQty ?? undefined,
    acceptedQty: l.acceptedQty ?? undefined,
    unitCostFen: l.unitCost.trim() === '' ? undefined : (parseYuan(l.unitCost) ?? Number.NaN),
    rejectReason: l.rejectReason
  }))
})

/** 入库: a supplier's delivery checked line by line; only accepted quantities go on the shelf. */
export function ReceiptsTab(): React.JSX.Element {
  const t = useT()
  const qc = useQueryClient()
  const { message } = App.useApp()
  const tz = useSettings().data?.timeZone ?? 'Asia/Shanghai'
  const [saved, setSaved] = useState<ReceiptView | null>(null)
  const form = useForm<ReceiptValues>(EMPTY, (v) => validate(ReceiptInput, toInput(v), t).errors, { schema: ReceiptInput })
  const { values, set, text, error } = form
  const list = useInfiniteQuery({
    queryKey: ['warehouse.receipts.list'],
    queryFn: ({ pageParam }) => call('warehouse.receipts.list', { beforeId: pageParam }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => (last.length === MOVES_PAGE ? last[last.length - 1].id : undefined)
  })

  const addPart = (d: PartDetail) => {
    const at = values.lines.findIndex((l) => l.partId === d.part.id)
    if (at >= 0) {
      // Scanning the same part again: one more delivered (and accepted).
      const l = values.lines[at]
      set(`lines.${at}`, { ...l, deliveredQty: (l.deliveredQty ?? 0) + 1, acceptedQty: (l.acceptedQty ?? 0) + 1 })
      return
    }
    const line: LineValues = { partId: d.part.id, sku: d.part.sku, name: d.part.name, deliveredQty: 1, acceptedQty: 1, unitCost: d.part.avgCostFen ? formatYuan(d.part.avgCostFen) : '', rejectReason: '' }
    set('lines', [...values.lines, line])
  }

  const save = useMutation({
    mutationFn: () => call('warehouse.receipts.create', toInput(values) as ReceiptInput),
    onSuccess: (r) => {
      message.success(t('warehouse.receipt.saved', { receiptNo: r.receiptNo }))
      setSaved(r)
      form.reset(EMPTY)
      void qc.invalidateQueries({ queryKey: ['warehouse.receipts.list'] })
      void qc.invalidateQueries({ queryKey: ['warehouse.parts.search'] })
    },
    onError: (e) => {
      if (!form.showServerErrors(e)) message.error(errorText(e, t))
    }
  })
  const pdf = useMutation({
    mutationFn: (receiptId: number) => call('warehouse.receipts.pdf', { receiptId }),
    onSuccess: (r) => downloadFile(r),
    onError: (e) => message.error(errorText(e, t))
  })

  const lineField = (i: number, key: keyof LineValues) => `lines.${i}.${key === 'unitCost' ? 'unitCostFen' : key}`
  const qtyInput = (i: number, key: 'deliveredQty' | 'acceptedQty') => (
    <Field path={lineField(i, key)} error={error(lineField(i, key))}>
      <InputNumber
        id={fieldId(lineField(i, key))}
        min={0}
        precision={0}
        value={values.lines[i][key]}
        onChange={(n) => set(`lines.${i}.${key}`, n, true, lineField(i, key))}
        style={{ width: 80 }}
      />
    </Field>
  )

  return (
    <Row gutter={16}>
      <Col xs={24} xl={15}>
        <Card title={t('warehouse.receipt.new')} size="small" data-testid="receipt-form">
          <Form layout="vertical" component="div">
            <Row gutter={12}>
              <Col span={12}>
                <Field path="supplier" label={t('warehouse.receipt.supplier')} error={error('supplier')} required>
                  <Input {...text('supplier')} />
                </Field>
              </Col>
              <Col span={12}>
                <Field path="supplierDocNo" label={t('warehouse.receipt.supplierDocNo')} error={error('supplierDocNo')} required>
                  <Input {...text('supplierDocNo')} />
                </Field>
              </Col>
            </Row>
            <Field path="lines" label={t('warehouse.receipt.addLine')} error={error('lines')} extra={t('warehouse.receipt.scanHint')}>
              <PartPicker testId="receipt-part" onPick={addPart} id={fieldId('lines')} />
            </Field>
            <Table
              size="small"
              rowKey="partId"
              pagination={false}
              dataSource={values.lines}
              data-testid="receipt-lines"
              columns={[
                { title: t('warehouse.receipt.part'), render: (_, l) => <span><b>{l.sku}</b> {l.name}</span> },
                { title: t('warehouse.receipt.delivered'), render: (_, _l, i) => qtyInput(i, 'deliveredQty') },
                { title: t('warehouse.receipt.accepted'), render: (_, _l, i) => qtyInput(i, 'acceptedQty') },
                {
                  title: t('warehouse.receipt.rejected'),
                  render: (_, l) => <span data-testid={`receipt-rejected-${l.sku}`}>{Math.max((l.deliveredQty ?? 0) - (l.acceptedQty ?? 0), 0)}</span>
                },
                {
                  title: t('warehouse.receipt.unitCost'),
                  render: (_, _l, i) => (
                    <Field path={lineField(i, 'unitCost')} error={error(lineField(i, 'unitCost'))}>
                      <Input {...text(`lines.${i}.unitCost`, lineField(i, 'unitCost'))} prefix="¥" style={{ width: 110 }} />
                    </Field>
                  )
                },
                {
                  title: t('warehouse.receipt.rejectReason'),
                  render: (_, l, i) => (
                    <Field path={lineField(i, 'rejectReason')} error={error(lineField(i, 'rejectReason'))}>
                      <Input {...text(`lines.${i}.rejectReason`)} disabled={(l.deliveredQty ?? 0) <= (l.acceptedQty ?? 0)} />
                    </Field>
                  )
                },
                {
                  render: (_, _l, i) => (
                    <Button size="small" type="text" icon={<DeleteOutlined />} aria-label={t('warehouse.common.remove')} onClick={() => set('lines', values.lines.filter((_x, j) => j !== i))} />
                  )
                }
              ]}
            />
            <Field path="note" label={t('warehouse.receipt.note')} error={error('note')}>
              <Input {...text('note')} />
            </Field>
            <Button type="primary" loading={save.isPending} onClick={() => form.submit(() => save.mutate())} data-testid="receipt-save">
              {t('warehouse.receipt.save')}
            </Button>
          </Form>
        </Card>
        {saved && (
          <Alert
            style={{ marginTop: 12 }}
            type="success"
            showIcon
            data-testid="receipt-saved"
            message={t('warehouse.receipt.saved', { receiptNo: saved.receiptNo })}
            description={saved.lineViews.map((l) => (
              <div key={l.id}>
                {l.part.sku} {l.part.name}: {t('warehouse.receipt.accepted')} {l.acceptedQty}
                {l.rejectedQty > 0 && ` · ${t('warehouse.receipt.rejected')} ${l.rejectedQty}（${l.rejectReason}）`}
              </div>
            ))}
            action={
              <Button icon={<FilePdfOutlined />} onClick={() => pdf.mutate(saved.id)} loading={pdf.isPending} data-testid="receipt-pdf">
                {t('warehouse.receipt.pdf')}
              </Button>
            }
          />
        )}
      </Col>
      <Col xs={24} xl={9}>
        <Card title={t('warehouse.receipt.recent')} size="small">
          <Table
            size="small"
            rowKey="id"
            loading={list.isLoading}
            dataSource={list.data?.pages.flat() ?? []}
            pagination={false}
            data-testid="receipt-list"
            columns={[
              { title: t('warehouse.receipt.no'), dataIndex: 'receiptNo' },
              {
                title: t('warehouse.receipt.supplier'),
                render: (_, r) => (
                  <span>
                    {r.supplier}
                    <br />
                    <Typography.Text type="secondary">{r.supplierDocNo}</Typography.Text>
                  </span>
                )
              },
              { title: t('warehouse.receipt.at'), render: (_, r) => localDateTime(r.at, tz) },
              { title: t('warehouse.receipt.acceptedFen'), render: (_, r) => formatMoney(r.acceptedFen), align: 'right' },
              { render: (_, r) => <Button size="small" icon={<FilePdfOutlined />} aria-label={t('warehouse.receipt.pdf')} onClick={() => pdf.mutate(r.id)} /> }
            ]}
          />
          {list.hasNextPage && (
            <Button style={{ marginTop: 8 }} onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage} data-testid="receipt-list-more">
              {t('warehouse.parts.more')}
            </Button>
          )}
        </Card>
      </Col>
    </Row>
  )
}
