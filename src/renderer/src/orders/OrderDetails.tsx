import { Card, Descriptions, Space, Typography } from 'antd'
import type { OrderView } from '@shared/contract/intake'
import type { StoreSettings } from '@shared/contract/settings'
import { formatMoney } from '@shared/domain/money'
import { useT } from '../app/i18n'
import { entryName } from '../ui/catalogue'
import { VerdictLines, VerdictTag } from '../ui/VerdictLines'

const CHECKS = ['screenCracked', 'scratchesDents', 'waterDamage', 'sealsIntact', 'powersOn'] as const

export function OrderDetails({ order: o, settings }: { order: OrderView; settings: StoreSettings }): React.JSX.Element {
  const t = useT()
  const none = t('word.none')
  const list = (xs: string[]) => (xs.length ? xs.join(t('receipt.listSep')) : none)
  const s = o.service
  const deposit = s.depositMethod
    ? t('receipt.service.depositWith', { amount: formatMoney(s.depositFen), method: t(`payment.${s.depositMethod}`) })
    : formatMoney(s.depositFen)
  const accessories = [...o.accessories.items.map((a) => t(`accessory.${a}`)), ...(o.accessories.other ? [o.accessories.other] : [])]
  const item = (key: string, label: string, children: React.ReactNode, span = 1) => ({ key, label, children, span })

  const items = [
    item('customer', t('ui.intake.customer.title'), `${o.customer.name}  ${o.customer.mobile}${o.customer.landline ? ` / ${o.customer.landline}` : ''}`, 2),
    ...(o.customer.address ? [item('address', t('ui.intake.customer.address'), o.customer.address, 2)] : []),
    item('device', t('ui.intake.device.title'), `${entryName(settings.deviceCategories, 'category', o.device.category, t)} · ${o.device.brand} ${o.device.model}${o.device.colour ? ` · ${o.device.colour}` : ''}`, 2),
    item(
      'serial',
      t('receipt.device.serial'),
      o.device.imeiPending ? (
        <Typography.Text type="warning" strong data-testid="order-imei-pending">
          {t('ui.order.imeiPending', { reason: o.device.imeiUnreadableReason })}
        </Typography.Text>
      ) : (
        o.device.serial || none
      )
    ),
    item('invoice', t('ui.intake.purchase.invoiceDate'), [o.purchase.invoiceDate ?? none, o.purchase.invoiceNo].filter(Boolean).join(' / ')),
    item('fault', t('ui.intake.fault.title'), (
      <Space orientation="vertical" size={0}>
        {o.fault.codes.length > 0 && <span>{list(o.fault.codes.map((c) => entryName(settings.faultCodes, 'fault', c, t)))}</span>}
        <span className="pre-wrap">{o.fault.description}</span>
      </Space>
    ), 2),
    item('condition', t('ui.intake.condition.title'), list([...CHECKS.filter((c) => o.condition[c]).map((c) => t(`condition.${c}`)), ...(o.condition.other ? [o.condition.other] : [])]), 2),
    item('accessories', t('ui.intake.accessories.title'), list(accessories), 2),
    item('warranty', t('ui.intake.warranty.title'), (
      <Space orientation="vertical" size={0}>
        <span>
          {t(`component.${o.warranty.component}`)} <VerdictTag inWarranty={o.warranty.finalInWarranty} testId="order-warranty" />
        </span>
        <VerdictLines verdict={o.warranty} />
        {o.warranty.override && <Typography.Text strong>{t('warranty.overridden', { reason: o.warranty.override.reason })}</Typography.Text>}
      </Space>
    ), 2),
    item('type', t('ui.intake.service.type'), t(`service.${s.type}`)),
    item('promised', t('ui.intake.service.promisedDate'), s.promisedDate),
    item('estimate', t('ui.intake.service.estimate'), formatMoney(s.estimateFen)),
    item('deposit', t('ui.intake.service.deposit'), deposit),
    item('technician', t('ui.intake.service.technician'), s.technician?.displayName ?? t('ui.intake.service.noTechnician'), o.device.hasPasscode ? 1 : 2),
    // The passcode itself is never sent with the order; technicians read it on demand (audited).
    ...(o.device.hasPasscode ? [item('passcode', t('ui.order.passcode'), '••••••')] : [])
  ]
  return (
    <Card size="small" title={t('ui.order.details')}>
      <Descriptions size="small" bordered column={2} items={items} data-testid="order-details" />
    </Card>
  )
}
