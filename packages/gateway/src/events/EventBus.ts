/** Called with each message of a channel, in the order they were published. */
export type EventListener = (message: string) => void;

/** One listener on one channel. */
export interface EventSubscription {
  /**
   * Resolves once messages published from now on reach the listener: at once in process; with Redis once Redis has
   * confirmed the channel's SUBSCRIBE (while Redis is down, once it is back). Rejects only if the bus is closed first.
   */
  readonly ready: Promise<void>;
  /** Stops delivery to this listener; the last listener of a channel unsubscribes the bus from it. Idempotent. */
  unsubscribe(): void;
}

/** Options of {@link EventBus.stream}. */
export interface EventStreamOptions {
  /**
   * Messages kept for a consumer that has not asked for them yet. When one more arrives, the oldest is dropped:
   * a slow consumer loses old messages, never the newest, and never holds more than this in memory. @default 100
   */
  readonly bufferSize?: number;
  /** Called with each message dropped because the consumer fell behind (for a metric or a log line). @default none */
  readonly onDrop?: (message: string) => void;
}

/**
 * The messages of one channel as an async iterator, what a GraphQL subscription resolver returns. It ends
 * (`{ done: true }`) on `return()`, which graphql-js calls when the client unsubscribes, and when the bus closes;
 * messages still buffered then are discarded.
 */
export interface EventStream extends AsyncIterableIterator<string, undefined> {
  /** As {@link EventSubscription.ready}: await it before the event the client waits for can happen. */
  readonly ready: Promise<void>;
  /** Messages dropped so far because the consumer fell behind. */
  readonly dropped: number;
  return(): Promise<IteratorReturnResult<undefined>>;
}

/**
 * Publish/subscribe over named channels: in this process, or through Redis so that every process on the same Redis
 * (every BFF replica, the services) hears every message. Delivery is at most once: a message published while no
 * listener is subscribed, or while Redis is unreachable, is lost.
 */
export interface EventBus {
  /**
   * Sends `message` to every listener of `channel`; resolves once sent (Redis: once PUBLISH was answered). Rejects
   * when Redis is unreachable: at once during an outage (the command connection does not queue), within a second
   * for the first publish of a bus.
   */
  publish(channel: string, message: string): Promise<void>;
  /** Calls `listener` with each message published on `channel` from now on, until unsubscribed. */
  subscribe(channel: string, listener: EventListener): EventSubscription;
  /** The messages of `channel` from now on, buffered up to `bufferSize` for a slow consumer. */
  stream(channel: string, options?: EventStreamOptions): EventStream;
  /** Ends every stream, drops every listener, closes the Redis connections. Idempotent. */
  close(): Promise<void>;
}
