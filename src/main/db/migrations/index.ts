import { Initial1795417200000 } from './1795417200000-Initial'

/** Ordered, timestamp-named, checked in. Add new ones at the end. */
export const migrations = [Initial1795417200000]
