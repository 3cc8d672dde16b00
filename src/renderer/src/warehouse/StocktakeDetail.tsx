import { useRef, useState } from 'react'
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Alert, App, Button, Card, Descriptions, Input, InputNumber, Space, Statistic, Table, Tag, type InputRef } from 'antd'
import { FilePdfOutlined, ScanOutlined } from '@ant-design/icons'
import type { StockLocation } from '@shared/contract/warehouse/common'
import type { StocktakeLineView, VarianceLine } from '@shared/contract/warehouse/stocktake'
import { formatMoney } from '@shared/domain/money'
import { call } from '../api/client'
import { useT } from '../app/i18n'
import { errorText } from '../app/session'
import { downloadFile } from '../ui/download'
import { signedMoney, StocktakeStatusTag } from './OldPartsCommon'
import { ApproveDialog, CancelDialog } from './StocktakeDialogs'

/** One count: scan or type counts (blind: the book is not shown while counting), the variance, approval. */
export function StocktakeDetail({ stocktakeId }: { stocktakeId: number }): React.JSX.Element {
  const t = useT()
  const qc = useQueryClient()
  const { message } = App.useApp()
  const [code, setCode] = useState('')
  const [last, setLast] = useState<StocktakeLineView | null>(null)
  const [dialog, setDialog] = useState<'approve' | 'cancel' | null>(null)
  const [uncountedOnly, setUncountedOnly] = useState(false)
  const scanRef = useRef<InputRef>(null)
  const st = useQuery({ queryKey: ['warehouse.stocktakes.get', stocktakeId], queryFn: () => call('warehouse.stocktakes.get', { stocktakeId }) })
  const lines = useInfiniteQuery({
    queryKey: ['warehouse.stocktakes.lines', stocktakeId, uncountedOnly],
    queryFn: ({ pageParam }) => call('warehouse.stocktakes.lines', { stocktakeId, uncountedOnly, ...(pageParam ? { after: pageParam } : {}) }),
    initialPageParam: null as { bin: string; id: number } | null,
    getNextPageParam: (p) => p.next
  })
  const variance = useQuery({ queryKey: ['warehouse.stocktakes.variance', stocktakeId], queryFn: () => call('warehouse.stocktakes.variance', { stocktakeId }) })
  const refresh = () => {
    for (const k of ['warehouse.stocktakes.get', 'warehouse.stocktakes.lines', 'warehouse.stocktakes.variance', 'warehouse.stocktakes.list']) {
      void qc.invalidateQueries({ queryKey: [k] })
    }
  }
  const scan = useMutation({
    mutationFn: (c: string) => call('warehouse.stocktakes.scan', { stocktakeId, code: c }),
    onSuccess: (line) => {
      setLast(line)
      refresh()
    },
    onError: (e) => message.error(errorText(e, t)),
    onSettled: () => scanRef.current?.focus()
  })
  const count = useMutation({
    mutationFn: (v: { partId: number; location: StockLocation; qty: number }) => call('warehouse.stocktakes.count', { stocktakeId, ...v }),
    onSuccess: refresh,
    onError: (e) => message.error(errorText(e, t))
  })
  const pdf = useMutation({
    mutationFn: (kind: 'sheet' | 'variance') =>
      kind === 'sheet' ? call('warehouse.stocktakes.sheetPdf', { stocktakeId }) : call('warehouse.stocktakes.variancePdf', { stocktakeId }),
    onSuccess: (r) => downloadFile(r),
    onError: (e) => message.error(errorText(e, t))
  })
  const s = st.data
  if (!s) return <Card loading size="small" />
  const open = s.status === 'open'
  const allLines = lines.data?.pages.flatMap((p) => p.lines) ?? []
  const loc = (l: StockLocation) => t(`warehouse.st.loc.${l}`)

  return (
    <Card
      size="small"
      data-testid="st-detail"
      title={
        <Space>
          {s.stNo}
          <StocktakeStatusTag status={s.status} />
        </Space>
      }
      extra={
        <Space>
          <Button icon={<FilePdfOutlined />} onClick={() => pdf.mutate('sheet')} data-testid="st-sheet-pdf">
            {t('warehouse.ui.st.sheetPdf')}
          </Button>
          <Button icon={<FilePdfOutlined />} onClick={() => pdf.mutate('variance')} data-testid="st-variance-pdf">
            {t('warehouse.ui.st.variancePdf')}
          </Button>
          {open && (
            <Button danger onClick={() => setDialog('cancel')} data-testid="st-cancel">
              {t('warehouse.ui.st.cancel')}
            </Button>
          )}
          {open && (
            <Button type="primary" onClick={() => setDialog('approve')} data-testid="st-approve">
              {t('warehouse.ui.st.approve')}
            </Button>
          )}
        </Space>
      }
    >
      <Descriptions size="small" column={4}>
        <Descriptions.Item label={t('warehouse.st.countedLines')}>
          <span data-testid="st-counted">{`${s.counted} / ${s.lines}`}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('warehouse.ui.st.uncountedExpected')}>{s.uncountedExpected}</Descriptions.Item>
        {s.approved && <Descriptions.Item label={t('warehouse.st.approvedBy')}>{s.approved.by.displayName}</Descriptions.Item>}
        {s.approved && <Descriptions.Item label={t('warehouse.st.net')}>{signedMoney(s.approved.netFen)}</Descriptions.Item>}
        {s.cancelled && <Descriptions.Item label={t('warehouse.ui.st.cancelReason')}>{s.cancelled.reason}</Descriptions.Item>}
      </Descriptions>
      {open && (
        <Space style={{ marginBottom: 12 }} align="center">
          <Input
            ref={scanRef}
            id="st-scan"
            autoFocus
            prefix={<ScanOutlined />}
            style={{ width: 320 }}
            placeholder={t('warehouse.ui.st.scanHint')}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            onPressEnter={() => {
              const c = code.trim()
              setCode('')
              if (c) scan.mutate(c)
            }}
          />
          {last && (
            <Tag color="blue" data-testid="st-last-scan">
              {t('warehouse.ui.st.lastScan', { sku: last.sku, name: last.name, n: last.countedQty ?? 0 })}
            </Tag>
          )}
        </Space>
      )}
      <Table<StocktakeLineView>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={allLines}
        loading={lines.isLoading}
        data-testid="st-lines"
        title={() => (
          <Button size="small" type={uncountedOnly ? 'primary' : 'default'} onClick={() => setUncountedOnly(!uncountedOnly)}>
            {t('warehouse.ui.st.uncountedOnly')}
          </Button>
        )}
        columns={[
          { title: t('warehouse.st.bin'), dataIndex: 'bin', key: 'bin', width: 100 },
          { title: 'SKU', dataIndex: 'sku', key: 'sku', width: 140 },
          { title: t('warehouse.st.part'), key: 'name', render: (_: unknown, l) => [l.name, l.spec].filter(Boolean).join(' ') },
          { title: t('warehouse.st.location'), key: 'loc', width: 90, render: (_: unknown, l) => loc(l.location) },
          {
            title: t('warehouse.st.counted'),
            key: 'counted',
            width: 140,
            render: (_: unknown, l) =>
              open ? (
                <CountInput key={`${l.id}-${l.countedQty ?? ''}`} line={l} onCount={(qty) => count.mutate({ partId: l.partId, location: l.location, qty })} />
              ) : (
                (l.countedQty ?? '—')
              )
          },
          { title: '', key: 'moved', width: 120, render: (_: unknown, l) => (l.movedDuringCount ? <Tag color="orange">{t('warehouse.ui.st.moved')}</Tag> : null) }
        ]}
        footer={lines.hasNextPage ? () => <Button onClick={() => void lines.fetchNextPage()}>{t('warehouse.ui.st.more')}</Button> : undefined}
      />
      <VarianceTable lines={variance.data?.lines ?? []} truncated={variance.data?.truncated ?? false} />
      {variance.data && (
        <Space size="large" style={{ marginTop: 8 }} data-testid="st-totals">
          <Statistic title={t('warehouse.st.gain')} value={formatMoney(variance.data.totals.gainFen)} />
          <Statistic title={t('warehouse.st.loss')} value={formatMoney(variance.data.totals.lossFen)} />
          <Statistic title={t('warehouse.st.net')} value={signedMoney(variance.data.totals.netFen)} />
        </Space>
      )}
      {dialog === 'approve' && <ApproveDialog stocktake={s} onClose={() => setDialog(null)} onDone={refresh} />}
      {dialog === 'cancel' && <CancelDialog stocktake={s} onClose={() => setDialog(null)} onDone={refresh} />}
    </Card>
  )
}

