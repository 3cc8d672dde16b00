import { useState, type KeyboardEvent } from 'react'
import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query'
import { App, Button, Checkbox, Input, Space, Table, Tag, Typography } from 'antd'
import { PlusOutlined, SearchOutlined } from '@ant-design/icons'
import type { PartHit } from '@shared/contract/warehouse/catalogue'
import { formatYuan } from '@shared/domain/money'
import { call } from '../api/client'
import { canCall } from '../app/access'
import { useT } from '../app/i18n'
import { errorText, useSession } from '../app/session'
import { useDebounced } from '../ui/useDebounced'
import { CsvExportButton, CsvImportButton } from './PartCsv'
import { PartDetailView } from './PartDetailView'
import { PartForm } from './PartForm'

/**
 * 零件: search as you type (SKU, barcode, name, model); a scanner typing a barcode + Enter into
 * the search box opens that part at once. New part, CSV import/export for warehouse staff.
 */
export function PartsTab(): React.JSX.Element {
  const t = useT()
  const qc = useQueryClient()
  const { message } = App.useApp()
  const role = useSession().data?.user?.role
  const [text, setText] = useState('')
  const [includeInactive, setIncludeInactive] = useState(false)
  const [open, setOpen] = useState<number | null>(null)
  const [creating, setCreating] = useState(false)
  const query = useDebounced(text.trim(), 200)
  const search = useInfiniteQuery({
    queryKey: ['warehouse.parts.search', query, includeInactive],
    queryFn: ({ pageParam }) => call('warehouse.parts.search', { text: query, includeInactive, after: pageParam }),
    initialPageParam: undefined as { sku: string } | { id: number } | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
    enabled: open === null
  })
  const hits = search.data?.pages.flatMap((p) => p.parts) ?? []
  const writer = canCall(role, 'warehouse.parts.create')

  // Enter: what a scanner sends after the barcode. Exact barcode/SKU first, else the one hit listed.
  const onEnter = async (e: KeyboardEvent<HTMLInputElement>) => {
    const code = e.currentTarget.value.trim()
    if (!code) return
    try {
      const found = await call('warehouse.parts.byCode', { code })
      if (found) {
        qc.setQueryData(['warehouse.parts.get', found.part.id], found)
        setText('')
        setOpen(found.part.id)
      } else if (hits.length === 1 && query === code) setOpen(hits[0].id)
      else message.warning(t('warehouse.parts.notFoundCode', { code }))
    } catch (err) {
      message.error(errorText(err, t))
    }
  }

  if (open !== null) return <PartDetailView partId={open} onBack={() => setOpen(null)} />

  const columns = [
    { title: t('warehouse.part.sku'), dataIndex: 'sku', key: 'sku', width: 140, render: (v: string) => <span data-testid={`part-row-${v}`}>{v}</span> },
    {
      title: t('warehouse.part.name'),
      key: 'name',
      render: (_: unknown, p: PartHit) => (
        <Space size={4} wrap>
          {p.name}
          {p.spec && <Typography.Text type="secondary">{p.spec}</Typography.Text>}
          {!p.active && <Tag>{t('warehouse.parts.inactive')}</Tag>}
        </Space>
      )
    },
    { title: t('warehouse.part.models'), dataIndex: 'models', key: 'models', ellipsis: true },
    { title: t('warehouse.part.barcode'), dataIndex: 'barcode', key: 'barcode', width: 140 },
    { title: t('warehouse.part.bin'), dataIndex: 'bin', key: 'bin', width: 90 },
    { title: t('warehouse.part.main'), key: 'main', align: 'right' as const, width: 70, render: (_: unknown, p: PartHit) => <b>{p.mainQty}</b> },
    { title: t('warehouse.part.quarantine'), dataIndex: 'quarantineQty', key: 'q', align: 'right' as const, width: 70 },
    { title: t('warehouse.part.salePrice'), key: 'price', align: 'right' as const, width: 100, render: (_: unknown, p: PartHit) => formatYuan(p.salePriceFen) }
  ]

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap>
        <Input
          id="part-search"
          data-testid="part-search"
          prefix={<SearchOutlined />}
          allowClear
          autoFocus
          autoComplete="off"
          style={{ width: 380 }}
          placeholder={t('warehouse.parts.searchPlaceholder')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onPressEnter={(e) => void onEnter(e)}
        />
        <Checkbox checked={includeInactive} onChange={(e) => setIncludeInactive(e.target.checked)}>
          {t('warehouse.parts.includeInactive')}
        </Checkbox>
        {writer && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="part-new">
            {t('warehouse.parts.new')}
          </Button>
        )}
        {writer && <CsvImportButton />}
        {writer && <CsvExportButton />}
      </Space>
      <Table<PartHit>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={hits}
        loading={search.isLoading}
        pagination={false}
        locale={{ emptyText: t('warehouse.parts.none') }}
        onRow={(p) => ({ onClick: () => setOpen(p.id), style: { cursor: 'pointer' } })}
        data-testid="parts-table"
      />
      {search.hasNextPage && (
        <Button onClick={() => void search.fetchNextPage()} loading={search.isFetchingNextPage} data-testid="parts-more">
          {t('warehouse.parts.more')}
        </Button>
      )}
      {creating && (
        <PartForm
          part={null}
          onClose={() => setCreating(false)}
          onSaved={(d) => {
            qc.setQueryData(['warehouse.parts.get', d.part.id], d)
            setCreating(false)
            setOpen(d.part.id)
          }}
        />
      )}
    </Space>
  )
}
