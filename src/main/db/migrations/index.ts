import { Initial1795417200000 } from './1795417200000-Initial'
import { TamperGuards1795500000000 } from './1795500000000-TamperGuards'
import { SearchIndexes1795600000000 } from './1795600000000-SearchIndexes'
import { IntakeCorrectionsAndPasscode1795700000000 } from './1795700000000-IntakeCorrectionsAndPasscode'
import { DeviceSuggestions1795750000000 } from './1795750000000-DeviceSuggestions'
import { PrintingConfirmed1795800000000 } from './1795800000000-PrintingConfirmed'
import { AuthRecoveryAndAuditIndexes1795900000000 } from './1795900000000-AuthRecoveryAndAuditIndexes'
import { WarehouseLedger1796000000000 } from './1796000000000-WarehouseLedger'
import { WarehouseMoves1796000100000 } from './1796000100000-WarehouseMoves'
import { PartSearch1796000200000 } from './1796000200000-PartSearch'
import { WarehouseOldPartsStocktake1796000300000 } from './1796000300000-WarehouseOldPartsStocktake'
import { StocktakeProgressIndex1796000300001 } from './1796000300001-StocktakeProgressIndex'
import { RepairsCore1796100000000 } from './1796100000000-RepairsCore'
import { RepairBench1796100100000 } from './1796100100000-RepairBench'
import { CustomerCare1796300000000 } from './1796300000000-CustomerCare'
import { Pickup1796200000000 } from './1796200000000-Pickup'

/** Ordered, timestamp-named, checked in. Add new ones at the end. */
export const migrations = [Initial1795417200000, TamperGuards1795500000000, SearchIndexes1795600000000, IntakeCorrectionsAndPasscode1795700000000, DeviceSuggestions1795750000000, PrintingConfirmed1795800000000, AuthRecoveryAndAuditIndexes1795900000000, WarehouseLedger1796000000000, WarehouseMoves1796000100000, PartSearch1796000200000, WarehouseOldPartsStocktake1796000300000, StocktakeProgressIndex1796000300001, RepairsCore1796100000000, RepairBench1796100100000, Pickup1796200000000, CustomerCare1796300000000]
