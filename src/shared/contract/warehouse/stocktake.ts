/** Warehouse channels: stocktake (see index.ts). */
export const stocktakeContract = {}
