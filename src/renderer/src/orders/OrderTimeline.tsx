import { useQuery } from '@tanstack/react-query'
import { Card, Timeline, Typography } from 'antd'
import type { TimelineEntry } from '@shared/contract/repairs'
import { localDateTime } from '@shared/domain/dates'
import { formatMoney } from '@shared/domain/money'
import type { Translate } from '@shared/i18n'
import { call } from '../api/client'
import { useT } from '../app/i18n'
import { useSettings } from '../app/session'

/** What happened to the order, oldest first: every status step, assignment, call, check and trip, with who and when. */
export function OrderTimeline({ orderId }: { orderId: number }): React.JSX.Element | null {
  const t = useT()
  const tz = useSettings().data?.timeZone ?? 'Asia/Shanghai'
  const events = useQuery({ queryKey: ['repairs.timeline', orderId], queryFn: () => call('repairs.timeline', { orderId }) })
  if (!events.data) return null
  return (
    <Card size="small" title={t('bench.timeline')} style={{ marginTop: 12 }} data-testid="order-timeline">
      <Timeline
        items={events.data.map((e) => ({
          key: e.id,
          color: e.kind === 'qc' && e.detail?.passed === false ? 'red' : e.kind === 'status' || e.kind === 'qc' ? 'blue' : 'gray',
          content: (
            <div data-testid={`timeline-${e.kind}`}>
              <Typography.Text type="secondary">
                {localDateTime(e.at, tz)} · {e.user.displayName}
              </Typography.Text>
              <div>{describe(e, t)}</div>
              {e.note && <Typography.Text type="secondary">{e.note}</Typography.Text>}
            </div>
          )
        }))}
      />
    </Card>
  )
}

function describe(e: TimelineEntry, t: Translate): string {
  const d = e.detail ?? {}
  const step = e.toStatus ? (e.fromStatus ? `${t(`status.${e.fromStatus}`)} → ${t(`status.${e.toStatus}`)}` : t(`status.${e.toStatus}`)) : ''
  const kind = t(`bench.event.${e.kind}`)
  switch (e.kind) {
    case 'assign':
      return t('bench.event.assignTo', { name: String(d.toName ?? '') })
    case 'lateCall':
      return t('bench.event.lateCallTo', { from: String(d.from ?? ''), to: String(d.to ?? '') })
    case 'quote':
      return `${t(d.approved ? 'bench.event.quoteYes' : 'bench.event.quoteNo', { amount: formatMoney(Number(d.amountFen ?? 0)) })}${step ? ` · ${step}` : ''}`
    case 'qc':
      return `${t(d.passed ? 'bench.event.qcPass' : 'bench.event.qcFail')} · ${step}`
    case 'manufacturer':
      return d.carrier ? `${kind}: ${String(d.carrier)} ${String(d.reference ?? '')} · ${step}` : `${kind}: ${t(`bench.mfr.result.${String(d.result)}`)} · ${step}`
    case 'status':
      return step
    default:
      return step ? `${kind} · ${step}` : kind
  }
}
