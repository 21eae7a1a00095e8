import type { KeyValueCache, KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';
import type { RedisConnection } from '../core/createRedisConnection.js';

/** A KeyValueCache over ioredis whose failures are misses (get) or no-ops (set, delete). */
export function redisKeyValueCache({ client }: RedisConnection, prefix: string): KeyValueCache {
  return {
    async get(key) {
      return (await client.get(prefix + key).catch(() => null)) ?? undefined;
    },
    async set(key, value, options?: KeyValueCacheSetOptions) {
      const ttl = options?.ttl;
      await (
        typeof ttl === 'number' && ttl > 0
          ? client.set(prefix + key, value, 'EX', Math.ceil(ttl))
          : client.set(prefix + key, value)
      ).catch(() => undefined);
    },
    async delete(key) {
      return (await client.del(prefix + key).catch(() => 0)) > 0;
    },
  };
}