/** Typed count: Enter or leaving the box saves it (0 allowed); the value stays as typed until saved. */
function CountInput({ line, onCount }: { line: StocktakeLineView; onCount: (qty: number) => void }): React.JSX.Element {
  const [value, setValue] = useState<number | null>(line.countedQty)
  const save = () => {
    if (value !== null && value !== line.countedQty) onCount(value)
  }
  return (
    <InputNumber
      id={`st-count-${line.sku}-${line.location}`}
      size="small"
      min={0}
      max={1_000_000}
      precision={0}
      value={value}
      onChange={(v) => setValue(v)}
      onPressEnter={save}
      onBlur={save}
      style={{ width: 110 }}
    />
  )
}

function VarianceTable({ lines, truncated }: { lines: VarianceLine[]; truncated: boolean }): React.JSX.Element {
  const t = useT()
  const signed = (n: number) => (n > 0 ? `+${n}` : String(n))
  return (
    <>
      <h4 style={{ marginTop: 16 }}>{t('warehouse.pdf.variance')}</h4>
      {truncated && <Alert type="info" message={t('warehouse.ui.st.truncated')} style={{ marginBottom: 8 }} />}
      <Table<VarianceLine>
        size="small"
        rowKey="lineId"
        pagination={false}
        dataSource={lines}
        data-testid="st-variance"
        locale={{ emptyText: t('warehouse.st.noVariance') }}
        columns={[
          { title: t('warehouse.st.bin'), dataIndex: 'bin', key: 'bin' },
          { title: t('warehouse.st.part'), key: 'part', render: (_: unknown, l) => `${l.sku} ${l.name}` },
          { title: t('warehouse.st.location'), key: 'loc', render: (_: unknown, l) => t(`warehouse.st.loc.${l.location}`) },
          { title: t('warehouse.st.expected'), dataIndex: 'expectedQty', key: 'exp', align: 'right' },
          { title: t('warehouse.st.bookAtCount'), dataIndex: 'bookAtCount', key: 'book', align: 'right' },
          { title: t('warehouse.st.counted'), dataIndex: 'countedQty', key: 'counted', align: 'right' },
          { title: t('warehouse.st.diff'), key: 'diff', align: 'right', render: (_: unknown, l) => <span data-testid={`st-diff-${l.sku}`}>{signed(l.diffQty)}</span> },
          { title: t('warehouse.st.value'), key: 'value', align: 'right', render: (_: unknown, l) => signedMoney(l.valueFen) },
          { title: '', key: 'moved', render: (_: unknown, l) => (l.movedDuringCount ? <Tag color="orange">{t('warehouse.ui.st.moved')}</Tag> : null) }
        ]}
      />
    </>
  )
}
