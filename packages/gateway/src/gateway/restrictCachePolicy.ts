import type { EntityCachePolicy } from '../entityCache/EntityCache.js';
import { parseCachePolicy } from '../entityCache/parseCachePolicy.js';

/** The part of Apollo Server's cache policy a subgraph's answer may restrict. */
interface RestrictablePolicy {
  restrict(hint: { maxAge?: number; scope?: 'PUBLIC' | 'PRIVATE' }): void;
}

/**
 * Lets a subgraph's Cache-Control narrow the whole response's cache policy, as @apollo/gateway's
 * own data source does: no max-age means the answer must not be cached. Read by the same parser
 * as the entity cache's, so an entity and the answer it is part of never disagree.
 */
export function restrictCachePolicy(policy: unknown, cacheControl: string | null): void {
  restrictCachePolicyTo(policy, parseCachePolicy(cacheControl));
}

/** Narrows the whole response's cache policy to a part's: an answer taken from the entity cache, say. */
export function restrictCachePolicyTo(policy: unknown, { maxAge, scope }: EntityCachePolicy): void {
  if (typeof (policy as RestrictablePolicy | undefined)?.restrict !== 'function') return;
  (policy as RestrictablePolicy).restrict({ maxAge, ...(scope === 'PRIVATE' && { scope }) });
}
