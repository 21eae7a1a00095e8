export { createOrdersApp, maxLinesPerOrder, type OrdersAppOptions } from './server.js';
export { defaultOrdersSeed, seedOrders, type Order, type OrderLine } from './seed.js';
export type { NewOrder } from './store.js';
export type { ErrorBody, ErrorCode } from '@bff/service-kit';
