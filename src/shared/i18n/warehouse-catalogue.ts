import { defineMessages } from './define'

/** Warehouse: 零件目录、CSV 导入导出、库存卡、补货、估值. */
export const warehouseCatalogueMessages = defineMessages(
  {
  },
  {
  }
)
