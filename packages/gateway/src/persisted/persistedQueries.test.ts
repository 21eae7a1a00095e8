import {
  startRedisServer,
  startServices,
  startTestBff,
  type ClientName,
  type RunningRedis,
  type RunningServices,
  type TestBff,
} from '@bff/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from './persistedQueryManifest.js';

const query = /* GraphQL */ `query Bowls { first: product(upc: "100001") { upc name } second: product(upc: "100002") { upc name } }`;
const apq = (hash = sha256Hex(query)) => ({ persistedQuery: { version: 1, sha256Hash: hash } });
const notFound = { errors: [{ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] };
const bowls = {
  data: {
    first: { upc: '100001', name: 'Portable Ceramic Bowl' },
    second: { upc: '100002', name: 'Rustic Glass Bowl' },
  },
};

describe('automatic persisted queries', () => {
  let services: RunningServices;
  let redis: RunningRedis;
  /** BFFs of the running test, stopped after it. */
  const running = new Set<TestBff>();
  const start = (client: ClientName, env: NodeJS.ProcessEnv = {}) =>
    startTestBff(client, services, env).then((bff) => (running.add(bff), bff));
  beforeAll(async () => {
    [services, redis] = await Promise.all([startServices(), startRedisServer()]);
  });
  afterEach(() => Promise.all([...running].map((bff) => (running.delete(bff), bff.stop()))));
  afterAll(() => Promise.all([redis?.close(), services?.close()]));

  it.each(['web', 'mobile'] as const)(
    'on the %s BFF: an unknown hash is PERSISTED_QUERY_NOT_FOUND, then the query is registered with its text, then served by hash alone',
    async (client) => {
      const bff = await start(client, client === 'mobile' ? { MOBILE_BFF_TRUSTED_DOCUMENTS: 'off' } : {});
      const miss = await bff.post({ extensions: apq() });
      expect([miss.status, miss.body]).toEqual([200, notFound]);
      expect((await bff.post({ query, extensions: apq() })).body).toEqual(bowls);
      services.resetCalls();
      expect((await bff.post({ extensions: apq() })).body).toEqual(bowls);
      expect(services.calls.products.length).toBeGreaterThan(0);
    },
  );

  it('refuses a text whose hash is not the one sent', async () => {
    const web = await start('web');
    const response = await web.post({ query, extensions: apq(sha256Hex('something else')) });
    expect([response.status, response.body]).toEqual([
      400,
      {
        errors: [
          {
            message:
              `extensions.persistedQuery.sha256Hash must be the sha256 of query, which is ${sha256Hex(query)}, ` +
              `but got: ${sha256Hex('something else')}`,
            extensions: { code: 'BAD_REQUEST' },
          },
        ],
      },
    ]);
  });

  it('shares registrations between replicas of a BFF through Redis, and not with another BFF', async () => {
    const env = { REDIS_URL: redis.url, MOBILE_BFF_TRUSTED_DOCUMENTS: 'off' };
    const [one, two, mobile] = await Promise.all([start('web', env), start('web', env), start('mobile', env)]);
    expect((await one.post({ query, extensions: apq() })).body).toEqual(bowls);
    expect((await two.post({ extensions: apq() })).body).toEqual(bowls);
    expect((await mobile.post({ extensions: apq() })).body).toEqual(notFound);
  });

  it('keeps serving while Redis is down: a registered hash is then a miss, and the text still runs', async () => {
    const env = { REDIS_URL: redis.url };
    const web = await start('web', env);
    await redis.stop();
    try {
      expect((await web.post({ query, extensions: apq() })).body).toEqual(bowls);
      expect((await web.post({ extensions: apq() })).body).toEqual(notFound);
    } finally {
      await redis.restart();
    }
  });

  it('answers PERSISTED_QUERY_NOT_SUPPORTED with WEB_BFF_APQ=off', async () => {
    const web = await start('web', { WEB_BFF_APQ: 'off' });
    expect((await web.post({ query, extensions: apq() })).body).toEqual({
      errors: [{ message: 'PersistedQueryNotSupported', extensions: { code: 'PERSISTED_QUERY_NOT_SUPPORTED' } }],
    });
    expect((await web.post({ query })).body).toEqual(bowls);
  });
});
