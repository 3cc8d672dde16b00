import { defineMessages } from './define'

/** Warehouse: 旧件、返厂批次、盘点. */
export const warehouseStocktakeMessages = defineMessages(
  {
  },
  {
  }
)
