import type { PersistedQueryOptions } from '@apollo/server';
import type { RedisConnection } from '../core/createRedisConnection.js';
import { withOperationResolution } from '../gateway/withOperationResolution.js';
import { createPersistedQueryCache, type PersistedQueryCache } from '../persisted/createPersistedQueryCache.js';
import { readPersistedQueryManifest } from '../persisted/persistedQueryManifest.js';
import type { PersistedConfig } from '../persisted/readPersistedConfig.js';
import { useApqHashCheck } from '../persisted/useApqHashCheck.js';
import { useTrustedDocuments } from '../persisted/useTrustedDocuments.js';
import type { Stage } from './Stage.js';

/** Options of the resolveDocument stage. */
export interface ResolveDocumentOptions {
  readonly bffName: string;
  /** APQ (on/off, TTL, Redis) and trusted documents (manifest, mode). */
  readonly persisted: PersistedConfig;
  /** Lends the process' one connection to a Redis URL. */
  readonly connectRedis: (url: string) => RedisConnection;
  /** @default '/graphql' */
  readonly graphqlPath?: string;
}

/**
 * resolveDocument: which document and which operation a request runs. A text, an APQ hash or a
 * trusted manifest id (400 OPERATION_NOT_TRUSTED, PERSISTED_QUERY_NOT_FOUND) becomes a document
 * through Apollo Server's persisted queries over the BFF's cache (memory or the shared Redis); the
 * operation is then chosen as GraphQL execution does (400 OPERATION_RESOLUTION_FAILURE for an
 * unknown operationName), and a document of several is cut to the chosen one before anything
 * plans it. The manifest is read now (ConfigError when it is bad).
 */
export function resolveDocument(options: ResolveDocumentOptions): Stage {
  const { apq, trustedDocuments } = options.persisted;
  const graphqlPath = options.graphqlPath ?? '/graphql';
  const manifest =
    trustedDocuments.manifestFile !== undefined && trustedDocuments.mode !== 'off'
      ? readPersistedQueryManifest(trustedDocuments.manifestFile)
      : undefined;
  // Manifest ids are resolved through the APQ cache, so trusted documents need it on.
  const cache: PersistedQueryCache | undefined =
    apq.enabled || manifest
      ? createPersistedQueryCache(options.bffName, {
          redisUrl: apq.redisUrl,
          manifest,
          registrations: apq.enabled,
          connectRedis: options.connectRedis,
        })
      : undefined;
  const persistedQueries: PersistedQueryOptions | false = cache ? { cache: cache.cache, ttl: apq.ttlSeconds } : false;
  return {
    name: 'resolveDocument',
    http(http) {
      if (manifest && trustedDocuments.mode !== 'off')
        useTrustedDocuments(http, { manifest, mode: trustedDocuments.mode, graphqlPath });
      if (apq.enabled) useApqHashCheck(http, graphqlPath);
      if (cache) http.addHook('onReady', () => cache.ready(1_000));
    },
    apollo: { persistedQueries },
    gateway: withOperationResolution,
  };
}
