import { LRUCache } from 'lru-cache';
import type { CachedEntity, EntityCache, EntityCacheKey } from './EntityCache.js';
import { createEntityCacheKeys } from './entityCacheKeys.js';
import { reportLookup, type EntityLookupListener } from './entityLookups.js';

/** Options of createMemoryEntityCache. */
export interface MemoryEntityCacheOptions {
  /** Entries kept; past it the least recently used goes. `<P>ENTITY_CACHE_MAX_ENTRIES`. */
  readonly maxEntries: number;
  /** The clock entries expire by, in milliseconds. @default Date.now */
  readonly now?: () => number;
  /** Told how many entities of each lookup were hits and misses (for /metrics). @default nothing */
  readonly onLookup?: EntityLookupListener | undefined;
}

/** One kept answer: its JSON text (parsed anew on every hit) and when it stops being fresh. */
interface Entry {
  readonly json: string;
  readonly expiresAt: number;
}

/**
 * An entity cache in this process's memory: a bounded LRU of JSON texts, each fresh for the
 * max-age it was stored with. A hit is parsed from its text, so every caller gets an object of
 * its own to change. Public answers are kept under one key for every viewer, private ones under
 * a key of their viewer; a lookup tries the public key first. Each process (worker, replica) has
 * its own: with several, use Redis (createRedisEntityCache) to share entries and drops.
 */
export function createMemoryEntityCache(options: MemoryEntityCacheOptions): EntityCache {
  const now = options.now ?? Date.now;
  const { onLookup } = options;
  const keys = createEntityCacheKeys();
  const entries = new LRUCache<string, Entry>({ max: options.maxEntries });

  const fresh = (storeKey: string, at: number): Entry | undefined => {
    const entry = entries.get(storeKey);
    if (entry === undefined || entry.expiresAt > at) return entry;
    // Expired entries go when found; those never asked for again leave by the LRU bound.
    entries.delete(storeKey);
    return undefined;
  };
  const cached = (entry: Entry, scope: 'PUBLIC' | 'PRIVATE', at: number): CachedEntity => ({
    entity: JSON.parse(entry.json) as Record<string, unknown>,
    policy: { maxAge: Math.floor((entry.expiresAt - at) / 1000), scope },
  });

  return {
    lookup(lookupKeys: readonly EntityCacheKey[], viewerId: string | undefined) {
      const at = now();
      let hits = 0;
      const found = lookupKeys.map((key): CachedEntity | undefined => {
        const shared = fresh(keys.publicKey(key), at);
        if (shared) {
          hits += 1;
          return cached(shared, 'PUBLIC', at);
        }
        const own = viewerId === undefined ? undefined : fresh(keys.privateKey(key, viewerId), at);
        if (!own) return undefined;
        hits += 1;
        return cached(own, 'PRIVATE', at);
      });
      reportLookup(onLookup, hits, lookupKeys.length - hits);
      return Promise.resolve(found);
    },

    store(stored, policy, viewerId) {
      const keyOf = keys.storeKeyOf(policy.scope, viewerId);
      if (policy.maxAge <= 0 || !keyOf) return;
      const expiresAt = now() + policy.maxAge * 1000;
      for (const { key, entity } of stored) {
        let json: string;
        try {
          json = JSON.stringify(entity);
        } catch {
          // Not JSON (a BigInt, a cycle): not kept, and the request goes on.
          continue;
        }
        entries.set(keyOf(key), { json, expiresAt });
      }
    },

    dropType(typename) {
      const prefix = keys.typePrefix(typename);
      let dropped = 0;
      // Collected first, so that deleting does not disturb the walk over the keys.
      for (const storeKey of [...entries.keys()].filter((candidate) => candidate.startsWith(prefix))) {
        if (entries.delete(storeKey)) dropped += 1;
      }
      return Promise.resolve(dropped);
    },
  };
}
