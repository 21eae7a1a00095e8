import type { EventBus } from '@bff/gateway';
import { orderStatusChannel, orderStatuses, type OrderStatusEvent } from '@bff/service-orders';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

/** What {@link publishOrderStatusEvents} sends: how many, how fast, about which orders. */
export interface OrderStatusPublishing {
  readonly orderIds: readonly string[];
  readonly eventsPerSecond: number;
  readonly seconds: number;
}

/**
 * An event's identity as a subscriber reads it back (`order { id }` and `changedAt`): one order changes at most once
 * a millisecond here, since the orders take turns.
 */
export const eventKey = (orderId: string, changedAt: string): string => `${orderId} ${changedAt}`;

/**
 * Publishes `eventsPerSecond` status changes for `seconds` on the orders' channel, round-robin over `orderIds`, each
 * `changedAt` the instant of its publish. On a fixed schedule from the start, so one late publish does not delay the
 * rest. Records each event's performance.now() at publish in `publishedAt` (by {@link eventKey}) before sending it,
 * so that a delivery that beats the PUBLISH reply finds it. Resolves with the number published.
 */
export async function publishOrderStatusEvents(
  bus: EventBus,
  publishing: OrderStatusPublishing,
  publishedAt: Map<string, number>,
): Promise<number> {
  const { orderIds, eventsPerSecond, seconds } = publishing;
  const events = Math.round(eventsPerSecond * seconds);
  const intervalMs = 1000 / eventsPerSecond;
  const started = performance.now();
  for (let index = 0; index < events; index += 1) {
    const wait = started + index * intervalMs - performance.now();
    if (wait > 0) await sleep(wait);
    const orderId = orderIds[index % orderIds.length] ?? '';
    const changedAt = new Date().toISOString();
    const key = eventKey(orderId, changedAt);
    if (publishedAt.has(key)) {
      throw new Error(`order ${orderId} would change twice at ${changedAt}: give it more orders or fewer events/s`);
    }
    const event: OrderStatusEvent = {
      orderId,
      buyerId: 'bench-buyer',
      status: orderStatuses[index % orderStatuses.length] ?? 'PLACED',
      changedAt,
    };
    publishedAt.set(key, performance.now());
    // Awaited: a PUBLISH is answered well within an interval, and a failed one stops the run at once.
    await bus.publish(orderStatusChannel, JSON.stringify(event));
  }
  return events;
}
