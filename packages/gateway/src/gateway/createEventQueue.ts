import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import type { SubgraphEvents } from './SubgraphSubscriber.js';

/** Events pushed by a source that cannot be paused (a socket), read as {@link SubgraphEvents}. */
export interface EventQueue {
  readonly events: SubgraphEvents;
  /** Queues an event, or hands it to a pending `next()`; ignored once finished. */
  push(event: GatewayGraphQLResponse): void;
  /** No event after those queued: `next()` gives them, then `done`. Idempotent. */
  finish(): void;
  /** Whether finish() or the reader's return() ended it. */
  readonly finished: boolean;
}

const done: IteratorReturnResult<undefined> = { value: undefined, done: true };

/**
 * A queue of pushed events. When a reader falls `bufferSize` events behind, the oldest is dropped (as the
 * kit's event bus does): a stalled reader costs bounded memory and still gets the newest. The reader's
 * return() settles a pending next() at once, discards what is queued and calls `onReturn` (release the source).
 */
export function createEventQueue(bufferSize: number, onReturn: () => Promise<void>): EventQueue {
  const queued: GatewayGraphQLResponse[] = [];
  const readers: ((step: IteratorResult<GatewayGraphQLResponse, undefined>) => void)[] = [];
  let finished = false;
  const finish = () => {
    if (finished) return;
    finished = true;
    for (const reader of readers.splice(0)) reader(done);
  };
  const events: SubgraphEvents = {
    next() {
      const event = queued.shift();
      if (event) return Promise.resolve({ value: event, done: false });
      if (finished) return Promise.resolve(done);
      return new Promise((resolve) => readers.push(resolve));
    },
    async return() {
      queued.length = 0;
      finish();
      await onReturn();
      return done;
    },
    [Symbol.asyncIterator]: () => events,
  };
  return {
    events,
    push(event) {
      if (finished) return;
      const reader = readers.shift();
      if (reader) {
        reader({ value: event, done: false });
        return;
      }
      if (queued.length >= bufferSize) queued.shift();
      queued.push(event);
    },
    finish,
    get finished() {
      return finished;
    },
  };
}
