import {
  signTestToken,
  startRedisServer,
  startServices,
  startTestBff,
  type RunningRedis,
  type RunningServices,
  type TestBff,
} from '@bff/testing';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

const query = { query: /* GraphQL */ `{ productPage(upc: "100001") { upc } }` };
const asUser = (sub: string, clientId?: string) => ({
  authorization: `Bearer ${signTestToken('web', { sub, roles: ['customer'], ...(clientId && { clientId }) })}`,
});

/** The RateLimit-* headers of a response, and Retry-After. */
function limitHeaders(response: { headers: Headers }) {
  const names = ['ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset', 'retry-after'];
  return Object.fromEntries(
    names.filter((name) => response.headers.has(name)).map((name) => [name, response.headers.get(name)]),
  );
}

const rateLimited = (message: string) => ({ errors: [{ message, extensions: { code: 'RATE_LIMITED' } }] });

describe('web BFF rate limits', () => {
  let services: RunningServices;
  let redis: RunningRedis;
  const started: TestBff[] = [];
  const start = async (env: NodeJS.ProcessEnv, lines?: string[]) => {
    const bff = await startTestBff(
      'web',
      services,
      env,
      lines ? { logStream: { write: (line) => void lines.push(line) } } : {},
    );
    started.push(bff);
    return bff;
  };
  beforeAll(async () => {
    services = await startServices();
    redis = await startRedisServer();
  });
  afterEach(async () => {
    await Promise.all(started.splice(0).map((bff) => bff.stop()));
  });
  afterAll(async () => {
    await redis?.close();
    await services?.close();
  });

  it('counts requests per user with RateLimit headers, and answers the one over the limit with 429, RATE_LIMITED and Retry-After', async () => {
    const web = await start({ WEB_BFF_RATE_LIMIT_PER_USER: '2', WEB_BFF_RATE_LIMIT_WINDOW_S: '60' });
    const first = await web.post(query, asUser('1'));
    expect(limitHeaders(first)).toEqual({
      'ratelimit-limit': '2',
      'ratelimit-remaining': '1',
      'ratelimit-reset': '60',
    });
    const second = await web.post(query, asUser('1'));
    expect([second.status, second.headers.get('ratelimit-remaining')]).toEqual([200, '0']);
    services.resetCalls();
    const third = await web.post(query, asUser('1'));
    expect(third.status).toBe(429);
    expect(third.body).toEqual(
      rateLimited('Rate limit exceeded for this user: at most 2 requests per 60 seconds. Retry in 60 seconds.'),
    );
    expect(limitHeaders(third)).toEqual({
      'ratelimit-limit': '2',
      'ratelimit-remaining': '0',
      'ratelimit-reset': '60',
      'retry-after': '60',
    });
    expect(Object.values(services.calls).flat()).toEqual([]);
    // Another user has counters of their own.
    expect((await web.post(query, asUser('2'))).status).toBe(200);
    expect(web.server.protectionStats().rateLimit).toEqual({ limited: { user: 1, client: 0 }, storeFailures: 0 });
  });

  it('counts anonymous requests per IP address', async () => {
    const web = await start({ WEB_BFF_RATE_LIMIT_PER_USER: '1' });
    expect((await web.post(query)).status).toBe(200);
    const over = await web.post(query);
    expect([over.status, over.body]).toEqual([
      429,
      rateLimited('Rate limit exceeded for this IP address: at most 1 request per 60 seconds. Retry in 60 seconds.'),
    ]);
    expect((await web.post(query, asUser('1'))).status).toBe(200);
  });

  it('counts anonymous requests behind a trusted proxy per forwarded address, and ignores the header from anyone else', async () => {
    const forwardedFor = (address: string) => ({ 'x-forwarded-for': address });
    const overForIp = [
      429,
      rateLimited('Rate limit exceeded for this IP address: at most 1 request per 60 seconds. Retry in 60 seconds.'),
    ];
    const behindProxy = await start({ WEB_BFF_RATE_LIMIT_PER_USER: '1', WEB_BFF_TRUST_PROXY: 'loopback' });
    expect((await behindProxy.post(query, forwardedFor('203.0.113.7'))).status).toBe(200);
    const again = await behindProxy.post(query, forwardedFor('203.0.113.7'));
    expect([again.status, again.body]).toEqual(overForIp);
    // Another client behind the same proxy has a counter of its own.
    expect((await behindProxy.post(query, forwardedFor('198.51.100.1, 203.0.113.8'))).status).toBe(200);
    // Without trusted proxies a client cannot pick its address: both count as the peer's.
    const direct = await start({ WEB_BFF_RATE_LIMIT_PER_USER: '1' });
    expect((await direct.post(query, forwardedFor('203.0.113.7'))).status).toBe(200);
    const forged = await direct.post(query, forwardedFor('203.0.113.8'));
    expect([forged.status, forged.body]).toEqual(overForIp);
  });

  it('counts requests per client app across its users', async () => {
    const web = await start({ WEB_BFF_RATE_LIMIT_PER_USER: '10', WEB_BFF_RATE_LIMIT_PER_CLIENT: '2' });
    expect((await web.post(query, asUser('1', 'web-checkout'))).status).toBe(200);
    expect((await web.post(query, asUser('2', 'web-checkout'))).status).toBe(200);
    const over = await web.post(query, asUser('3', 'web-checkout'));
    expect([over.status, over.body]).toEqual([
      429,
      rateLimited(
        'Rate limit exceeded for client app web-checkout: at most 2 requests per 60 seconds. Retry in 60 seconds.',
      ),
    ]);
    expect((await web.post(query, asUser('3', 'web'))).status).toBe(200);
    expect(web.server.protectionStats().rateLimit.limited).toEqual({ user: 0, client: 1 });
  });

  it('counts cost units when told to, charging the estimated cost of each operation', async () => {
    const web = await start({ WEB_BFF_RATE_LIMIT_UNIT: 'cost', WEB_BFF_RATE_LIMIT_PER_USER: '25' });
    // productPage 1 + product 1 + reviews (1 + 10 × id 1) = 13
    const reviews = { query: /* GraphQL */ `{ productPage(upc: "100001") { product { reviews(first: 10) { id } } } }` };
    const first = await web.post(reviews, asUser('1'));
    expect(limitHeaders(first)).toEqual({
      'ratelimit-limit': '25',
      'ratelimit-remaining': '12',
      'ratelimit-reset': '60',
    });
    const over = await web.post(reviews, asUser('1'));
    expect([over.status, over.body]).toEqual([
      429,
      rateLimited('Rate limit exceeded for this user: at most 25 cost units per 60 seconds. Retry in 60 seconds.'),
    ]);
    expect(over.headers.get('retry-after')).toBe('60');
    // An operation over a limit is refused before it is charged.
    const tooCostly = await web.post({ query: /* GraphQL */ `{ topProducts(first: 5000) { upc } }` }, asUser('2'));
    expect([tooCostly.status, tooCostly.body.errors[0].extensions.code]).toEqual([400, 'OPERATION_TOO_COMPLEX']);
    expect((await web.post(reviews, asUser('2'))).headers.get('ratelimit-remaining')).toBe('12');
  });

  it('shares the counters of two BFF replicas through one Redis', async () => {
    const env = { REDIS_URL: redis.url, WEB_BFF_RATE_LIMIT_PER_USER: '3' };
    const [one, two] = await Promise.all([start(env), start(env)]);
    expect((await one.post(query, asUser('101'))).headers.get('ratelimit-remaining')).toBe('2');
    expect((await two.post(query, asUser('101'))).headers.get('ratelimit-remaining')).toBe('1');
    expect((await one.post(query, asUser('101'))).headers.get('ratelimit-remaining')).toBe('0');
    expect((await two.post(query, asUser('101'))).status).toBe(429);
    expect((await one.post(query, asUser('101'))).status).toBe(429);
    expect((await two.post(query, asUser('102'))).status).toBe(200);
  });

  /** Sends requests until one is counted in Redis again (it carries RateLimit headers), or gives up after 100. */
  async function untilCounted(web: TestBff, headers: Record<string, string>) {
    for (let attempt = 0; attempt < 100; attempt += 1) {
      const response = await web.post(query, headers);
      if (response.headers.has('ratelimit-remaining')) return response;
      await sleep(50);
    }
    throw new Error('the BFF never counted in Redis again after it restarted');
  }

  it('fails open while Redis is down (uncounted, one warning), and counts again when it is back', async () => {
    const lines: string[] = [];
    const web = await start({ REDIS_URL: redis.url, WEB_BFF_RATE_LIMIT_PER_USER: '2', LOG_LEVEL: 'info' }, lines);
    expect((await web.post(query, asUser('201'))).headers.get('ratelimit-remaining')).toBe('1');
    await redis.stop();
    for (let request = 0; request < 3; request += 1) {
      const response = await web.post(query, asUser('201'));
      expect([response.status, limitHeaders(response)]).toEqual([200, {}]);
    }
    const warnings = lines.map((line) => JSON.parse(line)).filter((entry) => entry.level === 40);
    expect(warnings).toEqual([
      expect.objectContaining({
        msg: expect.stringMatching(
          new RegExp(
            `^rate limits cannot be counted in Redis at 127\\.0\\.0\\.1:${redis.port} \\(.+\\); ` +
              'failing open: requests pass uncounted until it is back$',
          ),
        ),
      }),
    ]);
    await redis.restart();
    // The restarted Redis is empty: counting starts again from the limit.
    expect((await untilCounted(web, asUser('201'))).headers.get('ratelimit-remaining')).toBe('1');
    expect((await web.post(query, asUser('201'))).status).toBe(200);
    expect((await web.post(query, asUser('201'))).status).toBe(429);
    expect(lines.map((line) => JSON.parse(line).msg)).toContain(
      `rate limits are counted in Redis at 127.0.0.1:${redis.port} again`,
    );
    expect(web.server.protectionStats().rateLimit.storeFailures).toBeGreaterThanOrEqual(3);
  });

  it('fails closed while Redis is down when told to (503 OVERLOADED, Retry-After), and serves again when it is back', async () => {
    const web = await start({ REDIS_URL: redis.url, WEB_BFF_RATE_LIMIT_ON_STORE_ERROR: 'closed' });
    expect((await web.post(query, asUser('301'))).status).toBe(200);
    await redis.stop();
    const refused = await web.post(query, asUser('301'));
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(refused.body).toEqual({
      errors: [
        {
          message: 'This BFF cannot check rate limits right now and refuses requests until it can. Retry in 1 second.',
          extensions: { code: 'OVERLOADED' },
        },
      ],
    });
    await redis.restart();
    expect((await untilCounted(web, asUser('301'))).status).toBe(200);
  });

  it('starts and serves while Redis is down, failing open', async () => {
    await redis.stop();
    try {
      const web = await start({ REDIS_URL: redis.url });
      expect((await web.post(query, asUser('401'))).status).toBe(200);
    } finally {
      await redis.restart();
    }
  });
});
