import { Redis } from 'ioredis';
import type { EventPublisher } from './orderEvents.js';

/** An {@link EventPublisher} over Redis PUBLISH: what the BFFs' event buses (REDIS_URL) subscribe to. */
export interface RedisPublisher extends EventPublisher {
  close(): void;
}

/**
 * Publishes through the Redis at `redisUrl`. A publish while Redis is down fails at once (no offline queue): the
 * orders service logs it and goes on, and subscribers see the next change.
 */
export function createRedisPublisher(redisUrl: string): RedisPublisher {
  const redis = new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false });
  // Errors reach the publish that fails; the connection's own events are not worth a crash.
  redis.on('error', () => undefined);
  return {
    publish: async (channel, message) => {
      await redis.publish(channel, message);
    },
    close: () => redis.disconnect(),
  };
}
