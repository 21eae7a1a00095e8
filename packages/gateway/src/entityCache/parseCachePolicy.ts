import type { EntityCachePolicy } from './EntityCache.js';

/** What an answer gets when its Cache-Control allows no caching: fresh for no time at all. */
export const uncacheablePolicy: EntityCachePolicy = Object.freeze({ maxAge: 0, scope: 'PUBLIC' });

/** What a larger max-age counts as (RFC 9111 §1.2.2): Redis and timers take it, and it is 68 years. */
const greatestDeltaSeconds = 2 ** 31;

/**
 * How long a subgraph's answer stays fresh and who may share it, from its Cache-Control, as
 * @apollo/gateway's data source reads it: `max-age` in seconds (the smallest when given twice, 0
 * when one is not delta-seconds), PRIVATE with `private`; max-age 0 (not cacheable) without a
 * max-age and with `no-store` or `no-cache` (the BFF does not revalidate). `s-maxage` is ignored on
 * purpose: an entry's remaining max-age becomes that of the BFF's own answer, which browsers keep,
 * and a shared cache's longer lifetime would outlive what the subgraph allowed them. The one
 * parser of this header, for the entity cache and the response's policy (restrictCachePolicy) alike.
 */
export function parseCachePolicy(cacheControl: string | null): EntityCachePolicy {
  if (!cacheControl) return uncacheablePolicy;
  let maxAge: number | undefined;
  let isPrivate = false;
  let isUncacheable = false;
  for (const part of cacheControl.split(',')) {
    const equals = part.indexOf('=');
    const name = (equals === -1 ? part : part.slice(0, equals)).trim().toLowerCase();
    if (name === 'private') isPrivate = true;
    else if (name === 'no-store' || name === 'no-cache') isUncacheable = true;
    else if (name === 'max-age' && equals !== -1) {
      // delta-seconds (RFC 9111 §1.2.2), quoted or not; anything else is no max-age.
      const value = /^\s*"?(\d+)"?\s*$/.exec(part.slice(equals + 1))?.[1];
      maxAge = value === undefined ? 0 : Math.min(maxAge ?? greatestDeltaSeconds, Number(value));
    }
  }
  const seconds = isUncacheable || maxAge === undefined ? 0 : maxAge;
  if (!isPrivate && seconds === 0) return uncacheablePolicy;
  return { maxAge: seconds, scope: isPrivate ? 'PRIVATE' : 'PUBLIC' };
}
