import type { Logger } from '@apollo/utils.logger';
import { startRedisServer } from '@bff/testing';
import { describe, expect, it } from 'vitest';
import { createSharedRedis } from '../core/createRedisConnection.js';
import { createMetrics } from '../observability/metrics/createMetrics.js';
import type { EntityCacheKey } from './EntityCache.js';
import { createEntityCache } from './createEntityCache.js';
import type { EntityCacheConfig } from './readEntityCacheConfig.js';

const on: EntityCacheConfig = { enabled: true, maxEntries: 100, adminRole: 'admin', redisUrl: undefined };
const product = (upc: string): EntityCacheKey => ({
  service: 'products',
  selection: '{ _entities { ... on Product { name } } }',
  typename: 'Product',
  representation: JSON.stringify({ __typename: 'Product', upc }),
});

/** A logger that keeps its lines, `level: message`. */
function recordingLogger(): Logger & { readonly lines: string[] } {
  const lines: string[] = [];
  const at = (level: string) => (message?: unknown) => void lines.push(`${level}: ${String(message)}`);
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

function metricsOfWeb() {
  const metrics = createMetrics({
    bffName: 'web',
    services: [],
    breakerState: () => 'closed',
    protectionStats: () => {
      throw new Error('not read by this test');
    },
    subscriptionStats: () => ({ active: 0, delivered: 0, dropped: 0 }),
  });
  const samples = async () =>
    (await metrics.registry.getSingleMetricAsString('bff_entity_cache_lookups_total')).split('\n');
  return { metrics, samples };
}

describe('createEntityCache', () => {
  it('makes no cache while <P>ENTITY_CACHE is off', () => {
    const shared = createSharedRedis();
    expect(
      createEntityCache({ ...on, enabled: false }, { bffName: 'web', connectRedis: shared.connect, logger: console }),
    ).toBeUndefined();
  });

  it('counts every entity looked up in bff_entity_cache_lookups_total, by result', async () => {
    const shared = createSharedRedis();
    const { metrics, samples } = metricsOfWeb();
    const cache = createEntityCache(on, {
      bffName: 'web',
      connectRedis: shared.connect,
      logger: console,
      recordLookups: (result, entities) => metrics.recordEntityCacheLookups(result, entities),
    })!;
    cache.store([{ key: product('1'), entity: { name: 'Bowl' } }], { maxAge: 60, scope: 'PUBLIC' }, undefined);
    await cache.lookup([product('1'), product('2'), product('3')], undefined);
    await cache.lookup([product('1')], '7');
    expect(await samples()).toEqual([
      '# HELP bff_entity_cache_lookups_total Entities looked up in the entity cache, by result ' +
        '(hit, miss, or error: the cache store did not answer).',
      '# TYPE bff_entity_cache_lookups_total counter',
      'bff_entity_cache_lookups_total{bff="web",result="hit"} 2',
      'bff_entity_cache_lookups_total{bff="web",result="miss"} 2',
      'bff_entity_cache_lookups_total{bff="web",result="error"} 0',
    ]);
  });

  it('keeps entries in Redis under bff:<bff>:entity:, counts an outage as errors and logs it once, and its end', async () => {
    await using redis = await startRedisServer();
    const shared = createSharedRedis();
    try {
      const connection = shared.connect(redis.url);
      await connection.ready(2_000);
      const { metrics, samples } = metricsOfWeb();
      const logger = recordingLogger();
      const cache = createEntityCache(
        { ...on, redisUrl: redis.url },
        {
          bffName: 'web',
          connectRedis: shared.connect,
          logger,
          recordLookups: (result, entities) => metrics.recordEntityCacheLookups(result, entities),
        },
      )!;
      cache.store([{ key: product('1'), entity: { name: 'Bowl' } }], { maxAge: 60, scope: 'PUBLIC' }, undefined);
      expect((await cache.lookup([product('1')], undefined))[0]?.entity).toEqual({ name: 'Bowl' });
      expect(await connection.client.keys('*')).toEqual([expect.stringMatching(/^bff:web:entity:Product:products:/)]);

      await redis.stop();
      await cache.lookup([product('1'), product('2')], undefined);
      await cache.lookup([product('1')], '7');
      await redis.restart();
      await connection.ready(3_000);
      await cache.lookup([product('1')], undefined);
      await cache.lookup([product('1')], undefined);

      expect((await samples()).slice(2)).toEqual([
        'bff_entity_cache_lookups_total{bff="web",result="hit"} 1',
        'bff_entity_cache_lookups_total{bff="web",result="miss"} 2',
        'bff_entity_cache_lookups_total{bff="web",result="error"} 3',
      ]);
      expect(logger.lines).toEqual([
        expect.stringMatching(
          new RegExp(
            `^warn: the entity cache in Redis at 127\\.0\\.0\\.1:${redis.port} failed \\(.+\\); ` +
              'lookups are misses until it answers again$',
          ),
        ),
        `info: the entity cache in Redis at 127.0.0.1:${redis.port} answers again`,
      ]);
    } finally {
      shared.close();
    }
  });
});
