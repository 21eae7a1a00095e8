import { Redis } from 'ioredis';

/** A Redis connection for shared counters: fails fast while down, reconnects forever. */
export interface RedisConnection {
  readonly client: Redis;
  /** `host:port` of the server, for logs (never the URL: it may hold a password). */
  readonly where: string;
  /** Resolves once connected, once a connection attempt failed, or after `timeoutMs` (the BFF serves either way). */
  ready(timeoutMs: number): Promise<void>;
  /** Closes the connection and stops reconnecting. */
  close(): void;
}

/**
 * Connects to `url` for shared state (rate-limit counters, APQ, cached responses). Commands never queue while Redis is
 * down (no offline queue, a command timeout), so a request learns at once that its counter is out of reach and the
 * configured fail-open or fail-closed applies; reconnection is retried every second at most, so counting resumes by
 * itself when Redis is back.
 */
export function createRedisConnection(url: string): RedisConnection {
  const client = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: 1_000,
    commandTimeout: 1_000,
    retryStrategy: (attempt) => Math.min(attempt * 100, 1_000),
  });
  // Outages are reported by the rate limiter when a request needs Redis, once per outage;
  // without a listener ioredis would print every failed reconnect attempt.
  client.on('error', () => undefined);
  const { hostname, port } = new URL(url);
  return {
    client,
    where: `${hostname}:${port || 6379}`,
    ready: (timeoutMs) =>
      client.status === 'ready'
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            const done = () => {
              clearTimeout(timer);
              client.off('ready', done);
              client.off('error', done);
              resolve();
            };
            const timer = setTimeout(done, timeoutMs);
            client.once('ready', done);
            client.once('error', done);
          }),
    close: () => client.disconnect(),
  };
}

/** The one Redis connection per URL of a server, lent to every part that keeps shared state. */
export interface SharedRedis {
  /** The connection to `url`, made on first use; its `close` does nothing (the owner closes it). */
  readonly connect: (url: string) => RedisConnection;
  /** Closes every connection made. */
  close(): void;
}

/**
 * One connection per Redis URL for the whole BFF process: rate limits, APQ and the response
 * cache share it instead of opening one each (commands are pipelined on one socket anyway).
 */
export function createSharedRedis(): SharedRedis {
  const connections = new Map<string, RedisConnection>();
  return {
    connect(url) {
      let connection = connections.get(url);
      if (!connection) connections.set(url, (connection = createRedisConnection(url)));
      return { ...connection, close: () => undefined };
    },
    close() {
      for (const connection of connections.values()) connection.close();
      connections.clear();
    },
  };
}
