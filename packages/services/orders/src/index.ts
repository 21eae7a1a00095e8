export { createOrdersApp, maxLinesPerOrder, type OrdersAppOptions } from './server.js';
export { defaultOrdersSeed, seedOrders, type Order, type OrderLine } from './seed.js';
export type { NewOrder } from './store.js';
export { nextStatus, orderStatuses, type OrderStatus } from './orderStatus.js';
export { orderStatusChannel, type EventPublisher, type OrderStatusEvent } from './orderEvents.js';
export { advanceIntervalKey, ordersRedisUrlKey, readAdvanceInterval } from './readAdvanceInterval.js';
export type { ErrorBody, ErrorCode } from '@bff/service-kit';
