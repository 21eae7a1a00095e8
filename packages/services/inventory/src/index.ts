export { createInventoryApp, type InventoryAppOptions } from './server.js';
export { defaultInventorySeed, seedInventory, type InventoryItem, type ShippingEstimate } from './seed.js';
export type { ErrorBody, ErrorCode } from '@bff/service-kit';
