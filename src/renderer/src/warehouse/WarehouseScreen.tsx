import { Tabs } from 'antd'
import type { Channel, Role } from '@shared/contract'
import { canCall } from '../app/access'
import { useT } from '../app/i18n'
import { AdjustmentsTab } from './AdjustmentsTab'
import { OldPartsTab } from './OldPartsTab'
import { PartsTab } from './PartsTab'
import { ReceiptsTab } from './ReceiptsTab'
import { ReportsTab } from './ReportsTab'
import { RequisitionsTab } from './RequisitionsTab'
import { StocktakeTab } from './StocktakeTab'

export const WAREHOUSE_TABS = ['parts', 'receipts', 'requisitions', 'oldParts', 'stocktake', 'adjustments', 'reports'] as const
export type WarehouseTab = (typeof WAREHOUSE_TABS)[number]

/** The channel each tab needs: a tab is shown only to roles that may call it (main enforces it again). */
const TAB_CHANNEL: Record<WarehouseTab, Channel> = {
  parts: 'warehouse.parts.search',
  receipts: 'warehouse.receipts.create',
  requisitions: 'warehouse.requisitions.list',
  oldParts: 'warehouse.oldParts.create',
  stocktake: 'warehouse.stocktakes.start',
  adjustments: 'warehouse.adjustments.list',
  reports: 'warehouse.reorder'
}

function tabAllowed(role: Role | undefined, tab: WarehouseTab): boolean {
  return canCall(role, TAB_CHANNEL[tab])
}

/** The warehouse: one tab per job (parts, receiving, issuing, old parts, counting, adjustments, reports). */
export function WarehouseScreen({ role, tab, onTab, onOpenOrder }: {
  role: Role | undefined
  tab: WarehouseTab
  onTab: (tab: WarehouseTab) => void
  onOpenOrder: (orderId: number) => void
}): React.JSX.Element {
  const t = useT()
  const body: Record<WarehouseTab, React.JSX.Element> = {
    parts: <PartsTab />,
    receipts: <ReceiptsTab />,
    requisitions: <RequisitionsTab onOpenOrder={onOpenOrder} />,
    oldParts: <OldPartsTab onOpenOrder={onOpenOrder} />,
    stocktake: <StocktakeTab />,
    adjustments: <AdjustmentsTab />,
    reports: <ReportsTab />
  }
  const items = WAREHOUSE_TABS.filter((k) => tabAllowed(role, k)).map((k) => ({
    key: k,
    label: <span data-testid={`wh-tab-${k}`}>{t(`warehouse.tab.${k}`)}</span>,
    children: body[k]
  }))
  return <Tabs activeKey={items.some((i) => i.key === tab) ? tab : items[0]?.key} onChange={(k) => onTab(k as WarehouseTab)} items={items} destroyOnHidden />
}
