import type { FetchNode } from '@apollo/query-planner';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import type { CachedEntity, EntityCache, EntityCacheKey } from '../../entityCache/EntityCache.js';
import { parseCachePolicy } from '../../entityCache/parseCachePolicy.js';
import { cacheControlOf, type SubgraphResponse } from '../../gateway/SubgraphResponse.js';
import { restrictCachePolicyTo } from '../../gateway/restrictCachePolicy.js';

/** What the entity cache had for an entity fetch's distinct representations. */
export interface CachedAnswers {
  /** Each representation's key, by its position among those of the fetch. */
  readonly keys: readonly EntityCacheKey[];
  /** The cached answer of each representation; undefined where the subgraph must be asked. */
  readonly found: readonly (CachedEntity | undefined)[];
  /** The positions of the representations sent, in the order they are sent. */
  readonly missing: readonly number[];
}

/** Looks up each of a fetch's representations: keyed by subgraph, selection (the fetch's text), type and key fields. */
export async function lookUpEntities(
  cache: EntityCache,
  fetch: FetchNode,
  representations: readonly Record<string, unknown>[],
  viewerId: string | undefined,
): Promise<CachedAnswers> {
  const keys = representations.map((representation): EntityCacheKey => ({
    service: fetch.serviceName,
    selection: fetch.operation,
    typename: String(representation['__typename']),
    representation: JSON.stringify(representation),
  }));
  const found = await cache.lookup(keys, viewerId);
  const missing: number[] = [];
  found.forEach((entity, index) => {
    if (!entity) missing.push(index);
  });
  return { keys, found, missing };
}

/**
 * A subgraph's answer to the representations sent, as if every one had been sent: cached
 * entities in their places, the response's errors at the positions of the entities they are
 * about. Keeps the answers that came without an error for as long as the response's Cache-Control
 * allows (before the executor merges them: the rules' walk later changes merged objects in place),
 * and narrows the client's cache policy to every cached answer used.
 */
export function withCachedEntities(
  cached: CachedAnswers,
  response: SubgraphResponse,
  cache: EntityCache,
  viewerId: string | undefined,
  overallCachePolicy: unknown,
): GatewayGraphQLResponse {
  const data = response.data as Record<string, unknown> | null | undefined;
  const sentCount = cached.missing.length;
  // A request that failed as a whole answers none of the entities sent; the cached ones still count.
  const received = data ? data['_entities'] : new Array<null>(sentCount).fill(null);
  if (sentCount > 0 && (!Array.isArray(received) || received.length !== sentCount)) return response;
  const errors = response.errors?.map((error) => {
    const position = error.path?.[1];
    if (error.path?.[0] !== '_entities' || typeof position !== 'number') return error;
    return { ...error, path: ['_entities', cached.missing[position] ?? position, ...error.path.slice(2)] };
  });
  if (data && sentCount > 0) {
    const failed = new Set(response.errors?.map((error) => error.path?.[1]));
    const answers = (received as unknown[]).flatMap((entity, position) => {
      const key = cached.keys[cached.missing[position] ?? -1];
      return entity && key && !failed.has(position) ? [{ key, entity: entity as Record<string, unknown> }] : [];
    });
    cache.store(answers, parseCachePolicy(cacheControlOf(response)), viewerId);
  }
  let next = 0;
  const entities = cached.found.map((hit) => {
    if (!hit) return (received as unknown[])[next++];
    restrictCachePolicyTo(overallCachePolicy, hit.policy);
    return hit.entity;
  });
  return { data: { _entities: entities }, ...(errors && { errors }) };
}
