import { useState } from 'react'
import { useMutation, useQuery } from '@tanstack/react-query'
import { Alert, App, Button, Card, Form, Input, InputNumber, Space, Table, Typography } from 'antd'
import type { PartDetail } from '@shared/contract/warehouse/catalogue'
import { localDateTime } from '@shared/domain/dates'
import { call } from '../api/client'
import { useT } from '../app/i18n'
import { errorText, useSettings } from '../app/session'
import { LocationTag, PartPicker, useCan } from '../warehouse/MovesCommon'
import { RequisitionCard, useRefreshMoves } from '../warehouse/MovesRequisition'

/**
 * The work order's parts: its requisitions (issued, returned, still out), the ledger rows naming
 * it, and a form to request parts while the device is in the shop. When the order is void, the
 * parts issued and not used are offered for return.
 */
export function OrderParts({ orderId }: { orderId: number }): React.JSX.Element | null {
  const t = useT()
  const tz = useSettings().data?.timeZone ?? 'Asia/Shanghai'
  const canSee = useCan('warehouse.orderParts')
  const canRequest = useCan('warehouse.requisitions.create')
  const [requesting, setRequesting] = useState(false)
  const parts = useQuery({ queryKey: ['warehouse.orderParts', orderId], queryFn: () => call('warehouse.orderParts', { orderId }), enabled: canSee })
  const oldParts = useQuery({ queryKey: ['warehouse.oldParts.list', orderId], queryFn: () => call('warehouse.oldParts.list', { orderId }), enabled: canSee })
  if (!canSee || !parts.data) return null
  const v = parts.data
  return (
    <Card
      size="small"
      title={t('warehouse.orderParts.title')}
      style={{ marginTop: 12 }}
      data-testid="order-parts"
      extra={
        canRequest &&
        v.order.inShop &&
        !requesting && (
          <Button size="small" onClick={() => setRequesting(true)} data-testid="order-parts-request">
            {t('warehouse.req.new')}
          </Button>
        )
      }
    >
      {/* Only a voided order's parts are unused: a device handed back took its parts with it. */}
      {v.order.status === 'void' && v.unreturnedQty > 0 && (
        <Alert type="warning" showIcon style={{ marginBottom: 8 }} data-testid="order-parts-return-offer" message={t('warehouse.ret.voidOffer', { n: v.unreturnedQty })} />
      )}
      {requesting && <RequestForm orderId={orderId} onDone={() => setRequesting(false)} />}
      {v.requisitions.length === 0 && !requesting && <Typography.Text type="secondary">{t('warehouse.orderParts.none')}</Typography.Text>}
      <Space direction="vertical" style={{ width: '100%' }}>
        {v.requisitions.map((r) => (
          <RequisitionCard key={r.id} req={r} />
        ))}
      </Space>
      {v.moves.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 12 }}>
            {t('warehouse.orderParts.moves')}
          </Typography.Title>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={v.moves}
            data-testid="order-parts-moves"
            columns={[
              { title: t('warehouse.orderParts.at'), render: (_, m) => localDateTime(m.at, tz) },
              { title: t('warehouse.orderParts.type'), render: (_, m) => `${t(`warehouse.move.${m.docType}`)} ${m.docNo}` },
              { title: t('warehouse.common.part'), render: (_, m) => `${m.sku} ${m.name}` },
              { title: t('warehouse.common.location'), render: (_, m) => <LocationTag location={m.location} /> },
              { title: t('warehouse.orderParts.qty'), dataIndex: 'qty', align: 'right' },
              { title: t('warehouse.orderParts.by'), dataIndex: 'userName' }
            ]}
          />
        </>
      )}
      {!!oldParts.data?.length && (
        <>
          <Typography.Title level={5} style={{ marginTop: 12 }}>
            {t('warehouse.orderParts.oldParts')}
          </Typography.Title>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={oldParts.data}
            data-testid="order-old-parts"
            columns={[
              { title: t('warehouse.op.opNo'), dataIndex: 'opNo' },
              { title: t('warehouse.common.part'), dataIndex: 'partText' },
              { title: t('warehouse.op.faultCode'), dataIndex: 'faultCode' },
              { title: t('warehouse.op.symptom'), dataIndex: 'faultSymptom' },
              { title: t('warehouse.op.technician'), render: (_, o) => o.technician.displayName },
              { title: t('warehouse.op.status'), render: (_, o) => t(`warehouse.op.status.${o.status}`) + (o.batch ? ` ${o.batch.batchNo}` : '') }
            ]}
          />
        </>
      )}
    </Card>
  )
}

interface Line {
  partId: number
  sku: string
  name: string
  qty: number | null
}

function RequestForm({ orderId, onDone }: { orderId: number; onDone: () => void }): React.JSX.Element {
  const t = useT()
  const { message } = App.useApp()
  const refresh = useRefreshMoves()
  const [lines, setLines] = useState<Line[]>([])
  const [note, setNote] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const add = (d: PartDetail) =>
    setLines((ls) => (ls.some((l) => l.partId === d.part.id) ? ls.map((l) => (l.partId === d.part.id ? { ...l, qty: (l.qty ?? 0) + 1 } : l)) : [...ls, { partId: d.part.id, sku: d.part.sku, name: d.part.name, qty: 1 }]))
  const save = useMutation({
    mutationFn: () => call('warehouse.requisitions.create', { orderId, note, lines: lines.map((l) => ({ partId: l.partId, qty: l.qty ?? 0 })) }),
    onSuccess: (r) => {
      message.success(t('warehouse.req.created', { reqNo: r.reqNo }))
      refresh()
      onDone()
    },
    onError: (e) => {
      const fields = (e as { fields?: Record<string, string> }).fields
      if (fields && Object.keys(fields).length) setErrors(fields)
      else message.error(errorText(e, t))
    }
  })
  return (
    <Form layout="vertical" component="div" data-testid="order-parts-form" style={{ marginBottom: 12 }}>
      <Form.Item label={t('warehouse.req.new')} validateStatus={errors.lines ? 'error' : undefined} help={errors.lines}>
        <PartPicker testId="order-parts-part" onPick={add} autoFocus />
      </Form.Item>
      {lines.map((l, i) => (
        <Form.Item key={l.partId} label={`${l.sku} ${l.name}`} validateStatus={errors[`lines.${i}.qty`] || errors[`lines.${i}.partId`] ? 'error' : undefined} help={errors[`lines.${i}.qty`] ?? errors[`lines.${i}.partId`]}>
          <Space>
            <InputNumber min={1} precision={0} value={l.qty} onChange={(n) => setLines((ls) => ls.map((x, j) => (j === i ? { ...x, qty: n } : x)))} data-testid={`order-parts-qty-${l.sku}`} />
            <Button size="small" type="text" onClick={() => setLines((ls) => ls.filter((_x, j) => j !== i))}>
              {t('warehouse.common.remove')}
            </Button>
          </Space>
        </Form.Item>
      ))}
      <Form.Item label={t('warehouse.req.note')} validateStatus={errors.note ? 'error' : undefined} help={errors.note}>
        <Input value={note} onChange={(e) => setNote(e.target.value)} />
      </Form.Item>
      <Space>
        <Button type="primary" disabled={lines.length === 0} loading={save.isPending} onClick={() => save.mutate()} data-testid="order-parts-submit">
          {t('warehouse.req.create')}
        </Button>
        <Button onClick={onDone}>{t('ui.common.cancel')}</Button>
      </Space>
    </Form>
  )
}
