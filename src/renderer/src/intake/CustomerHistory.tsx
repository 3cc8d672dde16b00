import { useQuery } from '@tanstack/react-query'
import { Button, Typography } from 'antd'
import { call } from '../api/client'
import { useT } from '../app/i18n'
import { useSettings } from '../app/session'
import { localDateTime } from '@shared/domain/dates'

/** The returning customer's latest orders: repeat faults and earlier repairs are seen at a glance. */
export function CustomerHistory({ customerId, onOpenOrder }: { customerId: number; onOpenOrder: (id: number) => void }): React.JSX.Element {
  const t = useT()
  const tz = useSettings().data?.timeZone ?? 'Asia/Shanghai'
  const history = useQuery({ queryKey: ['customers.history', customerId], queryFn: () => call('customers.history', { customerId }) })
  const orders = history.data?.orders ?? []
  return (
    <div className="customer-history" data-testid="customer-history">
      <Typography.Text type="secondary">
        {history.isPending ? t('ui.common.loading') : t('ui.intake.customer.history', { count: orders.length })}
      </Typography.Text>
      <ul>
        {orders.slice(0, 5).map((o) => (
          <li key={o.id}>
            <Button type="link" size="small" onClick={() => onOpenOrder(o.id)} data-testid={`history-order-${o.id}`}>
              {o.orderNo}
            </Button>
            <span>{localDateTime(o.receivedAt, tz).slice(0, 10)}</span>
            <span className="history-device">{o.deviceLabel}</span>
            <span>{t(`service.${o.serviceType}`)}</span>
          </li>
        ))}
      </ul>
    </div>
  )
}
