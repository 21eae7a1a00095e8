import type { Redis } from 'ioredis';
import type { CachedEntity, EntityCache, EntityCacheKey } from './EntityCache.js';
import { createEntityCacheKeys } from './entityCacheKeys.js';
import { reportLookup, type EntityLookupListener } from './entityLookups.js';

/** Options of createRedisEntityCache. */
export interface RedisEntityCacheOptions {
  /**
   * The BFF's shared connection (core/createRedisConnection.ts): without an offline queue, so that a command fails at
   * once while Redis is down.
   */
  readonly client: Redis;
  /** Put before every key, e.g. `bff:web:entity:`; each BFF has its own. */
  readonly keyPrefix: string;
  /** The clock entries expire by, in milliseconds. @default Date.now */
  readonly now?: () => number;
  /** Told how many entities of each lookup were hits, misses and errors (for /metrics). @default nothing */
  readonly onLookup?: EntityLookupListener | undefined;
  /** Told of every failed lookup or store (never thrown into a request). @default nothing */
  readonly onError?: ((error: unknown) => void) | undefined;
}

/** Keys a SCAN returns per round trip while dropping a type. */
const scanCount = 1_000;

/**
 * An entity cache in Redis, shared by every worker and replica of a BFF. A lookup is one MGET
 * (each entity's public key, then its private key for a signed-in viewer); a store one pipeline of
 * SET … PX, not awaited; a drop SCANs the type's keys (the typename leads each key) and UNLINKs
 * them. A value is `<expiry in ms since the epoch> <JSON>`, so a hit knows the max-age it has left
 * without asking Redis for the TTL. While Redis is down or slow, lookups are misses counted as
 * `error`, stores are lost, and neither fails a request.
 */
export function createRedisEntityCache(options: RedisEntityCacheOptions): EntityCache {
  const { client, keyPrefix, onLookup, onError } = options;
  const now = options.now ?? Date.now;
  const keys = createEntityCacheKeys();

  /** The entity and policy of a value found under a key, or undefined when it is expired or unreadable. */
  const read = (value: string | null, scope: 'PUBLIC' | 'PRIVATE', at: number): CachedEntity | undefined => {
    if (value === null) return undefined;
    const space = value.indexOf(' ');
    const expiresAt = Number(value.slice(0, space));
    // Redis expires it by its own clock; a replica whose clock runs ahead may find it a little early.
    if (space === -1 || !(expiresAt > at)) return undefined;
    return {
      entity: JSON.parse(value.slice(space + 1)) as Record<string, unknown>,
      policy: { maxAge: Math.floor((expiresAt - at) / 1000), scope },
    };
  };

  return {
    async lookup(lookupKeys: readonly EntityCacheKey[], viewerId: string | undefined) {
      if (lookupKeys.length === 0) return [];
      const perEntity = viewerId === undefined ? 1 : 2;
      const storeKeys = lookupKeys.flatMap((key) =>
        viewerId === undefined
          ? [keyPrefix + keys.publicKey(key)]
          : [keyPrefix + keys.publicKey(key), keyPrefix + keys.privateKey(key, viewerId)],
      );
      let values: (string | null)[];
      try {
        values = await client.mget(storeKeys);
      } catch (error) {
        onError?.(error);
        onLookup?.('error', lookupKeys.length);
        return lookupKeys.map(() => undefined);
      }
      const at = now();
      let hits = 0;
      let errors = 0;
      const found = lookupKeys.map((_key, index): CachedEntity | undefined => {
        try {
          const entity =
            read(values[index * perEntity] ?? null, 'PUBLIC', at) ??
            (perEntity === 2 ? read(values[index * perEntity + 1] ?? null, 'PRIVATE', at) : undefined);
          if (entity) hits += 1;
          return entity;
        } catch (error) {
          // A value this code did not write (the key prefix is shared by mistake): a miss, reported.
          errors += 1;
          onError?.(error);
          return undefined;
        }
      });
      reportLookup(onLookup, hits, lookupKeys.length - hits - errors);
      if (errors > 0) onLookup?.('error', errors);
      return found;
    },

    store(stored, policy, viewerId) {
      const keyOf = keys.storeKeyOf(policy.scope, viewerId);
      if (policy.maxAge <= 0 || !keyOf || stored.length === 0) return;
      const ttlMs = policy.maxAge * 1000;
      const expiresAt = now() + ttlMs;
      const pipeline = client.pipeline();
      for (const { key, entity } of stored) {
        let json: string;
        try {
          json = JSON.stringify(entity);
        } catch (error) {
          onError?.(error);
          continue;
        }
        pipeline.set(keyPrefix + keyOf(key), `${expiresAt} ${json}`, 'PX', ttlMs);
      }
      // Not awaited: the answer is already on its way, and a lost store is only a later miss.
      pipeline.exec().then(
        (results) => {
          const failed = results?.find(([error]) => error !== null);
          if (failed) onError?.(failed[0]);
        },
        (error: unknown) => onError?.(error),
      );
    },

    async dropType(typename) {
      const match = `${escapeGlob(keyPrefix + keys.typePrefix(typename))}*`;
      let dropped = 0;
      let cursor = '0';
      do {
        const [next, found] = await client.scan(cursor, 'MATCH', match, 'COUNT', scanCount);
        cursor = next;
        // UNLINK frees values in the background, and counts removals: a key SCAN returns twice is counted once.
        if (found.length > 0) dropped += await client.unlink(...found);
      } while (cursor !== '0');
      return dropped;
    },
  };
}

/** `text` matched literally by a Redis glob pattern. */
function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, '\\$&');
}
