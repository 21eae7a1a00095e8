/** Every result an entity looked up in the entity cache can have, as /metrics labels it. */
export const entityLookupResults = ['hit', 'miss', 'error'] as const;

/** What became of one entity looked up: found fresh, not found (or expired), or the store did not answer. */
export type EntityLookupResult = (typeof entityLookupResults)[number];

/** Told after each lookup how many of its entities had a result, once per result that some had. */
export type EntityLookupListener = (result: EntityLookupResult, entities: number) => void;

/** Tells `listener` of a lookup's hits and misses (one call per result with at least one entity). */
export function reportLookup(listener: EntityLookupListener | undefined, hits: number, misses: number): void {
  if (!listener) return;
  if (hits > 0) listener('hit', hits);
  if (misses > 0) listener('miss', misses);
}
