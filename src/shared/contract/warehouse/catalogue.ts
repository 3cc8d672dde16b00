/** Warehouse channels: catalogue (see index.ts). */
export const catalogueContract = {}
