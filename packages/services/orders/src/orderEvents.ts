import type { FastifyBaseLogger } from 'fastify';
import type { OrderStatus } from './orderStatus.js';
import type { Order } from './seed.js';

/** The channel every status change of every order is published on. */
export const orderStatusChannel = 'orders.status';

/** The message published on {@link orderStatusChannel}, as JSON: one status change of one order. */
export interface OrderStatusEvent {
  orderId: string;
  buyerId: string;
  /** The status the order has now. */
  status: OrderStatus;
  /** ISO 8601 instant of the change. */
  changedAt: string;
}

/**
 * Where the service sends its events. The kit's event bus (`createEventBus` of @bff/gateway) is one, in process or
 * over Redis; the service only needs this method, so it does not depend on the kit.
 */
export interface EventPublisher {
  publish(channel: string, message: string): Promise<void>;
}

/**
 * Publishes an order's current status as changed at `changedAt`. A failed publish (Redis down) is logged and
 * swallowed: the change itself has happened, and subscribers see the next one.
 */
export type PublishStatus = (order: Order, changedAt: Date) => Promise<void>;

/** A {@link PublishStatus} over `events`; without a publisher, changes are not published. */
export function createStatusPublisher(events: EventPublisher | undefined, log: FastifyBaseLogger): PublishStatus {
  return async (order, changedAt) => {
    if (!events) return;
    const event: OrderStatusEvent = {
      orderId: order.id,
      buyerId: order.buyerId,
      status: order.status,
      changedAt: changedAt.toISOString(),
    };
    try {
      await events.publish(orderStatusChannel, JSON.stringify(event));
    } catch (error) {
      log.warn({ err: error, event }, 'order status change not published');
    }
  };
}
