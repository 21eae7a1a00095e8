import { describe, expect, it } from 'vitest';
import type { EntityCacheKey } from './EntityCache.js';
import { createMemoryEntityCache } from './createMemoryEntityCache.js';

const product = (upc: string): EntityCacheKey => ({
  service: 'products',
  selection: '{ _entities { ... on Product { name } } }',
  typename: 'Product',
  representation: JSON.stringify({ __typename: 'Product', upc }),
});
const publicFor60 = { maxAge: 60, scope: 'PUBLIC' } as const;

describe('createMemoryEntityCache', () => {
  it('keeps at most maxEntries, letting the least recently used go first', async () => {
    const cache = createMemoryEntityCache({ maxEntries: 2 });
    cache.store([{ key: product('1'), entity: { name: 'one' } }], publicFor60, undefined);
    cache.store([{ key: product('2'), entity: { name: 'two' } }], publicFor60, undefined);
    // Product 1 is used, so product 2 is now the least recently used and leaves for product 3.
    await cache.lookup([product('1')], undefined);
    cache.store([{ key: product('3'), entity: { name: 'three' } }], publicFor60, undefined);
    const found = await cache.lookup([product('1'), product('2'), product('3')], undefined);
    expect(found.map((entry) => entry?.entity)).toEqual([{ name: 'one' }, undefined, { name: 'three' }]);
  });

  it('counts private entries of each viewer against the same bound', async () => {
    const cache = createMemoryEntityCache({ maxEntries: 2 });
    for (const viewer of ['1', '2', '3'])
      cache.store([{ key: product('1'), entity: { viewer } }], { maxAge: 60, scope: 'PRIVATE' }, viewer);
    const found = await Promise.all(['1', '2', '3'].map((viewer) => cache.lookup([product('1')], viewer)));
    expect(found.map(([entry]) => entry?.entity)).toEqual([undefined, { viewer: '2' }, { viewer: '3' }]);
  });

  it('leaves out an entity that is not JSON, keeps the rest, and does not throw', async () => {
    const cache = createMemoryEntityCache({ maxEntries: 10 });
    cache.store(
      [
        { key: product('1'), entity: { stock: 10n } },
        { key: product('2'), entity: { name: 'two' } },
      ],
      publicFor60,
      undefined,
    );
    const found = await cache.lookup([product('1'), product('2')], undefined);
    expect(found.map((entry) => entry?.entity)).toEqual([undefined, { name: 'two' }]);
  });
});
