import { Redis } from 'ioredis';
import { createRedisConnection, type RedisConnection } from '../core/createRedisConnection.js';
import type { DeliverEvent, EventTransport } from './EventTransport.js';

/** How long the first publish waits for the command connection to connect before it fails. */
const publishConnectWaitMs = 1_000;

/**
 * Redis pub/sub for one bus, over two connections made on first use: the command connection for PUBLISH (the kit's
 * usual one: no queue while Redis is down, so a publish fails fast), and one subscriber connection holding one
 * SUBSCRIBE per joined channel, however many local listeners it has. The subscriber reconnects by itself (every
 * second at most) and then subscribes again to every channel it held; a SUBSCRIBE asked for while Redis is down
 * waits for it, so `join` resolves once Redis is back.
 */
export function createRedisTransport(
  url: string,
  deliver: DeliverEvent,
  onError: (error: unknown) => void,
): EventTransport {
  let command: RedisConnection | undefined;
  let firstConnect: Promise<void> | undefined;
  let subscriber: Redis | undefined;
  let closing = false;
  const { hostname, port } = new URL(url);
  const where = `${hostname}:${port || 6379}`;

  const subscriberConnection = (): Redis => {
    if (subscriber) return subscriber;
    const client = new Redis(url, {
      lazyConnect: true,
      connectTimeout: 1_000,
      // Queue SUBSCRIBE while down rather than fail it: it is sent, with the channels held before, on reconnect.
      maxRetriesPerRequest: null,
      retryStrategy: (attempt) => Math.min(attempt * 100, 1_000),
    });
    // Without a listener ioredis prints every failed reconnect attempt; the outage is reported once, on 'close'.
    client.on('error', () => undefined);
    let reported = false;
    client.on('close', () => {
      if (closing || reported) return;
      reported = true;
      const consequence = 'reconnecting (messages published meanwhile are lost)';
      onError(new Error(`event bus: lost its subscriber connection to Redis at ${where}; ${consequence}`));
    });
    client.on('ready', () => (reported = false));
    client.on('message', deliver);
    return (subscriber = client);
  };

  return {
    async publish(channel, message) {
      command ??= createRedisConnection(url);
      // Only the first connection is waited for; during an outage a publish fails at once, not holding its caller.
      firstConnect ??= command.ready(publishConnectWaitMs);
      await firstConnect;
      try {
        await command.client.publish(channel, message);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(`publish: Redis at ${command.where} did not take the message, which is lost: ${reason}`, {
          cause: error,
        });
      }
    },
    async join(channel) {
      await subscriberConnection().subscribe(channel);
    },
    leave(channel) {
      subscriber?.unsubscribe(channel).catch(() => undefined);
    },
    close() {
      closing = true;
      command?.close();
      subscriber?.disconnect();
    },
  };
}
