import {
  startRedisServer,
  startServices,
  startTestBff,
  startTestStack,
  viewerHeaders,
  type RunningServices,
  type TestBff,
} from '@bff/testing';
import { afterEach, describe, expect, it } from 'vitest';

/** startTestBff turns the cache off so other tests can count calls; these turn it on. */
const cacheOn = { WEB_BFF_RESPONSE_CACHE: 'on' };
const publicQuery = { query: /* GraphQL */ `{ topProducts(first: 2) { name averageRating } }` };

describe('web BFF response cache', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('serves an anonymous public query from the cache, within the shortest max-age of the services that answered', async () => {
    const stack = await startTestStack('web', cacheOn);
    cleanups.push(() => stack.close());
    const first = await stack.bff.post(publicQuery);
    const second = await stack.bff.post(publicQuery);
    expect(second.body).toEqual(first.body);
    expect(first.body.data.topProducts).toHaveLength(2);
    // products allows 60 s and reviews 30 s: the whole answer is fresh for 30 s.
    expect(first.headers.get('cache-control')).toBe('max-age=30, public');
    expect(second.headers.get('age')).not.toBeNull();
    expect(stack.services.calls.products).toEqual(['POST /graphql']);
    expect(stack.services.calls.reviews).toEqual(['POST /graphql']);
  });

  it('never serves or stores a response for a signed-in viewer', async () => {
    const stack = await startTestStack('web', cacheOn);
    cleanups.push(() => stack.close());
    const customer = viewerHeaders('web').customer;
    await stack.bff.post(publicQuery, customer);
    await stack.bff.post(publicQuery, customer);
    await stack.bff.post(publicQuery);
    expect(stack.services.calls.products).toHaveLength(3);
  });

  it('is off when configured off', async () => {
    const stack = await startTestStack('web', { WEB_BFF_RESPONSE_CACHE: 'off' });
    cleanups.push(() => stack.close());
    await stack.bff.post(publicQuery);
    await stack.bff.post(publicQuery);
    expect(stack.services.calls.products).toHaveLength(2);
  });

  it('is shared through Redis by the replicas of a BFF', async () => {
    const redis = await startRedisServer();
    cleanups.push(() => redis.stop());
    const services: RunningServices = await startServices();
    cleanups.push(() => services.close());
    const replicas: TestBff[] = [];
    for (const _ of [1, 2]) {
      const replica = await startTestBff('web', services, { ...cacheOn, REDIS_URL: redis.url });
      cleanups.push(() => replica.stop());
      replicas.push(replica);
    }
    const filled = await replicas[0]!.post(publicQuery);
    const hit = await replicas[1]!.post(publicQuery);
    expect(hit.body).toEqual(filled.body);
    expect(hit.headers.get('age')).not.toBeNull();
    expect(services.calls.products).toEqual(['POST /graphql']);
  });
});
