import { startRedisServer, type RunningRedis } from '@bff/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRedisConnection, type RedisConnection } from '../core/createRedisConnection.js';
import type { EntityCache, EntityCacheKey } from './EntityCache.js';
import { createMemoryEntityCache } from './createMemoryEntityCache.js';
import { createRedisEntityCache } from './createRedisEntityCache.js';
import type { EntityLookupResult } from './entityLookups.js';

const selection = 'query($representations:[_Any!]!){_entities(representations:$representations){...on Product{name}}}';
const product = (upc: string): EntityCacheKey => ({
  service: 'products',
  selection,
  typename: 'Product',
  representation: JSON.stringify({ __typename: 'Product', upc }),
});
const user = (id: string): EntityCacheKey => ({
  service: 'accounts',
  selection: 'query($representations:[_Any!]!){_entities(representations:$representations){...on User{name}}}',
  typename: 'User',
  representation: JSON.stringify({ __typename: 'User', id }),
});
const publicFor = (maxAge: number) => ({ maxAge, scope: 'PUBLIC' }) as const;
const privateFor = (maxAge: number) => ({ maxAge, scope: 'PRIVATE' }) as const;

/** A cache under test, its clock (set `time` to move it) and the lookups it reported. */
interface Subject {
  readonly cache: EntityCache;
  readonly clock: { time: number };
  readonly reported: [EntityLookupResult, number][];
}

let redis: RunningRedis;
let connection: RedisConnection;
beforeAll(async () => {
  redis = await startRedisServer();
  connection = createRedisConnection(redis.url);
  await connection.ready(2_000);
});
afterAll(async () => {
  connection?.close();
  await redis?.stop();
});

const makers: Record<'memory' | 'Redis', () => Subject> = {
  memory: () => {
    const clock = { time: 1_000_000 };
    const reported: Subject['reported'] = [];
    const cache = createMemoryEntityCache({
      maxEntries: 100,
      now: () => clock.time,
      onLookup: (result, entities) => void reported.push([result, entities]),
    });
    return { cache, clock, reported };
  },
  Redis: () => {
    const clock = { time: Date.now() };
    const reported: Subject['reported'] = [];
    const cache = createRedisEntityCache({
      client: connection.client,
      keyPrefix: 'bff:test:entity:',
      now: () => clock.time,
      onLookup: (result, entities) => void reported.push([result, entities]),
      onError: (error) => {
        throw error;
      },
    });
    return { cache, clock, reported };
  },
};

/** Lets a store's pipeline (not awaited by store) reach Redis before the next command. */
const settle = () => connection.client.ping();

