import { defineMessages } from './define'

/** Warehouse: 仓库界面. */
export const warehouseScreensMessages = defineMessages(
  {
  },
  {
  }
)
