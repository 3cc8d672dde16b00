import { useState } from 'react'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { Alert, Button, Card, Descriptions, Space, Statistic, Tag } from 'antd'
import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons'
import { formatMoney } from '@shared/domain/money'
import { call } from '../api/client'
import { canCall } from '../app/access'
import { useT } from '../app/i18n'
import { errorText, useSession } from '../app/session'
import { PartForm } from './PartForm'
import { StockCard } from './StockCard'

/** One part: its fields, stock per location, the stock card; edit for warehouse staff and the manager. */
export function PartDetailView({ partId, onBack }: { partId: number; onBack: () => void }): React.JSX.Element {
  const t = useT()
  const qc = useQueryClient()
  const role = useSession().data?.user?.role
  const [editing, setEditing] = useState(false)
  const detail = useQuery({ queryKey: ['warehouse.parts.get', partId], queryFn: () => call('warehouse.parts.get', { partId }) })
  if (detail.isError) return <Alert type="error" showIcon title={errorText(detail.error, t)} />
  const d = detail.data
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Space>
        <Button icon={<ArrowLeftOutlined />} onClick={onBack} data-testid="part-back">
          {t('warehouse.parts.back')}
        </Button>
        {d && canCall(role, 'warehouse.parts.update') && (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="part-edit">
            {t('warehouse.parts.edit')}
          </Button>
        )}
      </Space>
      {d && (
        <Card
          size="small"
          loading={detail.isLoading}
          title={
            <Space>
              <span data-testid="part-title">{`${d.part.sku} · ${d.part.name}`}</span>
              {!d.part.active && <Tag>{t('warehouse.parts.inactive')}</Tag>}
            </Space>
          }
          extra={
            <Space size="large">
              <Statistic title={t('warehouse.part.main')} value={d.balances.main} suffix={d.part.unit} data-testid="balance-main" />
              <Statistic title={t('warehouse.part.quarantine')} value={d.balances.quarantine} suffix={d.part.unit} data-testid="balance-quarantine" />
            </Space>
          }
        >
          <Descriptions size="small" column={3}>
            <Descriptions.Item label={t('warehouse.part.spec')}>{d.part.spec}</Descriptions.Item>
            <Descriptions.Item label={t('warehouse.part.models')}>{d.part.models}</Descriptions.Item>
            <Descriptions.Item label={t('warehouse.part.barcode')}>{d.part.barcode}</Descriptions.Item>
            <Descriptions.Item label={t('warehouse.part.bin')}>{d.part.bin}</Descriptions.Item>
            <Descriptions.Item label={t('warehouse.part.minStock')}>{d.part.minStock}</Descriptions.Item>
            <Descriptions.Item label={t('warehouse.part.unit')}>{d.part.unit}</Descriptions.Item>
            <Descriptions.Item label={t('warehouse.part.salePrice')}>{formatMoney(d.part.salePriceFen)}</Descriptions.Item>
            <Descriptions.Item label={t('warehouse.part.avgCost')}>{formatMoney(d.part.avgCostFen)}</Descriptions.Item>
          </Descriptions>
        </Card>
      )}
      {d && (
        <Card size="small">
          <StockCard partId={partId} />
        </Card>
      )}
      {editing && d && (
        <PartForm
          part={d.part}
          onClose={() => setEditing(false)}
          onSaved={(saved) => {
            qc.setQueryData(['warehouse.parts.get', partId], saved)
            setEditing(false)
          }}
        />
      )}
    </Space>
  )
}