describe.each(Object.keys(makers) as (keyof typeof makers)[])('the %s entity cache', (kind) => {
  let subject: Subject;
  beforeEach(async () => {
    await connection.client.flushall();
    subject = makers[kind]();
  });

  it('answers a public entry to every viewer, anonymous too, with the max-age it has left', async () => {
    const { cache, clock } = subject;
    cache.store([{ key: product('1'), entity: { name: 'Bowl' } }], publicFor(60), '7');
    await settle();
    clock.time += 15_500;
    const expected = [{ entity: { name: 'Bowl' }, policy: { maxAge: 44, scope: 'PUBLIC' } }, undefined];
    expect(await cache.lookup([product('1'), product('2')], undefined)).toEqual(expected);
    expect(await cache.lookup([product('1'), product('2')], '7')).toEqual(expected);
    expect(await cache.lookup([product('1'), product('2')], '8')).toEqual(expected);
  });

  it('misses an entry once its max-age has passed', async () => {
    const { cache, clock } = subject;
    cache.store([{ key: product('1'), entity: { name: 'Bowl' } }], publicFor(60), undefined);
    await settle();
    clock.time += 59_999;
    expect(await cache.lookup([product('1')], undefined)).toEqual([
      { entity: { name: 'Bowl' }, policy: { maxAge: 0, scope: 'PUBLIC' } },
    ]);
    clock.time += 1;
    expect(await cache.lookup([product('1')], undefined)).toEqual([undefined]);
  });

  it('answers a private entry to its own viewer only, and keeps none for an anonymous one', async () => {
    const { cache } = subject;
    cache.store([{ key: user('1'), entity: { name: 'Ada', email: 'ada@example.com' } }], privateFor(30), '1');
    cache.store([{ key: user('2'), entity: { name: 'Bob' } }], privateFor(30), undefined);
    await settle();
    expect(await cache.lookup([user('1'), user('2')], '1')).toEqual([
      { entity: { name: 'Ada', email: 'ada@example.com' }, policy: { maxAge: 30, scope: 'PRIVATE' } },
      undefined,
    ]);
    expect(await cache.lookup([user('1')], '2')).toEqual([undefined]);
    expect(await cache.lookup([user('1'), user('2')], undefined)).toEqual([undefined, undefined]);
  });

  it('keeps nothing with max-age 0', async () => {
    const { cache } = subject;
    cache.store([{ key: product('1'), entity: { name: 'Bowl' } }], publicFor(0), '1');
    cache.store([{ key: product('2'), entity: { name: 'Clock' } }], privateFor(0), '1');
    await settle();
    expect(await cache.lookup([product('1'), product('2')], '1')).toEqual([undefined, undefined]);
  });

  it("finds a public entry before the viewer's private one", async () => {
    const { cache } = subject;
    cache.store([{ key: product('1'), entity: { name: 'mine' } }], privateFor(60), '1');
    cache.store([{ key: product('1'), entity: { name: 'everyone' } }], publicFor(10), undefined);
    await settle();
    expect(await cache.lookup([product('1')], '1')).toEqual([
      { entity: { name: 'everyone' }, policy: { maxAge: 10, scope: 'PUBLIC' } },
    ]);
  });

  it('keeps entries of other services, selections and representations apart', async () => {
    const { cache } = subject;
    const long = { ...product('1'), representation: JSON.stringify({ __typename: 'Product', upc: 'x'.repeat(500) }) };
    const longer = { ...long, representation: JSON.stringify({ __typename: 'Product', upc: 'x'.repeat(501) }) };
    cache.store([{ key: product('1'), entity: { name: 'Bowl' } }], publicFor(60), undefined);
    cache.store([{ key: long, entity: { name: 'Long' } }], publicFor(60), undefined);
    await settle();
    const found = await cache.lookup(
      [
        { ...product('1'), service: 'inventory' },
        { ...product('1'), selection: `${selection} ` },
        product('10'),
        long,
        longer,
      ],
      undefined,
    );
    expect(found.map((entry) => entry?.entity)).toEqual([undefined, undefined, undefined, { name: 'Long' }, undefined]);
  });

  it('hands out a copy of its own on every hit, which the caller may change', async () => {
    const { cache } = subject;
    const stored = { name: 'Bowl', reviews: [{ id: '1' }] };
    cache.store([{ key: product('1'), entity: stored }], publicFor(60), undefined);
    stored.name = 'changed after store';
    await settle();
    const [first] = await cache.lookup([product('1')], undefined);
    (first!.entity['reviews'] as { id: string }[]).push({ id: 'changed by a caller' });
    first!.entity['name'] = 'changed by a caller';
    const [second] = await cache.lookup([product('1')], undefined);
    expect(second!.entity).toEqual({ name: 'Bowl', reviews: [{ id: '1' }] });
  });

  it('drops every entry of a type, public and private, and no other', async () => {
    const { cache } = subject;
    cache.store(
      [
        { key: product('1'), entity: { name: 'Bowl' } },
        { key: product('2'), entity: { name: 'Clock' } },
      ],
      publicFor(60),
      undefined,
    );
    cache.store([{ key: product('3'), entity: { name: 'Lamp' } }], privateFor(60), '1');
    cache.store([{ key: user('1'), entity: { name: 'Ada' } }], publicFor(60), undefined);
    await settle();
    expect(await cache.dropType('Product')).toBe(3);
    expect(await cache.dropType('Product')).toBe(0);
    expect(await cache.dropType('Prod')).toBe(0);
    expect(
      (await cache.lookup([product('1'), product('2'), product('3'), user('1')], '1')).map((e) => e?.entity),
    ).toEqual([undefined, undefined, undefined, { name: 'Ada' }]);
  });

  it('reports the hits and misses of each lookup, one count per result', async () => {
    const { cache, reported } = subject;
    cache.store([{ key: product('1'), entity: { name: 'Bowl' } }], publicFor(60), undefined);
    await settle();
    await cache.lookup([product('1'), product('2'), product('3')], '1');
    await cache.lookup([product('1')], undefined);
    await cache.lookup([product('4')], undefined);
    expect(reported).toEqual([
      ['hit', 1],
      ['miss', 2],
      ['hit', 1],
      ['miss', 1],
    ]);
  });
});
