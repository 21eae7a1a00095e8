import type { ApolloServerPlugin } from '@apollo/server';
import responseCachePlugin from '@apollo/server-plugin-response-cache';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import type { RedisConnection } from '../core/createRedisConnection.js';
import type { BffContext } from '../core/BffContext.js';
import { clientNameOf } from '../core/Viewer.js';
import { redisKeyValueCache } from './redisKeyValueCache.js';

/** The response cache of one BFF, and how it is closed. */
export interface ResponseCache {
  readonly plugin: ApolloServerPlugin<BffContext>;
  close(): void;
}

/**
 * Caches whole responses of public data, as long as every subgraph and connector that answered
 * allows (their Cache-Control hints make Apollo's cache policy; no hint means no caching). Only
 * anonymous requests read or write it, so a response that depends on who asks is never shared
 * between viewers; keys carry the BFF and the client app. In memory, or in Redis (under
 * `bff:<bff>:`) when given a Redis connection so replicas share it.
 */
export function createResponseCache(bffName: string, redis: RedisConnection | undefined): ResponseCache {
  const cache = redis ? redisKeyValueCache(redis, `bff:${bffName}:`) : new InMemoryLRUCache<string>();
  const anonymous = async ({ contextValue }: { contextValue: BffContext }) => contextValue.viewer.kind === 'anonymous';
  const plugin = responseCachePlugin<BffContext>({
    cache,
    sessionId: async () => null,
    extraCacheKeyData: async ({ contextValue }) => ({
      bff: bffName,
      client: clientNameOf(contextValue.viewer, bffName),
    }),
    shouldReadFromCache: anonymous,
    shouldWriteToCache: anonymous,
  });
  return {
    // A signed-in viewer's request skips the plugin's hooks altogether (they would await a key and
    // the two checks above just to do nothing).
    plugin: {
      ...plugin,
      requestDidStart: (requestContext) =>
        requestContext.contextValue.viewer.kind === 'anonymous' ? plugin.requestDidStart?.(requestContext) : undefined,
    },
    close: () => redis?.close(),
  };
}
