import { defineMessages } from './define'

/** Warehouse: 仓库界面. */
export const warehouseScreensMessages = defineMessages(
  {
    'ui.nav.warehouse': '仓库',
    'warehouse.tab.parts': '零件',
    'warehouse.tab.receipts': '入库',
    'warehouse.tab.requisitions': '领料发料',
    'warehouse.tab.oldParts': '旧件返厂',
    'warehouse.tab.stocktake': '盘点',
    'warehouse.tab.adjustments': '库存调整',
    'warehouse.tab.reports': '报表'
  },
  {
    'ui.nav.warehouse': 'Warehouse',
    'warehouse.tab.parts': 'Parts',
    'warehouse.tab.receipts': 'Receiving',
    'warehouse.tab.requisitions': 'Requisitions',
    'warehouse.tab.oldParts': 'Old parts',
    'warehouse.tab.stocktake': 'Stocktake',
    'warehouse.tab.adjustments': 'Adjustments',
    'warehouse.tab.reports': 'Reports'
  }
)
