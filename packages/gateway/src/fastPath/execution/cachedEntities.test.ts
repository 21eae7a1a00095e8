import type { FetchNode } from '@apollo/query-planner';
import { describe, expect, it } from 'vitest';
import { createMemoryEntityCache } from '../../entityCache/createMemoryEntityCache.js';
import { lookUpEntities, withCachedEntities } from './cachedEntities.js';

const fetch = {
  kind: 'Fetch',
  serviceName: 'reviews',
  operation:
    'query Page__reviews__1($representations:[_Any!]!)' +
    '{_entities(representations:$representations){...on Product{rating}}}',
} as unknown as FetchNode;
const products = [1, 2, 3].map((upc) => ({ __typename: 'Product', upc: String(upc) }));

/** A response cache policy that records what it was narrowed to. */
function recordingPolicy() {
  const hints: unknown[] = [];
  return { hints, restrict: (hint: unknown) => hints.push(hint) };
}

describe('cachedEntities', () => {
  it('sends only the misses, puts cached answers in their places and narrows the policy to each one used', async () => {
    let now = 1_000_000;
    const cache = createMemoryEntityCache({ maxEntries: 10, now: () => now });
    const first = await lookUpEntities(cache, fetch, products, 'u1');
    expect(first.missing).toEqual([0, 1, 2]);
    withCachedEntities(
      first,
      { data: { _entities: [{ rating: 5 }, { rating: 4 }, { rating: 3 }] }, cacheControl: 'max-age=30, private' },
      cache,
      'u1',
      recordingPolicy(),
    );
    now += 10_000;
    const second = await lookUpEntities(cache, fetch, [...products, { __typename: 'Product', upc: '4' }], 'u1');
    expect(second.missing).toEqual([3]);
    const policy = recordingPolicy();
    const answer = withCachedEntities(second, { data: { _entities: [{ rating: 1 }] } }, cache, 'u1', policy);
    expect(answer).toEqual({ data: { _entities: [{ rating: 5 }, { rating: 4 }, { rating: 3 }, { rating: 1 }] } });
    expect(policy.hints).toEqual([
      { maxAge: 20, scope: 'PRIVATE' },
      { maxAge: 20, scope: 'PRIVATE' },
      { maxAge: 20, scope: 'PRIVATE' },
    ]);
    // Private answers are the viewer's own: another viewer misses them all.
    expect((await lookUpEntities(cache, fetch, products, 'u2')).missing).toEqual([0, 1, 2]);
  });

  it("moves an error's position from the representations sent to the fetch's, and keeps no answer that had one", async () => {
    const cache = createMemoryEntityCache({ maxEntries: 10 });
    withCachedEntities(
      await lookUpEntities(cache, fetch, [products[1]!], undefined),
      { data: { _entities: [{ rating: 4 }] }, cacheControl: 'max-age=60' },
      cache,
      undefined,
      recordingPolicy(),
    );
    const cached = await lookUpEntities(cache, fetch, products, undefined);
    expect(cached.missing).toEqual([0, 2]);
    const answer = withCachedEntities(
      cached,
      {
        data: { _entities: [{ rating: 5 }, null] },
        errors: [{ message: 'no rating', path: ['_entities', 1, 'rating'] }],
        cacheControl: 'max-age=60',
      },
      cache,
      undefined,
      recordingPolicy(),
    );
    expect(answer).toEqual({
      data: { _entities: [{ rating: 5 }, { rating: 4 }, null] },
      errors: [{ message: 'no rating', path: ['_entities', 2, 'rating'] }],
    });
    const afterwards = await lookUpEntities(cache, fetch, products, undefined);
    // The one with an error (and a null answer) is asked again; the other miss was kept.
    expect(afterwards.missing).toEqual([2]);
  });
});
