import { useQuery } from '@tanstack/react-query'
import { Badge, Tooltip } from 'antd'
import type { PrinterState } from '@shared/contract/printing'
import { call } from '../api/client'
import { useT } from './i18n'

export const BADGE: Record<PrinterState, 'success' | 'error' | 'warning' | 'default' | 'processing'> = {
  checking: 'processing',
  ready: 'success',
  offline: 'error',
  error: 'warning',
  disabled: 'default'
}

export const PRINTER_STATUS_KEY = ['printing.status'] as const

export function usePrinterStatus() {
  return useQuery({
    queryKey: PRINTER_STATUS_KEY,
    queryFn: () => call('printing.status', {}),
    // Main asks the printer in the background: look again soon while it is still checking.
    // Faster while something waits or the printer has a fault, so a fixed printer shows within seconds.
    refetchInterval: (q) => {
      const s = q.state.data
      if (s?.state === 'checking') return 1_000
      return s && (s.pendingJobs > 0 || s.state === 'error' || s.state === 'offline') ? 3_000 : 10_000
    }
  })
}

/**
 * Always-visible printer state, so a dead printer is noticed before the customer waits for a ticket:
 * the state with its reason on hover, jobs waiting, and tickets sent but not confirmed (someone must look).
 */
export function PrinterIndicator(): React.JSX.Element {
  const t = useT()
  const status = usePrinterStatus()
  const s = status.data
  const state: PrinterState | undefined = s?.state
  const label = state ? t(`printer.state.${state}`) : t('ui.printer.unknown')
  return (
    <Tooltip title={s ? s.detail : t('ui.printer.unknown')}>
      <span className="printer-indicator" data-testid="printer-status" data-state={state ?? 'unknown'}>
        <Badge status={state ? BADGE[state] : 'processing'} text={t('ui.printer.label', { state: label })} />
        {s && s.pendingJobs - s.unconfirmedJobs > 0 && (
          <span className="printer-pending" data-testid="printer-pending">
            {t('ui.printer.pending', { count: s.pendingJobs - s.unconfirmedJobs })}
          </span>
        )}
        {s && s.unconfirmedJobs > 0 && (
          <span className="printer-pending" style={{ color: '#cf1322' }} data-testid="printer-unconfirmed">
            {t('ui.printer.unconfirmed', { count: s.unconfirmedJobs })}
          </span>
        )}
      </span>
    </Tooltip>
  )
}
