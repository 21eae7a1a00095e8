import type { RestOrder, RestOrderStatus } from './RestOrder.js';

/** The channel the orders service publishes every status change of every order on (its orderEvents.ts). */
export const orderStatusChannel = 'orders.status';

/** A message on {@link orderStatusChannel}, as JSON. */
export interface OrderStatusEvent {
  readonly orderId: string;
  readonly buyerId: string;
  /** The status the order changed to. */
  readonly status: RestOrderStatus;
  /** ISO 8601 instant of the change. */
  readonly changedAt: string;
}

/** What the event says of its order: enough for Order's id, buyer and status without calling the service. */
export type OrderInEvent = Pick<RestOrder, 'id' | 'buyerId' | 'status'>;

/** An OrderStatusChange as resolved from one event. */
export interface OrderStatusChange {
  readonly order: OrderInEvent;
  readonly status: RestOrderStatus;
  readonly changedAt: string;
}

/** A message that is not an order status event (another publisher's mistake) is skipped, not the subscriber's error. */
export function parseOrderStatusEvent(message: string): OrderStatusEvent | undefined {
  try {
    const event = JSON.parse(message) as Partial<OrderStatusEvent> | null;
    return typeof event?.orderId === 'string' ? (event as OrderStatusEvent) : undefined;
  } catch {
    return undefined;
  }
}
