import type { Logger } from '@apollo/utils.logger';
import type { RedisConnection } from '../core/createRedisConnection.js';
import type { EntityCache } from './EntityCache.js';
import { createMemoryEntityCache } from './createMemoryEntityCache.js';
import { createRedisEntityCache } from './createRedisEntityCache.js';
import { entityLookupResults, type EntityLookupListener } from './entityLookups.js';
import type { EntityCacheConfig } from './readEntityCacheConfig.js';

/** What a BFF's entity cache is built with. */
export interface EntityCacheDependencies {
  readonly bffName: string;
  /** The BFF's shared Redis connections (core/createRedisConnection.ts). */
  readonly connectRedis: (url: string) => RedisConnection;
  readonly logger: Logger;
  /** Counts each lookup's entities by result; /metrics shows the series from boot. @default nothing */
  readonly recordLookups?: EntityLookupListener | undefined;
}

/**
 * The BFF's entity cache as configured: none when `<P>ENTITY_CACHE` is off; in Redis, under
 * `bff:<bff>:entity:`, when REDIS_URL is set; else in this process's memory. A Redis outage is
 * logged once (warn) when a lookup or store first fails, and once more when lookups work again.
 */
export function createEntityCache(
  config: EntityCacheConfig,
  dependencies: EntityCacheDependencies,
): EntityCache | undefined {
  if (!config.enabled) return undefined;
  const { recordLookups, logger } = dependencies;
  // Zero samples from the start, so a rate() over the first lookups sees them.
  for (const result of entityLookupResults) recordLookups?.(result, 0);
  if (config.redisUrl === undefined)
    return createMemoryEntityCache({ maxEntries: config.maxEntries, onLookup: recordLookups });
  const redis = dependencies.connectRedis(config.redisUrl);
  let failing = false;
  return createRedisEntityCache({
    client: redis.client,
    keyPrefix: `bff:${dependencies.bffName}:entity:`,
    onLookup(result, entities) {
      recordLookups?.(result, entities);
      if (result === 'error' || !failing) return;
      failing = false;
      logger.info(`the entity cache in Redis at ${redis.where} answers again`);
    },
    onError(error) {
      if (failing) return;
      failing = true;
      const reason = error instanceof Error ? error.message : String(error);
      logger.warn(
        `the entity cache in Redis at ${redis.where} failed (${reason}); lookups are misses until it answers again`,
      );
    },
  });
}
