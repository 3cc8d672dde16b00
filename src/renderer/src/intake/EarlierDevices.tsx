import { useQuery, useQueryClient } from '@tanstack/react-query'
import { App, Button } from 'antd'
import { call } from '../api/client'
import { useT } from '../app/i18n'
import { errorText } from '../app/session'
import type { FormApi } from '../ui/useForm'
import type { IntakeForm } from './model'

const SHOWN = 5

/**
 * A returning customer's devices from their earlier orders: Enter on one fills category, brand,
 * model, serial and colour, and the caret moves on to the fault.
 */
export function EarlierDevices({ form, customerId }: { form: FormApi<IntakeForm>; customerId: number }): React.JSX.Element | null {
  const t = useT()
  const qc = useQueryClient()
  const { message } = App.useApp()
  const history = useQuery({ queryKey: ['customers.history', customerId], queryFn: () => call('customers.history', { customerId }) })
  const seen = new Set<string>()
  const devices = (history.data?.orders ?? []).filter((o) => {
    const key = o.serial || o.deviceLabel
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
  if (!devices.length) return null

  const use = async (orderId: number) => {
    try {
      const order = await qc.fetchQuery({ queryKey: ['orders.get', orderId], queryFn: () => call('orders.get', { orderId }) })
      const d = order.device
      form.setValues((v) => ({
        ...v,
        device: { ...v.device, category: d.category, brand: d.brand, model: d.model, serial: d.serial, colour: d.colour, imeiUnreadable: false, imeiUnreadableReason: '' }
      }))
      for (const p of ['brand', 'model', 'serial', 'colour']) form.touch(`device.${p}`)
      setTimeout(() => document.getElementById('fault-codes')?.focus())
    } catch (e) {
      void message.error(errorText(e, t))
    }
  }

  return (
    <div className="earlier-devices" role="group" aria-label={t('ui.intake.earlierDevices')} data-testid="earlier-devices">
      <span className="section-label">{t('ui.intake.earlierDevices')}</span>
      {devices.slice(0, SHOWN).map((o) => (
        <Button key={o.id} size="small" data-earlier-device="" data-testid={`earlier-device-${o.id}`} onClick={() => void use(o.id)}>
          {o.deviceLabel}
          {o.serial && ` · ${o.serial.slice(-6)}`}
        </Button>
      ))}
    </div>
  )
}
