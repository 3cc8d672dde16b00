import { defineMessages } from './define'

/** Warehouse: 入库、领料发料、退料、隔离、调整. */
export const warehouseMovesMessages = defineMessages(
  {
    'warehouse.e.insufficient': '{part} 库存不足：现有 {onHand}，需要 {wanted}',
    'approval.notManager': '不是在职的经理用户名'
  },
  {
    'warehouse.e.insufficient': 'Not enough {part}: {onHand} on hand, {wanted} needed',
    'approval.notManager': 'Not an active manager user name'
  }
)
