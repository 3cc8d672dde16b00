import { useQuery } from '@tanstack/react-query'
import { Alert, Button, Card, Col, Row, Space, Spin, Tag, Typography } from 'antd'
import { ArrowLeftOutlined } from '@ant-design/icons'
import type { Role } from '@shared/contract'
import { localDateTime } from '@shared/domain/dates'
import { call } from '../api/client'
import { useT } from '../app/i18n'
import { errorText, useSettings } from '../app/session'
import type { Route } from '../app/access'
import { TASK_START } from '../ui/keyboard'
import { OrderActions } from './OrderActions'
import { OrderDetails } from './OrderDetails'
import { OrderParts } from './OrderParts'
import { OrderRepair } from './OrderRepair'
import { OrderTimeline } from './OrderTimeline'
import { OrderLoaner } from './OrderLoaner'
import { PreviewPanel } from './PreviewPanel'
import { PrintJobs } from './PrintJobs'
import { OrderPickup } from '../pickup/OrderPickup'

interface Props {
  orderId: number
  role: Role | undefined
  onBack: () => void
  backTo: Route['name']
  /** Another order (e.g. the open order holding the same IMEI). */
  onOpenOrder?: (orderId: number) => void
}

/** One order: what was agreed at the counter, the tickets as printed, and whether they came out. */
export function OrderPage({ orderId, role, onBack, backTo, onOpenOrder }: Props): React.JSX.Element {
  const t = useT()
  const settings = useSettings()
  const order = useQuery({ queryKey: ['orders.get', orderId], queryFn: () => call('orders.get', { orderId }) })
  const tz = settings.data?.timeZone ?? 'Asia/Shanghai'
  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={onBack} data-testid="order-back" {...TASK_START}>
      {t(backTo === 'intake' ? 'ui.order.backToIntake' : 'ui.order.back')}
    </Button>
  )
  if (order.isPending) return <Spin style={{ display: 'block', marginTop: 80 }} />
  if (order.isError) return <Alert type="error" showIcon title={errorText(order.error, t)} action={back} />
  const o = order.data

  return (
    <div className="order-page" data-testid="order-page">
      <Card size="small" className="order-head">
        <Space size="large" wrap>
          {back}
          <span>
            <Typography.Text type="secondary">{t('receipt.orderNo')} </Typography.Text>
            <Typography.Text strong className="order-no" data-testid="order-no" copyable>
              {o.orderNo}
            </Typography.Text>
          </span>
          <span>
            <Typography.Text type="secondary">{t('receipt.claimCode')} </Typography.Text>
            <Typography.Text strong className="order-no" data-testid="order-claim-code">
              {o.claimCode}
            </Typography.Text>
          </span>
          <Tag color={o.status === 'void' ? 'error' : 'processing'} data-testid="order-status">
            {t(`status.${o.status}`)}
          </Tag>
          {o.correctedAt && (
            <Tag color="warning" data-testid="order-corrected">
              {t('ui.order.corrected', { at: localDateTime(o.correctedAt, tz) })}
            </Tag>
          )}
          <Typography.Text type="secondary">
            {t('ui.order.receivedBy', { at: localDateTime(o.receivedAt, tz), name: o.createdBy.displayName })}
          </Typography.Text>
          {settings.data && <OrderActions order={o} role={role} settings={settings.data} onOpenOrder={onOpenOrder ?? (() => undefined)} />}
        </Space>
        {o.voided && (
          <Alert
            type="error"
            showIcon
            style={{ marginTop: 8 }}
            data-testid="order-voided"
            title={t('ui.order.voided', { at: localDateTime(o.voided.at, tz), name: o.voided.by.displayName, reason: o.voided.reason })}
          />
        )}
      </Card>
      <Row gutter={12}>
        <Col span={13}>
          <PrintJobs orderId={o.id} role={role} />
          {settings.data && <OrderDetails order={o} settings={settings.data} />}
          <OrderRepair orderId={o.id} />
          <OrderParts orderId={o.id} />
          {o.status === 'pickedUp' && <OrderPickup orderId={o.id} />}
          <OrderLoaner orderId={o.id} status={o.status} onOpenOrder={onOpenOrder} />
          <OrderTimeline orderId={o.id} />
        </Col>
        <Col span={11}>
          <PreviewPanel orderId={o.id} widthMm={settings.data?.printer.widthMm ?? 80} />
        </Col>
      </Row>
    </div>
  )
}
