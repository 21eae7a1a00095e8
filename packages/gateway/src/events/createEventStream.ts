import type { EventListener, EventStream, EventStreamOptions, EventSubscription } from './EventBus.js';

/** Messages a stream keeps for a consumer that has not asked for them yet. */
export const defaultEventStreamBufferSize = 100;

const done: IteratorReturnResult<undefined> = { value: undefined, done: true };

/**
 * Turns a subscription into a pull-based {@link EventStream}: a message arriving while the consumer waits in `next()`
 * is handed over at once; otherwise it is buffered, and past `bufferSize` the oldest buffered one is dropped, so a
 * consumer that falls behind costs bounded memory and still sees the newest messages.
 */
export function createEventStream(
  subscribe: (listener: EventListener) => EventSubscription,
  options: EventStreamOptions = {},
): EventStream {
  const bufferSize = options.bufferSize ?? defaultEventStreamBufferSize;
  if (!Number.isInteger(bufferSize) || bufferSize < 1) {
    throw new RangeError(`stream: bufferSize must be a positive integer, but got: ${String(bufferSize)}`);
  }
  const buffered: string[] = [];
  const waiting: ((result: IteratorResult<string, undefined>) => void)[] = [];
  let dropped = 0;
  let ended = false;

  const subscription = subscribe((message) => {
    // A message being delivered when the stream ended may still reach this listener: it is too late.
    if (ended) return;
    const consumer = waiting.shift();
    if (consumer) {
      consumer({ value: message, done: false });
      return;
    }
    buffered.push(message);
    const oldest = buffered.length > bufferSize ? buffered.shift() : undefined;
    if (oldest !== undefined) {
      dropped += 1;
      options.onDrop?.(oldest);
    }
  });

  const stream: EventStream = {
    ready: subscription.ready,
    get dropped() {
      return dropped;
    },
    next() {
      const message = buffered.shift();
      if (message !== undefined) return Promise.resolve({ value: message, done: false });
      if (ended) return Promise.resolve(done);
      return new Promise((resolve) => waiting.push(resolve));
    },
    return() {
      if (!ended) {
        ended = true;
        subscription.unsubscribe();
        buffered.length = 0;
        for (const consumer of waiting.splice(0)) consumer(done);
      }
      return Promise.resolve(done);
    },
    [Symbol.asyncIterator]() {
      return stream;
    },
  };
  return stream;
}
