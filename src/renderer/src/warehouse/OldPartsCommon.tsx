import { Tag } from 'antd'
import type { OldPartStatus, RtmStatus } from '@shared/contract/warehouse/old-parts'
import type { StocktakeStatus } from '@shared/contract/warehouse/stocktake'
import { formatMoney } from '@shared/domain/money'
import { useT } from '../app/i18n'

/** +¥160.00 / -¥300.00 / ¥0.00 */
export const signedMoney = (fen: number): string => (fen > 0 ? `+${formatMoney(fen)}` : fen < 0 ? `-${formatMoney(-fen)}` : formatMoney(0))

const OP_COLOR: Record<OldPartStatus, string> = { waiting: 'orange', batched: 'blue', sent: 'purple', credited: 'green' }
const RTM_COLOR: Record<RtmStatus, string> = { open: 'orange', sent: 'purple', credited: 'green' }
const ST_COLOR: Record<StocktakeStatus, string> = { open: 'orange', approved: 'green', cancelled: 'default' }

export function OldPartStatusTag({ status }: { status: OldPartStatus }): React.JSX.Element {
  const t = useT()
  return <Tag color={OP_COLOR[status]}>{t(`warehouse.op.status.${status}`)}</Tag>
}

export function RtmStatusTag({ status }: { status: RtmStatus }): React.JSX.Element {
  const t = useT()
  return (
    <Tag color={RTM_COLOR[status]} data-testid="rtm-status" data-status={status}>
      {t(`warehouse.rtm.status.${status}`)}
    </Tag>
  )
}

export function StocktakeStatusTag({ status }: { status: StocktakeStatus }): React.JSX.Element {
  const t = useT()
  return (
    <Tag color={ST_COLOR[status]} data-testid="st-status" data-status={status}>
      {t(`warehouse.st.status.${status}`)}
    </Tag>
  )
}
