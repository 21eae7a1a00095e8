import { InMemoryLRUCache, type KeyValueCache } from '@apollo/utils.keyvaluecache';
import { redisKeyValueCache } from '../cache/redisKeyValueCache.js';
import type { RedisConnection } from '../core/createRedisConnection.js';
import type { PersistedQueryManifest } from './persistedQueryManifest.js';

/** Where Apollo Server keeps the queries clients registered by hash, and how it is closed. */
export interface PersistedQueryCache {
  readonly cache: KeyValueCache;
  /** Resolves once Redis answered or after `timeoutMs`; at once in memory. */
  ready(timeoutMs: number): Promise<void>;
  close(): void;
}

/** Where registered queries live, and which ids are always known. */
export interface PersistedQueryCacheOptions {
  /** Registered queries live in this Redis when set. @default in memory */
  readonly redisUrl?: string | undefined;
  /** Lends the process' one connection to a Redis URL. */
  readonly connectRedis: (url: string) => RedisConnection;
  /** Its operations are found by id without registration. @default none */
  readonly manifest?: PersistedQueryManifest | undefined;
  /** false: nothing a client sends is stored (APQ off), only manifest ids are found. */
  readonly registrations: boolean;
}

const nothingStored: KeyValueCache = {
  get: async () => undefined,
  set: async () => undefined,
  delete: async () => false,
};

/** What Apollo Server prefixes the hash with before it asks the cache (its APQ_CACHE_PREFIX). */
const apqPrefix = 'apq:';

/**
 * The APQ cache of one BFF: in memory (least recently used evicted, about 30 MB), or in Redis
 * under `bff:<bffName>:` when `redisUrl` is set, so every replica of a BFF serves a query any of
 * them registered (and BFFs never serve each other's). A Redis that is down is a miss, never an
 * error: the client sends the full text again. With a manifest, its operations are always
 * found by their ids, without a registration and without Redis.
 */
export function createPersistedQueryCache(bffName: string, options: PersistedQueryCacheOptions): PersistedQueryCache {
  const { redisUrl, manifest, registrations, connectRedis } = options;
  const redis = redisUrl === undefined || !registrations ? undefined : connectRedis(redisUrl);
  const stored: KeyValueCache = !registrations
    ? nothingStored
    : redis
      ? redisKeyValueCache(redis, `bff:${bffName}:`)
      : new InMemoryLRUCache<string>();
  const trusted = new Map(manifest?.operations.map((operation) => [`${apqPrefix}${operation.id}`, operation.body]));
  return {
    cache:
      trusted.size === 0
        ? stored
        : {
            get: async (key) => trusted.get(key) ?? stored.get(key),
            set: (key, value, options) => stored.set(key, value, options),
            delete: (key) => stored.delete(key),
          },
    ready: (timeoutMs) => redis?.ready(timeoutMs) ?? Promise.resolve(),
    close: () => redis?.close(),
  };
}
