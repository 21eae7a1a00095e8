import { z } from 'zod';
import { enumKey, positiveIntKey, readEnvKeys, type EnvKey } from '../core/envKey.js';

/** The entity cache (`<prefix>ENTITY_CACHE*`). */
export interface EntityCacheConfig {
  /** Entity answers of subgraphs are cached for as long as their Cache-Control allows. */
  readonly enabled: boolean;
  /** Entries kept in memory (least recently used first out); without Redis only. */
  readonly maxEntries: number;
  /** The role a token must carry to drop a type's entries (`DELETE /entity-cache/<Type>`). */
  readonly adminRole: string;
  /** Entries live in this Redis (shared by replicas) when set; in memory otherwise. Secret. */
  readonly redisUrl: string | undefined;
}

/** One role name, as a token's `roles` claim lists them (a space-separated claim splits on spaces). */
const roleKey = (defaultValue: string): EnvKey<string> => ({
  schema: z.string().regex(/^[^\s,]+$/),
  mustBe: 'be one role name (no spaces or commas)',
  defaultValue,
});

/**
 * Reads `<prefix>ENTITY_CACHE` (`on` or `off`, default off), `<prefix>ENTITY_CACHE_MAX_ENTRIES`
 * (default 10000) and `<prefix>ENTITY_CACHE_ADMIN_ROLE` (default `admin`). REDIS_URL is the shared
 * one the protection keys read, as for the response cache.
 */
export function readEntityCacheConfig(
  env: NodeJS.ProcessEnv,
  prefix: string,
  redisUrl: string | undefined,
  problems: string[],
): EntityCacheConfig {
  const keys = readEnvKeys(
    env,
    prefix,
    {
      ENTITY_CACHE: enumKey(['on', 'off'], 'off'),
      ENTITY_CACHE_MAX_ENTRIES: positiveIntKey(10_000, 10_000_000),
      ENTITY_CACHE_ADMIN_ROLE: roleKey('admin'),
    },
    problems,
  );
  return Object.freeze({
    enabled: keys.ENTITY_CACHE === 'on',
    maxEntries: keys.ENTITY_CACHE_MAX_ENTRIES,
    adminRole: keys.ENTITY_CACHE_ADMIN_ROLE,
    redisUrl,
  });
}
