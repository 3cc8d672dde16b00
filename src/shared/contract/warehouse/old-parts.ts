/** Warehouse channels: old-parts (see index.ts). */
export const oldPartsContract = {}
