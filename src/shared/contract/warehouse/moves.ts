/** Warehouse channels: moves (see index.ts). */
export const movesContract = {}
