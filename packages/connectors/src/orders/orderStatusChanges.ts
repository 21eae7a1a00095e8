import type { EventStream } from '@bff/gateway';
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

const done: IteratorReturnResult<undefined> = { value: undefined, done: true };

/**
 * The changes of order `orderId` among the messages of `stream`. Not an async generator: a generator's return()
 * waits for the next() it is suspended in, i.e. for the next message of the channel, so an unsubscribing client
 * would keep its listener until then; this return() ends the stream at once, and a pending next() with it.
 */
export function orderStatusChangesOf(
  stream: EventStream,
  orderId: string,
): AsyncIterableIterator<OrderStatusChange, undefined> {
  const changes: AsyncIterableIterator<OrderStatusChange, undefined> = {
    async next() {
      for (let message = await stream.next(); !message.done; message = await stream.next()) {
        const event = parseEvent(message.value);
        if (event?.orderId === orderId) {
          const { buyerId, status, changedAt } = event;
          return { value: { order: { id: orderId, buyerId, status }, status, changedAt }, done: false };
        }
      }
      return done;
    },
    async return() {
      await stream.return();
      return done;
    },
    [Symbol.asyncIterator]: () => changes,
  };
  return changes;
}

/** A message that is not an order status event (another publisher's mistake) is skipped, not the subscriber's error. */
function parseEvent(message: string): OrderStatusEvent | undefined {
  try {
    const event = JSON.parse(message) as Partial<OrderStatusEvent> | null;
    return typeof event?.orderId === 'string' ? (event as OrderStatusEvent) : undefined;
  } catch {
    return undefined;
  }
}
