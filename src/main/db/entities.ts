import { AuditLog } from '../audit/audit-log.entity'
import { RecoveryCode } from '../auth/recovery-code.entity'
import { User } from '../auth/user.entity'
import { Customer } from '../intake/customer.entity'
import { DeviceBrand } from '../devices/device-brand.entity'
import { DeviceModel } from '../devices/device-model.entity'
import { OrderSequence } from '../intake/order-sequence.entity'
import { Payment } from '../intake/payment.entity'
import { WorkOrder } from '../intake/work-order.entity'
import { PrintJob } from '../printing/print-job.entity'
import { Setting } from '../settings/setting.entity'
import { DocSequence } from '../warehouse/doc-sequence.entity'
import { Part } from '../warehouse/part.entity'
import { StockBalance } from '../warehouse/stock-balance.entity'
import { StockMove } from '../warehouse/stock-move.entity'

/** Every entity, in one list: the DataSource and the schema-equality test both use it. */
export const entities = [User, Setting, AuditLog, Customer, OrderSequence, WorkOrder, Payment, PrintJob, RecoveryCode, DeviceBrand, DeviceModel, Part, StockMove, StockBalance, DocSequence]
