import type { EventBus, EventListener, EventStream, EventSubscription } from './EventBus.js';
import { createEventStream } from './createEventStream.js';
import { createLocalTransport, type EventTransport } from './EventTransport.js';
import { createRedisTransport } from './createRedisTransport.js';

/** Options of {@link createEventBus}. */
export interface EventBusOptions {
  /** Redis to publish and subscribe through, shared by every process on it. @default none: this process only */
  readonly redisUrl?: string | undefined;
  /**
   * Told of what no caller can be: an error thrown by a listener (the other listeners still get the message), and
   * the subscriber connection failing (once per outage). @default ignored
   */
  readonly onError?: (error: unknown) => void;
}

/** A channel with local listeners: them, and the transport's join of it (pending or settled). */
interface JoinedChannel {
  readonly listeners: Set<EventListener>;
  readonly ready: Promise<void>;
}

/**
 * Builds an {@link EventBus}: in process without `redisUrl`; with it, through Redis pub/sub (see createRedisTransport),
 * where local listeners still share one SUBSCRIBE per channel. Listeners are kept in a Map of Sets rather than an
 * EventEmitter, whose reserved event names would break channels named `error` or `newListener`.
 */
export function createEventBus(options: EventBusOptions = {}): EventBus {
  const onError = options.onError ?? (() => undefined);
  const channels = new Map<string, JoinedChannel>();
  const deliver = (channel: string, message: string) => {
    const joined = channels.get(channel);
    // A copy: a listener that unsubscribes another, or subscribes one, changes the next message's listeners only.
    if (joined) for (const listener of [...joined.listeners]) listener(message);
  };
  const transport: EventTransport =
    options.redisUrl === undefined
      ? createLocalTransport(deliver)
      : createRedisTransport(options.redisUrl, deliver, onError);
  const streams = new Set<EventStream>();
  let closed = false;

  const checkOpen = (method: string) => {
    if (closed) throw new Error(`${method}: the event bus is closed; make a new one with createEventBus`);
  };

  function subscribe(channel: string, listener: EventListener): EventSubscription {
    checkOpen('subscribe');
    checkChannel('subscribe', channel);
    if (typeof listener !== 'function') {
      throw new TypeError(`subscribe: listener must be a function, but got: ${typeof listener}`);
    }
    const guarded = (message: string) => {
      try {
        listener(message);
      } catch (error) {
        onError(error);
      }
    };
    let joined = channels.get(channel);
    if (!joined) {
      joined = { listeners: new Set(), ready: transport.join(channel) };
      // Whoever awaits `ready` sees a rejection; nobody awaiting it must not make it an unhandled one.
      joined.ready.catch(() => undefined);
      channels.set(channel, joined);
    }
    joined.listeners.add(guarded);
    const { listeners, ready } = joined;
    return {
      ready,
      unsubscribe() {
        if (!listeners.delete(guarded) || listeners.size > 0 || closed) return;
        channels.delete(channel);
        transport.leave(channel);
      },
    };
  }

  return {
    // async: misuse rejects, as a failed PUBLISH does, rather than throwing from a promise-returning call.
    async publish(channel, message) {
      checkOpen('publish');
      checkChannel('publish', channel);
      if (typeof message !== 'string') {
        throw new TypeError(`publish: message must be a string (JSON.stringify it), but got: ${typeof message}`);
      }
      await transport.publish(channel, message);
    },
    subscribe,
    stream(channel, streamOptions) {
      const stream: EventStream = createEventStream((listener) => {
        const subscription = subscribe(channel, listener);
        return {
          ready: subscription.ready,
          unsubscribe() {
            streams.delete(stream);
            subscription.unsubscribe();
          },
        };
      }, streamOptions);
      streams.add(stream);
      return stream;
    },
    async close() {
      if (closed) return;
      closed = true;
      await Promise.all([...streams].map((stream) => stream.return()));
      channels.clear();
      transport.close();
    },
  };
}

function checkChannel(method: string, channel: unknown): void {
  if (typeof channel !== 'string' || channel === '') {
    throw new TypeError(`${method}: channel must be a non-empty string, but got: ${JSON.stringify(channel)}`);
  }
}
