import { useQuery } from '@tanstack/react-query'
import { Card, Spin, Tabs, Typography } from 'antd'
import { call } from '../api/client'
import { useT } from '../app/i18n'
import { errorText } from '../app/session'
import { ReceiptPreview } from '../ui/ReceiptPreview'

type Kind = 'claimTicket' | 'deviceTag'

export function PreviewPanel({ orderId, widthMm }: { orderId: number; widthMm: 58 | 80 }): React.JSX.Element {
  const t = useT()
  return (
    <Card size="small" title={t('ui.order.preview')} className="preview-card">
      <Tabs
        size="small"
        items={(['claimTicket', 'deviceTag'] as const).map((kind) => ({
          key: kind,
          label: <span data-testid={`preview-tab-${kind}`}>{t(`ui.job.kind.${kind}`)}</span>,
          children: <Preview orderId={orderId} kind={kind} widthMm={widthMm} />
        }))}
      />
    </Card>
  )
}

function Preview({ orderId, kind, widthMm }: { orderId: number; kind: Kind; widthMm: 58 | 80 }): React.JSX.Element {
  const t = useT()
  const doc = useQuery({ queryKey: ['printing.preview', orderId, kind], queryFn: () => call('printing.preview', { orderId, kind }) })
  if (doc.isPending) return <Spin />
  if (doc.isError) return <Typography.Text type="danger">{errorText(doc.error, t)}</Typography.Text>
  return (
    <div className="preview-scroll">
      <ReceiptPreview doc={doc.data} widthMm={widthMm} testId={`preview-${kind}`} />
    </div>
  )
}
