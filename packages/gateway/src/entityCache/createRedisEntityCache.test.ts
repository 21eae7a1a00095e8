import { startRedisServer, type RunningRedis } from '@bff/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRedisConnection, type RedisConnection } from '../core/createRedisConnection.js';
import type { EntityCacheKey } from './EntityCache.js';
import { createRedisEntityCache } from './createRedisEntityCache.js';
import type { EntityLookupResult } from './entityLookups.js';

/** A long selection, as a fetch's operation text is: its key holds its hash. */
const selection = `query($r:[_Any!]!){_entities(representations:$r){...on Product{${'name '.repeat(200)}}}}`;
const product = (upc: string): EntityCacheKey => ({
  service: 'products',
  selection,
  typename: 'Product',
  representation: JSON.stringify({ __typename: 'Product', upc }),
});
const publicFor60 = { maxAge: 60, scope: 'PUBLIC' } as const;

describe('createRedisEntityCache', () => {
  let redis: RunningRedis;
  let connection: RedisConnection;
  const reported: [EntityLookupResult, number][] = [];
  const errors: string[] = [];
  const cacheOver = (keyPrefix = 'bff:web:entity:') =>
    createRedisEntityCache({
      client: connection.client,
      keyPrefix,
      onLookup: (result, entities) => void reported.push([result, entities]),
      onError: (error) => void errors.push(error instanceof Error ? error.message : String(error)),
    });
  beforeEach(async () => {
    reported.length = 0;
    errors.length = 0;
    redis = await startRedisServer();
    connection = createRedisConnection(redis.url);
    await connection.ready(2_000);
  });
  afterEach(async () => {
    connection.close();
    await redis.stop();
  });

  it('keeps each entry under the prefix and typename with a hashed selection, its expiry in the value and a TTL', async () => {
    const cache = cacheOver();
    const before = Date.now();
    cache.store([{ key: product('1'), entity: { name: 'Bowl' } }], publicFor60, undefined);
    cache.store([{ key: product('1'), entity: { name: 'Mine' } }], { maxAge: 30, scope: 'PRIVATE' }, 'user:7');
    await connection.client.ping();
    const keys = (await connection.client.keys('*')).sort();
    expect(keys).toEqual([
      expect.stringMatching(/^bff:web:entity:Product:products:[\w-]{43}:public:\{"__typename":"Product","upc":"1"\}$/),
      expect.stringMatching(
        /^bff:web:entity:Product:products:[\w-]{43}:user=user%3A7:\{"__typename":"Product","upc":"1"\}$/,
      ),
    ]);
    const value = (await connection.client.get(keys[0]!))!;
    const [expiresAt, json] = [Number(value.slice(0, value.indexOf(' '))), value.slice(value.indexOf(' ') + 1)];
    expect(json).toBe('{"name":"Bowl"}');
    expect(expiresAt).toBeGreaterThanOrEqual(before + 60_000);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + 60_000);
    expect(await connection.client.pttl(keys[0]!)).toBeGreaterThan(59_000);
    expect(await connection.client.pttl(keys[1]!)).toBeLessThanOrEqual(30_000);
  });

  it('drops only its own prefix: another BFF sharing the Redis keeps its entries', async () => {
    const web = cacheOver('bff:web:entity:');
    const mobile = cacheOver('bff:mobile:entity:');
    web.store([{ key: product('1'), entity: { name: 'Bowl' } }], publicFor60, undefined);
    mobile.store([{ key: product('1'), entity: { name: 'Bowl' } }], publicFor60, undefined);
    await connection.client.ping();
    expect(await web.dropType('Product')).toBe(1);
    expect((await mobile.lookup([product('1')], undefined))[0]?.entity).toEqual({ name: 'Bowl' });
  });

  it('drops a type of more entries than one SCAN returns', async () => {
    const cache = cacheOver();
    const many = Array.from({ length: 2_500 }, (_, index) => ({ key: product(String(index)), entity: { index } }));
    cache.store(many, publicFor60, undefined);
    await connection.client.ping();
    expect(await cache.dropType('Product')).toBe(2_500);
    expect(await connection.client.dbsize()).toBe(0);
  });

  it('while Redis is down: every lookup is all misses counted as errors, stores are lost, nothing throws', async () => {
    const cache = cacheOver();
    cache.store([{ key: product('1'), entity: { name: 'Bowl' } }], publicFor60, undefined);
    await connection.client.ping();
    await redis.stop();
    expect(await cache.lookup([product('1'), product('2')], '1')).toEqual([undefined, undefined]);
    cache.store([{ key: product('3'), entity: { name: 'Lamp' } }], publicFor60, undefined);
    await expect(cache.dropType('Product')).rejects.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(reported).toEqual([['error', 2]]);
    expect(errors.length).toBeGreaterThanOrEqual(2);

    // Back (empty): entries are kept and found again.
    await redis.restart();
    await connection.ready(3_000);
    cache.store([{ key: product('1'), entity: { name: 'Bowl' } }], publicFor60, undefined);
    expect((await cache.lookup([product('1')], undefined))[0]?.entity).toEqual({ name: 'Bowl' });
    expect(reported.at(-1)).toEqual(['hit', 1]);
  });

  it('takes a value it did not write under its prefix as an error, and answers the rest', async () => {
    const cache = cacheOver();
    cache.store([{ key: product('2'), entity: { name: 'Clock' } }], publicFor60, undefined);
    await connection.client.ping();
    const [key] = await connection.client.keys('*');
    await connection.client.set(key!.replace('"upc":"2"', '"upc":"1"'), `${Date.now() + 60_000} {not json`);
    const found = await cache.lookup([product('1'), product('2'), product('3')], undefined);
    expect(found.map((entry) => entry?.entity)).toEqual([undefined, { name: 'Clock' }, undefined]);
    expect(reported).toEqual([
      ['hit', 1],
      ['miss', 1],
      ['error', 1],
    ]);
    expect(errors).toHaveLength(1);
  });
});
