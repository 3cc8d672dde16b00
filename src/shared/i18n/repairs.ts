import { defineMessages } from './define'

/** Repair bench: statuses, queue, repair card, quote approval, quality check. */
export const repairsMessages = defineMessages(
  {
    'status.diagnosing': '检测中',
    'status.awaitingApproval': '待客户确认报价',
    'status.waitingParts': '待料',
    'status.repairing': '维修中',
    'status.qualityCheck': '待质检',
    'status.ready': '待取机',
    'status.unrepairable': '无法维修',
    'status.atManufacturer': '返厂中',
    'status.cancelled': '客户取消',
    'status.pickedUp': '已取机',
    'repairs.err.illegalStep': '不能从「{from}」改为「{to}」',
    'repairs.err.statusChanged': '这张工单的状态刚被别人改过，请刷新后再试'
  },
  {
    'status.diagnosing': 'Diagnosing',
    'status.awaitingApproval': 'Awaiting customer approval',
    'status.waitingParts': 'Waiting for parts',
    'status.repairing': 'Repairing',
    'status.qualityCheck': 'Quality check',
    'status.ready': 'Ready for pickup',
    'status.unrepairable': 'Unrepairable',
    'status.atManufacturer': 'At the manufacturer',
    'status.cancelled': 'Cancelled by customer',
    'status.pickedUp': 'Picked up',
    'repairs.err.illegalStep': 'An order cannot go from "{from}" to "{to}"',
    'repairs.err.statusChanged': 'Someone else just changed this order\'s status: refresh and try again'
  }
)
