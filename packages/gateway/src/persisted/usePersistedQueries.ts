import type { PersistedQueryOptions } from '@apollo/server';
import type { FastifyInstance } from 'fastify';
import type { BffConfig } from '../config/readConfig.js';
import { createPersistedQueryCache } from './createPersistedQueryCache.js';
import { readPersistedQueryManifest } from './persistedQueryManifest.js';
import { useApqHashCheck } from './useApqHashCheck.js';
import { useTrustedDocuments } from './useTrustedDocuments.js';

/** What the Apollo Server of a BFF is built with for persisted queries. */
export interface PersistedQueries {
  /** Spread into the ApolloServer options. */
  readonly apolloOptions: { readonly persistedQueries: PersistedQueryOptions | false };
}

/**
 * resolveDocument: Apollo's automatic persisted queries over the BFF's cache (memory or Redis,
 * `config.persisted.apq`), and trusted documents when the BFF has a manifest and its mode is not
 * off. The manifest is read at once (ConfigError when it is bad). Call it after useProtection,
 * so a sent text is measured before it is judged.
 */
export function usePersistedQueries(
  http: FastifyInstance,
  config: BffConfig,
  graphqlPath = '/graphql',
): PersistedQueries {
  const { apq, trustedDocuments } = config.persisted;
  const manifest =
    trustedDocuments.manifestFile !== undefined && trustedDocuments.mode !== 'off'
      ? readPersistedQueryManifest(trustedDocuments.manifestFile)
      : undefined;
  if (manifest && trustedDocuments.mode !== 'off')
    useTrustedDocuments(http, { manifest, mode: trustedDocuments.mode, graphqlPath });
  // Manifest ids are resolved through the APQ cache, so trusted documents need it on.
  if (!apq.enabled && !manifest) return { apolloOptions: { persistedQueries: false } };
  if (apq.enabled) useApqHashCheck(http, graphqlPath);
  const cache = createPersistedQueryCache(config.name, {
    redisUrl: apq.redisUrl,
    manifest,
    registrations: apq.enabled,
  });
  http.addHook('onReady', () => cache.ready(1_000));
  http.addHook('onClose', async () => cache.close());
  return { apolloOptions: { persistedQueries: { cache: cache.cache, ttl: apq.ttlSeconds } } };
}
