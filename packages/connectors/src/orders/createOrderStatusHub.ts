import type { EventBus, EventStream } from '@bff/gateway';
import { orderStatusChannel, parseOrderStatusEvent, type OrderStatusChange } from './orderStatusChanges.js';

/** Changes of one order, as one subscription reads them. */
export interface OrderWatch {
  /** As EventStream.ready: resolves once changes published from now on reach this watch. */
  readonly ready: Promise<void>;
  readonly changes: AsyncIterableIterator<OrderStatusChange, undefined>;
}

/** Every subscription of one BFF to order status changes, over one read of the bus channel. */
export interface OrderStatusHub {
  watch(orderId: string): OrderWatch;
}

/** Changes kept for a subscription that has not asked for them yet; one more drops the oldest (as the bus does). */
const maxBufferedChanges = 100;

const done: IteratorReturnResult<undefined> = { value: undefined, done: true };

/**
 * Reads `orders.status` once for all subscriptions (while any listens), parses each message once, and hands it to the
 * subscriptions of its order only: with a stream per subscription, every subscription would parse every order's
 * every change (1,000 subscriptions at 100 changes/s: 100,000 parses a second). `onDrop` is told of each change a
 * subscription had to drop because it had not taken the 100 before (the BFF's dropped-events metric).
 */
export function createOrderStatusHub(events: EventBus, onDrop: () => void = () => undefined): OrderStatusHub {
  const watchers = new Map<string, Set<Watcher>>();
  let stream: EventStream | undefined;
  let count = 0;

  const pump = async (reading: EventStream) => {
    for await (const message of reading) {
      const event = parseOrderStatusEvent(message);
      const set = event && watchers.get(event.orderId);
      if (!event || !set) continue;
      const change: OrderStatusChange = {
        order: { id: event.orderId, buyerId: event.buyerId, status: event.status },
        status: event.status,
        changedAt: event.changedAt,
      };
      for (const watcher of set) watcher.push(change);
    }
    // The bus closed (or the last watcher left): every watcher still there ends too.
    if (stream === reading) {
      stream = undefined;
      for (const set of watchers.values()) for (const watcher of set) watcher.end();
    }
  };

  return {
    watch(orderId) {
      if (!stream) {
        stream = events.stream(orderStatusChannel, { bufferSize: 10_000 });
        void pump(stream);
      }
      const reading = stream;
      const leave = (watcher: Watcher) => {
        const set = watchers.get(orderId);
        if (!set?.delete(watcher)) return;
        if (set.size === 0) watchers.delete(orderId);
        count -= 1;
        // The last one gone: the bus channel is left (Redis UNSUBSCRIBE when no one else in the process listens).
        if (count === 0 && stream === reading) {
          stream = undefined;
          void reading.return();
        }
      };
      const watcher = createWatcher(leave, onDrop);
      const set = watchers.get(orderId);
      if (set) set.add(watcher);
      else watchers.set(orderId, new Set([watcher]));
      count += 1;
      return { ready: reading.ready, changes: watcher.changes };
    },
  };
}

interface Watcher {
  push(change: OrderStatusChange): void;
  end(): void;
  readonly changes: AsyncIterableIterator<OrderStatusChange, undefined>;
}

function createWatcher(leave: (watcher: Watcher) => void, onDrop: () => void): Watcher {
  const buffered: OrderStatusChange[] = [];
  let waiting: ((result: IteratorResult<OrderStatusChange, undefined>) => void) | undefined;
  let ended = false;
  const watcher: Watcher = {
    push(change) {
      if (ended) return;
      if (waiting) {
        const resolve = waiting;
        waiting = undefined;
        resolve({ value: change, done: false });
        return;
      }
      if (buffered.length >= maxBufferedChanges) {
        buffered.shift();
        onDrop();
      }
      buffered.push(change);
    },
    end() {
      ended = true;
      buffered.length = 0;
      const resolve = waiting;
      waiting = undefined;
      resolve?.(done);
    },
    changes: {
      next() {
        const change = buffered.shift();
        if (change) return Promise.resolve({ value: change, done: false });
        if (ended) return Promise.resolve(done);
        return new Promise((resolve) => {
          waiting = resolve;
        });
      },
      async return() {
        watcher.end();
        leave(watcher);
        return done;
      },
      [Symbol.asyncIterator]: () => watcher.changes,
    },
  };
  return watcher;
}
